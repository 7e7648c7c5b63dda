import type { Database, Tier } from "@campotech/database";

export type PendingPlanChangeRequest = {
  id: string; organizationId: string; organizationName: string; fromTier: Tier; toTier: Tier; note: string | null; createdAt: Date;
  requestedBy: { name: string; phone: string } | null;
};

// The operators' queue (campotech org plan-requests): every organization's pending request, oldest first. Operator
// tooling reads across tenants with the admin client.
export async function listPendingPlanChangeRequests(admin: Database): Promise<PendingPlanChangeRequest[]> {
  const rows = await admin.planChangeRequest.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: { id: true, organizationId: true, fromTier: true, toTier: true, note: true, createdAt: true, requestedById: true, organization: { select: { name: true } } },
  });
  const ids = rows.map((r) => r.requestedById).filter((id): id is string => Boolean(id));
  const users = ids.length ? await admin.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, phone: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, { name: u.name, phone: u.phone }]));
  return rows.map(({ organization, requestedById, ...r }) => ({ ...r, organizationName: organization.name, requestedBy: requestedById ? (byId.get(requestedById) ?? null) : null }));
}
