// EXPLAIN (ANALYZE, BUFFERS) of every statement a request sent, for bench/results/inbox-api.md: the slowest
// statement's plan in full, the others as one line each (their execution time and first plan node).
export type PlanCapture = { name: string; queries: { sql: string; plan: string }[] };

const execution = (plan: string) => Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
const oneLine = (sql: string) => sql.replace(/\s+/g, " ").slice(0, 160);

export function formatPlans(plans: PlanCapture[]): string[] {
  const lines = ["## Plans", "", "Captured after the timed requests (warm cache), as the app role inside withTenantSql (RLS on)."];
  for (const { name, queries } of plans) {
    if (!queries.length) continue;
    const slowest = queries.reduce((a, b) => (execution(b.plan) > execution(a.plan) ? b : a));
    lines.push("", `### ${name}`, "", `Slowest of ${queries.length} statements (${execution(slowest.plan).toFixed(2)} ms): \`${oneLine(slowest.sql)}\``, "", "```", slowest.plan, "```");
    const others = queries.filter((q) => q !== slowest).map((q) => `- ${execution(q.plan).toFixed(2)} ms — ${q.plan.split("\n")[0]?.trim()}`);
    if (others.length) lines.push("", "Other statements:", ...others);
  }
  return lines;
}
