import type { TenantTx } from "@campotech/database";

// Names for the ids a job carries (customer, technician, actors), in one query per table.
export async function loadJobNames(tx: TenantTx, ids: { customerIds?: readonly (string | null)[]; userIds?: readonly (string | null)[] }) {
  const customerIds = [...new Set((ids.customerIds ?? []).filter((id): id is string => Boolean(id)))];
  const userIds = [...new Set((ids.userIds ?? []).filter((id): id is string => Boolean(id)))];
  const [customers, users] = await Promise.all([
    customerIds.length ? tx.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, name: true } }) : [],
    userIds.length ? tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
  ]);
  return { customers: new Map(customers.map((c) => [c.id, c.name])), users: new Map(users.map((u) => [u.id, u.name])) };
}
