// A technician's weekly hours ({ "1": [["08:00","13:00"],["14:00","18:00"]] }, weekday 0 = Sunday, Buenos Aires
// times) in one line for the team page: consecutive days with the same hours are joined ("Lun a Vie 08:00–18:00 ·
// Sáb 09:00–13:00"). The week reads Monday first, as people say it.
const DAYS = ["Dom", "Lun", "Mar", "Mié", "Jue", "Vie", "Sáb"];
const WEEK = [1, 2, 3, 4, 5, 6, 0];

export function summarizeWorkingHours(workingHours: unknown): string | null {
  const hours = (workingHours ?? {}) as Record<string, unknown>;
  const textOf = (day: number): string | null => {
    const ranges = hours[String(day)];
    if (!Array.isArray(ranges) || ranges.length === 0) return null;
    return ranges.filter((r): r is [string, string] => Array.isArray(r) && r.length === 2).map(([a, b]) => `${a}–${b}`).join(", ") || null;
  };
  const groups: { from: number; to: number; text: string }[] = [];
  for (const day of WEEK) {
    const text = textOf(day);
    if (!text) continue;
    const last = groups.at(-1);
    if (last && last.text === text && WEEK.indexOf(last.to) === WEEK.indexOf(day) - 1) last.to = day;
    else groups.push({ from: day, to: day, text });
  }
  if (groups.length === 0) return null;
  return groups.map((g) => `${g.from === g.to ? DAYS[g.from] : `${DAYS[g.from]} a ${DAYS[g.to]}`} ${g.text}`).join(" · ");
}
