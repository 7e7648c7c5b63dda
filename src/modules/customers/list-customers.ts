import type { Prisma } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { ACTIVE_CUSTOMER_WHERE, CUSTOMER_SELECT, type CustomerView } from "./customer-view";
import { normalizeTag } from "./normalize-tags";

export type ListCustomersInput = { search?: string; tag?: string; cursor?: string; limit?: number };

// Search matches the name (case-insensitive) or the phone's digits, so "11 5555-0123", "+54 9 11…" and "0123"
// all find +5491155550123. Keyset order is (name, id): stable while rows are added or renamed between pages.
export async function listCustomers(tx: TenantTx, input: ListCustomersInput): Promise<{ items: CustomerView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const search = input.search?.trim();
  const digits = search?.replace(/\D/g, "") ?? "";
  const where: Prisma.CustomerWhereInput = {
    ...ACTIVE_CUSTOMER_WHERE,
    ...(input.tag ? { tags: { has: normalizeTag(input.tag) } } : {}),
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: "insensitive" } },
            // A local number without the leading 0/15 or the country code: match on its significant tail.
            ...(digits.length >= 3 ? [{ phone: { contains: digits.replace(/^0+/, "").slice(-10) } }] : []),
          ],
        }
      : {}),
  };
  const rows = await tx.customer.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: CUSTOMER_SELECT,
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
