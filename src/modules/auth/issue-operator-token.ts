import type { Database } from "@campotech/database";
import { appendAuditLog } from "../audit/append-audit-log";
import { issueAccessToken } from "./access-token";
import { findUserForOperator } from "./find-user-for-operator";

// Operators and automated tests get an access token for a user without the OTP flow. Audited, because a token
// is a credential.
export async function issueOperatorToken(
  admin: Database,
  input: { user: string; organizationId?: string; ttlSeconds?: number },
): Promise<{ token: string; expiresAt: Date; userId: string; organizationId: string; role: string }> {
  const user = await findUserForOperator(admin, input);
  const { token, expiresAt } = issueAccessToken(user, input.ttlSeconds ? { ttlSeconds: input.ttlSeconds } : {});
  await appendAuditLog(admin, {
    organizationId: user.organizationId,
    actorType: "OPERATOR",
    action: "auth.operator_token_issued",
    entityType: "User",
    entityId: user.id,
    metadata: { expiresAt: expiresAt.toISOString() },
  });
  return { token, expiresAt, userId: user.id, organizationId: user.organizationId, role: user.role };
}
