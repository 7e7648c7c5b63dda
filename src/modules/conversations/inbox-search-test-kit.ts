import { expect } from "vitest";
import { withTenantSql } from "../../lib/db";
import { listConversations, type ListConversationsInput } from "./list-conversations";

type Viewer = Parameters<typeof listConversations>[1];

// issue 22 (inbox): every page of a search, followed through its cursors, run once per walk length (undefined: the
// default walk; a short one makes the words' index lookup answer) — the two must give the same pages, no page longer
// than the limit. Returns the ids in order.
export async function searchBothWays(org: string, viewer: Viewer, input: ListConversationsInput, limit: number, walks: (number | undefined)[] = [undefined, 3]): Promise<string[]> {
  const runs: string[][] = [];
  for (const walk of walks) {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await withTenantSql(org, (tx) => listConversations(tx, viewer, { ...input, limit, cursor }, new Date(), walk));
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    runs.push(seen);
  }
  for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
  return runs[0]!;
}
