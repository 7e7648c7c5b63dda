import type { TenantTx } from "@campotech/database";

// The organization's team as an administrator manages it (active first, then by name).
export async function listUsers(tx: TenantTx) {
  return tx.user.findMany({
    orderBy: [{ isActive: "desc" }, { name: "asc" }],
    select: { id: true, name: true, phone: true, email: true, role: true, isActive: true, createdAt: true },
  });
}
