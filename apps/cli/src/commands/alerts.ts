import { dedupeKeyOf, evaluateAlerts, listAlerts, type AlertView } from "@campotech/core/modules/alerts";
import { formatDateClockAr } from "@campotech/core/lib/clock-format";
import type { Command } from "../command";

type Evaluation = {
  at: string;
  firing: { dedupeKey: string; value: number; threshold: number; title: string }[];
  fired: string[];
  resolved: string[];
  failedRules: { kind: string; error: string }[];
  notices: { alertId: string; event: string; audience: string; channel: string; to: string; status: string; reason?: string }[];
};

const line = (a: AlertView) =>
  `${a.status === "OPEN" ? "ABIERTA " : "resuelta"} ${a.dedupeKey}  ${a.title}\n  ${a.detail}\n  desde ${formatDateClockAr(a.firstFiredAt)}` +
  (a.resolvedAt ? `, resuelta ${formatDateClockAr(a.resolvedAt)}` : `, vista ${formatDateClockAr(a.lastSeenAt)}`);

export const alertsCommands: Command[] = [
  {
    path: ["alerts", "list"],
    summary: "Lista las alertas abiertas de todas las organizaciones y de la plataforma (--all: también las resueltas)",
    usage: "campotech alerts list [--all] [--json]",
    options: { all: { type: "boolean" } },
    run: (values) => listAlerts({ all: values.all === true }),
    human: (alerts: AlertView[]) => (alerts.length ? alerts.map(line).join("\n") : "No hay alertas abiertas."),
  },
  {
    path: ["alerts", "evaluate"],
    summary: "Evalúa las reglas de alertas ahora (como el trabajo de cada minuto) y avisa lo que cambió",
    usage: "campotech alerts evaluate [--json]",
    options: {},
    async run(): Promise<Evaluation> {
      const result = await evaluateAlerts();
      return {
        at: result.at.toISOString(),
        firing: result.readings.filter((r) => r.firing).map((r) => ({ dedupeKey: dedupeKeyOf(r), value: r.value, threshold: r.threshold, title: r.title })),
        fired: result.fired.map((a) => a.dedupeKey),
        resolved: result.resolved.map((a) => a.dedupeKey),
        failedRules: result.failedRules,
        notices: result.notices,
      };
    },
    human: (r: Evaluation) =>
      [
        r.firing.length ? `En alerta (${r.firing.length}):\n${r.firing.map((f) => `  ${f.dedupeKey}  ${f.title}`).join("\n")}` : "Nada en alerta.",
        ...(r.fired.length ? [`Nuevas: ${r.fired.join(", ")}`] : []),
        ...(r.resolved.length ? [`Resueltas: ${r.resolved.join(", ")}`] : []),
        ...r.failedRules.map((f) => `La regla ${f.kind} falló: ${f.error}`),
        ...(r.notices.length ? [`Avisos: ${r.notices.filter((n) => n.status === "sent").length} enviados de ${r.notices.length}`] : []),
      ].join("\n"),
  },
];
