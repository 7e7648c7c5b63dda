import type { TenantTx } from "../../lib/db";

// Every tag in use in the organization with how many (unmerged) customers carry it: the list page's filter.
export async function listCustomerTags(tx: TenantTx): Promise<{ tag: string; count: number }[]> {
  const rows = await tx.$queryRaw<{ tag: string; count: bigint }[]>`
    SELECT t.tag, count(*) AS count
    FROM "Customer" c, unnest(c."tags") AS t(tag)
    WHERE c."staffUserId" IS NULL AND c."mergedIntoId" IS NULL
    GROUP BY t.tag ORDER BY t.tag LIMIT 200`;
  return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}
