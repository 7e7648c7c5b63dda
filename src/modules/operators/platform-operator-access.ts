import type { Database, TenantTx } from "@campotech/database";

// Read inside the caller's own tenant context (the flag sits on their user row), on every request.
export async function isPlatformOperator(tx: TenantTx, userId: string): Promise<boolean> {
  const user = await tx.user.findFirst({ where: { id: userId, isActive: true }, select: { platformOperator: true } });
  return user?.platformOperator === true;
}

export type PlatformOperatorRow = { userId: string; organizationId: string; organizationName: string; name: string; phone: string };

export async function listPlatformOperators(admin: Database): Promise<PlatformOperatorRow[]> {
  const users = await admin.user.findMany({
    where: { platformOperator: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, organizationId: true, name: true, phone: true, organization: { select: { name: true } } },
  });
  return users.map((u) => ({ userId: u.id, organizationId: u.organizationId, organizationName: u.organization.name, name: u.name, phone: u.phone }));
}
