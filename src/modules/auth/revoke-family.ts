import type { TenantTx } from "@campotech/database";

export async function revokeFamily(tx: TenantTx, familyId: string, now: number): Promise<number> {
  const { count } = await tx.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date(now) } });
  return count;
}
