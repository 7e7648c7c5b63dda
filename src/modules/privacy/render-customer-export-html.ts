import { formatDateClockAr } from "../../lib/clock-format";
import { formatMoneyInputAr } from "../../lib/money-ar";
import { messageText } from "../conversations/message-text";
import type { CustomerDataExport } from "./export-customer-data";

const esc = (value: unknown): string =>
  String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const when = (at: Date | string | null | undefined) => (at ? formatDateClockAr(at) : "—");
const money = (cents: number) => `$ ${formatMoneyInputAr(cents)}`;
const ACTOR: Record<string, string> = { USER: "Usuario del negocio", SYSTEM: "Sistema", OPERATOR: "Soporte de CampoTech" };

function table(title: string, head: string[], rows: unknown[][]): string {
  if (!rows.length) return `<h2>${esc(title)}</h2><p class="empty">Sin datos.</p>`;
  const th = head.map((h) => `<th>${esc(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((cell) => `<td>${esc(cell)}</td>`).join("")}</tr>`).join("");
  return `<h2>${esc(title)}</h2><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

// The human-readable copy of a customer's data: one self-contained page (no scripts, no external assets) the
// browser prints or saves as PDF. es-AR, times in Buenos Aires.
export function renderCustomerExportHtml(data: CustomerDataExport): string {
  const c = data.customer;
  const messages = data.conversations.flatMap((conv) => conv.messages);
  const sections = [
    table("Datos del cliente", ["Campo", "Valor"], [
      ["Nombre", c.name], ["Teléfono", c.phone ?? "—"], ["Email", c.email ?? "—"], ["Dirección", [c.address, c.city].filter(Boolean).join(", ") || "—"],
      ["Documento", c.taxDocNumber ?? "—"], ["Notas", c.notes ?? "—"], ["Etiquetas", c.tags.join(", ") || "—"],
      ["Alta", when(c.createdAt)], ["No quiere mensajes desde", when(c.optedOutAt)], ["Datos eliminados", when(c.erasedAt)],
    ]),
    table("Direcciones", ["Etiqueta", "Calle", "Piso/depto", "Localidad", "Referencias"],
      data.addresses.map((a) => [a.label ?? "—", a.street, a.floorApartment ?? "—", a.locality ?? "—", a.references ?? "—"])),
    table("Mensajes de WhatsApp", ["Fecha", "Sentido", "Tipo", "Texto"],
      messages.map((m) => [when(m.createdAt), m.direction === "INBOUND" ? "Recibido" : "Enviado", m.type, messageText(m.content) ?? ""])),
    table("Trabajos", ["N.º", "Fecha", "Servicio", "Dirección", "Estado", "Descripción"],
      data.jobs.map((j) => [j.number, when(j.scheduledStart ?? j.createdAt), j.serviceType, j.address, j.status, j.description])),
    table("Recorridos de técnicos hacia sus trabajos", ["Fecha", "Latitud", "Longitud"],
      data.positions.map((p) => [when(p.recordedAt), p.latitude, p.longitude])),
    table("Consultas", ["Fecha", "Estado", "Resumen"], data.leads.map((l) => [when(l.createdAt), l.status, l.summary])),
    table("Facturas", ["Fecha", "Tipo", "Número", "CAE", "Total", "Receptor"],
      data.invoices.map((i) => [i.issueDate, `${i.kind} ${i.letter}`, i.number ?? "—", i.cae ?? "—", money(i.totalCents), `${i.receiverName} (${i.receiverDocNumber})`])),
    table("Pagos", ["Fecha", "Medio", "Estado", "Monto"], data.payments.map((p) => [when(p.createdAt), p.method, p.status, money(p.amountCents)])),
    table("Registro de auditoría", ["Fecha", "Quién", "Acción", "Sobre"],
      data.auditEntries.map((a) => [when(a.createdAt), ACTOR[a.actorType] ?? a.actorType, a.action, a.entityType])),
  ];
  return `<!doctype html>
<html lang="es-AR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Datos de ${esc(c.name)} — ${esc(data.organization.name)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#111}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f3f3f3}
.empty{color:#666}@media print{body{margin:0}}
</style></head><body>
<h1>Datos personales de ${esc(c.name)}</h1>
<p>Copia de los datos que ${esc(data.organization.name)} (CUIT ${esc(data.organization.cuit)}) guarda sobre este cliente en CampoTech,
generada el ${esc(when(data.generatedAt))} (Ley 25.326 de Protección de Datos Personales, art. 14).</p>
${sections.join("\n")}
</body></html>`;
}
