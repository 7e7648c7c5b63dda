import type { TenantTx } from "@campotech/database";

// Names of the people who wrote outbound messages, in one query (the message rows carry only a user id; the
// assistant's "assistant" label is not a user).
export async function loadSenderNames(tx: TenantTx, userIds: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const ids = [...new Set([...userIds].filter((id): id is string => Boolean(id) && id !== "assistant"))];
  if (!ids.length) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
