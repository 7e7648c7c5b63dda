import type { JobStatus, Prisma } from "@campotech/database";
import { formatDateClockAr } from "../../lib/clock-format";
import { formatPhoneForPeople } from "../../lib/phone";
import { computeJobTotals } from "../jobs/compute-job-totals";
import { cursorArgs, type CsvExport } from "./csv-export";
import type { DateRange } from "./export-filter";

// As the jobs list filters: status, technician, and the date range on the scheduled start.
export type JobsExportFilter = DateRange & { status?: JobStatus; technicianId?: string };

const STATUS: Record<JobStatus, string> = {
  pending: "Pendiente", scheduled: "Agendado", en_camino: "En camino", working: "Trabajando", completed: "Terminado", cancelled: "Cancelado",
};
const SERVICE: Record<string, string> = { PLUMBING: "Plomería", GAS: "Gas", ELECTRICAL: "Electricidad", HVAC: "Climatización", DRAINAGE: "Destapaciones", GENERAL: "General" };
const URGENCY: Record<string, string> = { EMERGENCY: "Urgencia", HIGH: "Alta", NORMAL: "Normal" };

const select = {
  id: true, number: true, status: true, urgency: true, serviceType: true, address: true, description: true,
  scheduledStart: true, scheduledEnd: true, paidCents: true, createdAt: true,
  customer: { select: { name: true, phone: true } },
  technician: { select: { name: true } },
  lineItems: { select: { quantityMilli: true, unitPriceCents: true, ivaRateBps: true } },
} as const satisfies Prisma.JobSelect;
type Row = Prisma.JobGetPayload<{ select: typeof select }>;

// Money leaves as integer centavos in its own column ("Total (centavos)"): exact, and the same number in every
// spreadsheet locale (a decimal comma would collide with the CSV's comma separator).
export const jobsExport: CsvExport<JobsExportFilter, Row> = {
  kind: "jobs",
  filename: "trabajos",
  header: ["Número", "Estado", "Urgencia", "Servicio", "Cliente", "Teléfono del cliente", "Dirección", "Descripción", "Técnico", "Inicio programado", "Fin programado", "Total (centavos)", "Cobrado (centavos)", "Creado"],
  readBatch: (tx, filter, afterId, take) =>
    tx.job.findMany({
      where: {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.technicianId ? { technicianId: filter.technicianId } : {}),
        ...(filter.from || filter.to ? { scheduledStart: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
      },
      orderBy: [{ number: "asc" }, { id: "asc" }],
      take,
      ...cursorArgs(afterId),
      select,
    }),
  idOf: (row) => row.id,
  cells: (j) => [
    j.number,
    STATUS[j.status],
    URGENCY[j.urgency] ?? j.urgency,
    SERVICE[j.serviceType] ?? j.serviceType,
    j.customer.name,
    formatPhoneForPeople(j.customer.phone),
    j.address,
    j.description,
    j.technician?.name ?? "",
    j.scheduledStart ? formatDateClockAr(j.scheduledStart) : "",
    j.scheduledEnd ? formatDateClockAr(j.scheduledEnd) : "",
    j.lineItems.length ? computeJobTotals(j.lineItems).totalCents : 0,
    j.paidCents,
    formatDateClockAr(j.createdAt),
  ],
};
