import { formatDateClockAr } from "../../lib/clock-format";
import type { PlatformStatsReport } from "./build-platform-stats-report";
import type { BspTrigger } from "./evaluate-bsp-triggers";

export type StatsTable = { id: string; title: string; headers: string[]; rows: string[][] };

const integer = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("es-AR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("es-AR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usd = new Intl.NumberFormat("es-AR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const unitUsd = new Intl.NumberFormat("es-AR", { minimumFractionDigits: 4, maximumFractionDigits: 4 });

const n = (v: number) => integer.format(v);
const pct = (v: number | null) => (v === null ? "sin datos" : `${percent.format(v * 100)} %`);
const ms = (v: number | null) => (v === null ? "sin datos" : `${integer.format(Math.round(v))} ms`);
const money = (cents: number) => `USD ${usd.format(cents / 100)}`;
const usd4 = (hundredthsOfCent: number) => `USD ${unitUsd.format(hundredthsOfCent / 10_000)}`;
const mb = (bytes: number) => `${decimal.format(bytes / 1_048_576)} MB`;
const mark = (met: boolean | null) => (met === null ? "ℹ️ informativo" : met ? "✅ cumple" : "❌ no cumple");
const PROVIDER = { meta: "Meta (Cloud API)", dialog360: "360dialog", twilio: "Twilio" } as const;
const CATEGORY = { marketing: "Marketing", utility: "Utilidad", authentication: "Autenticación", service: "Servicio" } as const;

const TRIGGER_LABEL: Record<BspTrigger["key"], [string, (v: number | null) => string]> = {
  clientsWithAi: ["Clientes con asistente IA", (v) => n(v ?? 0)],
  monthlyVolume: ["Volumen mensual de mensajes", (v) => n(v ?? 0)],
  monthlyCost: ["Costo mensual de mensajes", (v) => money(v ?? 0)],
  uptime: ["Disponibilidad (90 días)", pct],
  webhookP95: ["Respuesta del webhook (p95)", ms],
};

// The report as the tables of the BSP application (Spanish: they are pasted into the document). Shared by the
// Markdown renderer and the operator page so both show the same numbers formatted the same way.
export function statsTables(r: PlatformStatsReport): StatsTable[] {
  const web = r.uptime.services[0]!;
  return [
    {
      id: "resumen", title: "Resumen de la plataforma", headers: ["Métrica", "Valor"],
      rows: [
        ["Organizaciones (no suspendidas)", n(r.organizations.total)],
        ["Organizaciones activas", n(r.organizations.active)],
        ["Organizaciones con asistente IA", n(r.organizations.withAssistant)],
        ["Mensajes entrantes", n(r.messages.inbound)],
        ["Mensajes salientes", n(r.messages.outbound)],
        ["Mensajes de plantilla", n(r.messages.templates)],
        ["Mensajes por organización activa", r.messages.perActiveOrganization === null ? "sin datos" : decimal.format(r.messages.perActiveOrganization)],
        ["Tiempo de respuesta del webhook (promedio)", ms(r.webhook.avgMs)],
        ["Tiempo de respuesta del webhook (p95)", ms(r.webhook.p95Ms)],
        ["Webhooks recibidos", n(r.webhook.count)],
        [`Disponibilidad (${r.uptime.days} días)`, pct(web.ratio)],
        ["Tasa de entrega", pct(r.delivery.successRate)],
        ["Tasa de resolución por IA", pct(r.aiResolution.rate)],
        ["Conversaciones simultáneas (pico por hora)", r.concurrentConversations.hourStart ? `${n(r.concurrentConversations.peak)} (${formatDateClockAr(r.concurrentConversations.hourStart)})` : "0"],
        ["Almacenamiento usado", mb(r.storage.totalBytes)],
      ],
    },
    {
      id: "bsp", title: "Métricas para solicitar ser BSP", headers: ["Métrica", "Valor", "Umbral", "Estado"],
      rows: r.bspTriggers.map((t) => [TRIGGER_LABEL[t.key][0], TRIGGER_LABEL[t.key][1](t.value), t.threshold, mark(t.met)]),
    },
    {
      id: "organizaciones", title: "Mensajes por organización", headers: ["Organización", "Entrantes", "Salientes", "Plantillas", "Total"],
      rows: r.messages.byOrganization.map((o) => [o.name, n(o.inbound), n(o.outbound), n(o.templates), n(o.total)]),
    },
    {
      id: "entrega", title: "Entrega de mensajes salientes", headers: ["Estado", "Mensajes"],
      rows: [["Entregados o leídos", n(r.delivery.delivered)], ["Fallidos", n(r.delivery.failed)], ["Sin estado final", n(r.delivery.pending)], ["Total salientes", n(r.delivery.outbound)]],
    },
    {
      id: "ia", title: "Resolución por IA", headers: ["Conversaciones", "Cantidad"],
      rows: [["Con mensajes del cliente", n(r.aiResolution.conversations)], ["Atendidas por el asistente", n(r.aiResolution.handledByAssistant)], ["Resueltas sin una persona", n(r.aiResolution.resolvedByAssistant)]],
    },
    {
      id: "disponibilidad", title: `Disponibilidad por servicio (${r.uptime.days} días)`, headers: ["Servicio", "Minutos medidos", "Minutos arriba", "Disponibilidad"],
      rows: r.uptime.services.map((s) => [s.service, n(s.minutes), n(s.upMinutes), pct(s.ratio)]),
    },
    {
      id: "costos", title: "Costo de mensajes entregados", headers: ["Proveedor", "Categoría", "Entregados", "Precio unitario", "Costo"],
      rows: [
        ...r.cost.lines.map((l) => [PROVIDER[l.provider], CATEGORY[l.category], n(l.delivered), usd4(l.unitHundredthsOfCent), usd4(l.totalHundredthsOfCent)]),
        ["Total del período", "", "", "", money(r.cost.totalCents)],
        ["Estimado mensual (30 días)", "", "", "", money(r.cost.monthlyCents)],
      ],
    },
    {
      id: "almacenamiento", title: "Almacenamiento", headers: ["Qué", "Tamaño"],
      rows: [
        ["Base de datos (Postgres)", mb(r.storage.databaseBytes)],
        ...r.storage.largestTables.map((t) => [`· tabla ${t.table}`, mb(t.bytes)]),
        ["Archivos de mensajes", mb(r.storage.messageMediaBytes)],
        ["Adjuntos de trabajos", mb(r.storage.jobAttachmentBytes)],
        ["Total", mb(r.storage.totalBytes)],
      ],
    },
  ];
}
