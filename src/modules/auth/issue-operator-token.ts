import type { Database } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { normalizeArgentinePhone } from "../../lib/phone";
import { appendAuditLog } from "../audit/append-audit-log";
import { issueAccessToken } from "./access-token";

// Operators and automated tests get an access token for a user without the OTP flow. Audited, because a token
// is a credential.
export async function issueOperatorToken(
  admin: Database,
  input: { user: string; organizationId?: string; ttlSeconds?: number },
): Promise<{ token: string; expiresAt: Date; userId: string; organizationId: string; role: string }> {
  const phone = normalizeArgentinePhone(input.user);
  const users = await admin.user.findMany({
    where: {
      OR: [{ id: input.user }, ...(phone ? [{ phone }] : [])],
      ...(input.organizationId ? { organizationId: input.organizationId } : {}),
      isActive: true,
    },
    select: { id: true, organizationId: true, role: true, sessionVersion: true },
  });
  if (users.length === 0) throw new AppError("NOT_FOUND", { message: "No hay un usuario activo con ese id o teléfono." });
  if (users.length > 1) {
    throw new AppError("VALIDATION_FAILED", {
      message: "Ese teléfono está en varias organizaciones: indicá --org.",
      fields: { org: users.map((u) => u.organizationId).join(",") },
    });
  }
  const user = users[0]!;
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
