import { Prisma } from "@campotech/database";
import type { TenantTx } from "../../lib/db";

// Accents folded in SQL with translate() (unaccent is not installed), as the inbox search does.
const ACCENTED = "áàâäãéèêëíìîïóòôöõúùûüñç";
const PLAIN = "aaaaaeeeeiiiiooooouuuunc";
const normName = (col: Prisma.Sql) => Prisma.sql`regexp_replace(translate(lower(btrim(${col})), ${ACCENTED}, ${PLAIN}), '[[:space:]]+', ' ', 'g')`;
// The national significant number (last 10 digits): "+54 9 11 5555-0123" and "+54 11 5555-0123" are the same line.
const phoneKey = (col: Prisma.Sql) => Prisma.sql`right(regexp_replace(${col}, '[^0-9]', '', 'g'), 10)`;

// For each given customer, the other active customers that are probably the same person: same name once case,
// accents and spaces are ignored, same phone number, or same email. Only for a page of ids (the list's 50), so
// the scan stays bounded by the organization's size.
export async function findDuplicateCustomers(tx: TenantTx, customerIds: readonly string[]): Promise<Map<string, string[]>> {
  if (!customerIds.length) return new Map();
  const rows = await tx.$queryRaw<{ id: string; duplicates: string[] }[]>`
    SELECT a.id, array_agg(b.id ORDER BY b."createdAt", b.id) AS duplicates
    FROM "Customer" a
    JOIN "Customer" b
      ON b."organizationId" = a."organizationId" AND b.id <> a.id
     AND b."staffUserId" IS NULL AND b."mergedIntoId" IS NULL
     AND (
       ${normName(Prisma.sql`a.name`)} = ${normName(Prisma.sql`b.name`)}
       OR (a.phone IS NOT NULL AND b.phone IS NOT NULL AND ${phoneKey(Prisma.sql`a.phone`)} = ${phoneKey(Prisma.sql`b.phone`)})
       OR (a.email IS NOT NULL AND b.email IS NOT NULL AND lower(a.email) = lower(b.email))
     )
    WHERE a.id IN (${Prisma.join(customerIds)})
    GROUP BY a.id`;
  return new Map(rows.map((r) => [r.id, r.duplicates]));
}
