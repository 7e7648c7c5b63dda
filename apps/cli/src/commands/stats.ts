import { buildPlatformStatsReport, renderStatsMarkdown, type PlatformStatsReport } from "@campotech/core/modules/platform-stats";
import { optional, type Command } from "../command";

// The platform statistics for the BSP application (docs/operations.md, "Platform statistics report"). Markdown by
// default (ready to paste); --json prints the typed report. --markdown is accepted to say it explicitly.
export const statsCommands: Command[] = [
  {
    path: ["stats"],
    summary: "Estadísticas de la plataforma (organizaciones, mensajes, webhook, disponibilidad, costos y métricas para ser BSP)",
    usage: "campotech stats [--from AAAA-MM-DD] [--to AAAA-MM-DD] [--json | --markdown]   (por defecto, los últimos 30 días)",
    options: { from: { type: "string" }, to: { type: "string" }, markdown: { type: "boolean" } },
    run: (values) => buildPlatformStatsReport({ from: optional(values, "from"), to: optional(values, "to"), now: new Date() }),
    human: (report: PlatformStatsReport) => renderStatsMarkdown(report).trimEnd(),
  },
];
