import type { Database } from "@campotech/database";

export type Uptime = { service: string; minutes: number; upMinutes: number; ratio: number | null; firstProbeAt: Date | null };

/**
 * Share of the minutes in [from, to) whose probe of `service` answered. Minutes before the first probe ever
 * recorded are not counted (the platform was not being watched yet); minutes after it with no row count as down,
 * because the only way to miss a probe is for the workers (or Postgres) to be down.
 */
export async function readUptime(
  database: Database,
  range: { from: Date; to: Date; service?: string },
): Promise<Uptime> {
  const service = range.service ?? "web";
  const first = await database.healthProbe.findFirst({ where: { service }, orderBy: { minute: "asc" }, select: { minute: true } });
  const start = first && first.minute > range.from ? first.minute : range.from;
  const end = new Date(Math.floor(range.to.getTime() / 60_000) * 60_000);
  const minutes = first ? Math.max(0, Math.round((end.getTime() - start.getTime()) / 60_000)) : 0;
  const upMinutes = minutes === 0 ? 0 : await database.healthProbe.count({ where: { service, ok: true, minute: { gte: start, lt: end } } });
  return { service, minutes, upMinutes, ratio: minutes === 0 ? null : upMinutes / minutes, firstProbeAt: first?.minute ?? null };
}
