import type { Prisma } from "@campotech/database";
import { formatDateClockAr } from "../../lib/clock-format";
import { formatPhoneForPeople } from "../../lib/phone";
import { ACTIVE_CUSTOMER_WHERE } from "../customers/customer-view";
import { normalizeTag } from "../customers/normalize-tags";
import { cursorArgs, type CsvExport } from "./csv-export";
import type { DateRange } from "./export-filter";

export type CustomersExportFilter = DateRange & { search?: string; tag?: string };

const DOC_TYPE: Record<number, string> = { 80: "CUIT", 86: "CUIL", 96: "DNI" };

// The same rows the customers list shows (merged and staff rows left out; the search and tag filters behave the
// same), with "desde/hasta" on the day the customer was created.
function where(filter: CustomersExportFilter): Prisma.CustomerWhereInput {
  const search = filter.search?.trim();
  const digits = search?.replace(/\D/g, "") ?? "";
  return {
    ...ACTIVE_CUSTOMER_WHERE,
    ...(filter.tag ? { tags: { has: normalizeTag(filter.tag) } } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    ...(search
      ? { OR: [{ name: { contains: search, mode: "insensitive" } }, ...(digits.length >= 3 ? [{ phone: { contains: digits.replace(/^0+/, "").slice(-10) } }] : [])] }
      : {}),
  };
}

const select = {
  id: true, name: true, phone: true, email: true, address: true, city: true, tags: true, taxDocType: true, taxDocNumber: true,
  notes: true, optedOutAt: true, createdAt: true,
} as const satisfies Prisma.CustomerSelect;
type Row = Prisma.CustomerGetPayload<{ select: typeof select }>;

export const customersExport: CsvExport<CustomersExportFilter, Row> = {
  kind: "customers",
  filename: "clientes",
  header: ["Nombre", "Teléfono", "Email", "Dirección", "Localidad", "Etiquetas", "Documento", "Notas", "Acepta mensajes", "Cliente desde"],
  readBatch: (tx, filter, afterId, take) =>
    tx.customer.findMany({ where: where(filter), orderBy: [{ name: "asc" }, { id: "asc" }], take, ...cursorArgs(afterId), select }),
  idOf: (row) => row.id,
  cells: (c) => [
    c.name,
    formatPhoneForPeople(c.phone),
    c.email,
    c.address,
    c.city,
    c.tags.join(", "),
    c.taxDocType && c.taxDocNumber ? `${DOC_TYPE[c.taxDocType] ?? c.taxDocType} ${c.taxDocNumber}` : "",
    c.notes,
    c.optedOutAt ? "No" : "Sí",
    formatDateClockAr(c.createdAt),
  ],
};
