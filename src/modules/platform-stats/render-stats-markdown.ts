import type { PlatformStatsReport } from "./build-platform-stats-report";
import { statsTables } from "./stats-tables";

const cell = (text: string) => text.replace(/\|/g, "\\|");

// The report as Markdown, ready to paste into the BSP application: a heading with the period, then one table per
// group ("✅ cumple / ❌ no cumple" on the BSP metrics).
export function renderStatsMarkdown(report: PlatformStatsReport): string {
  const lines = [
    `# Estadísticas de la plataforma CampoTech`,
    "",
    `Período: ${report.period.from} a ${report.period.to} (${report.period.days} días, hora de Buenos Aires). Disponibilidad: los ${report.uptime.days} días que terminan el ${report.period.to}.`,
  ];
  for (const table of statsTables(report)) {
    lines.push("", `## ${table.title}`, "", `| ${table.headers.map(cell).join(" | ")} |`, `|${table.headers.map(() => " --- ").join("|")}|`);
    for (const row of table.rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
    if (!table.rows.length) lines.push(`| ${table.headers.map((_, i) => (i === 0 ? "sin datos" : "")).join(" | ")} |`);
  }
  return `${lines.join("\n")}\n`;
}
