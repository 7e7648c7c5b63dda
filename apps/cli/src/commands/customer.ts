import { writeFile } from "node:fs/promises";
import { withTenant } from "@campotech/core/lib/db";
import { getMediaStorage } from "@campotech/core/modules/media";
import { eraseCustomerData, exportCustomerData, renderCustomerExportHtml, type EraseCustomerResult } from "@campotech/core/modules/privacy";
import { optional, required, UsageError, type Command } from "../command";

const OPERATOR = { type: "OPERATOR" as const, id: null };

type ExportResult = { customerId: string; out: string | null; html: string | null; data?: unknown };

// A customer's rights under Ley 25.326, for operators handling a request that came to support (the owner has the
// same buttons on the customer page). Both are audited as OPERATOR.
export const customerCommands: Command[] = [
  {
    path: ["customer", "export"],
    summary: "Exporta todos los datos de un cliente (JSON; con --out también una página HTML imprimible)",
    usage: "campotech customer export --org <id> --customer <id> [--out <archivo.json>] [--json]",
    options: { org: { type: "string" }, customer: { type: "string" }, out: { type: "string" } },
    async run(values) {
      const organizationId = required(values, "org");
      const customerId = required(values, "customer");
      const out = optional(values, "out");
      const data = await withTenant(organizationId, (tx) => exportCustomerData(tx, { organizationId, customerId, actor: OPERATOR }));
      if (!out) return { customerId, out: null, html: null, data } satisfies ExportResult;
      const html = out.replace(/\.json$/i, "") + ".html";
      await writeFile(out, JSON.stringify(data, null, 2));
      await writeFile(html, renderCustomerExportHtml(data));
      return { customerId, out, html } satisfies ExportResult;
    },
    human: (r: ExportResult) => (r.out ? `Datos del cliente ${r.customerId} guardados en ${r.out} y ${r.html}.` : JSON.stringify(r.data, null, 2)),
  },
  {
    path: ["customer", "erase"],
    summary: "Elimina los datos personales de un cliente (las facturas y la auditoría se conservan); pide --yes",
    usage: "campotech customer erase --org <id> --customer <id> --yes [--json]",
    options: { org: { type: "string" }, customer: { type: "string" }, yes: { type: "boolean" } },
    async run(values) {
      const organizationId = required(values, "org");
      const customerId = required(values, "customer");
      if (values.yes !== true) throw new UsageError("esto no se puede deshacer: confirmalo con --yes");
      return withTenant(organizationId, (tx) => eraseCustomerData(tx, getMediaStorage(), { organizationId, customerId, actor: OPERATOR }));
    },
    human: (r: EraseCustomerResult) =>
      r.alreadyErased
        ? `Los datos del cliente ${r.customerId} ya estaban eliminados; no se cambió nada.`
        : `Datos personales del cliente ${r.customerId} eliminados: ${r.removed!.messages} mensajes, ${r.removed!.mediaFiles} archivos, ${r.removed!.addresses} direcciones, ${r.removed!.positions} posiciones. Se conservan ${r.invoicesKept} facturas (obligación legal).`,
  },
];
