import type { Database, UserRole } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { normalizeArgentinePhone } from "../../lib/phone";

export type OperatorTargetUser = { id: string; organizationId: string; role: UserRole; sessionVersion: number; name: string; phone: string };

// Operator commands name a person by id or by phone (in any format); a phone in several organizations needs --org.
export async function findUserForOperator(
  admin: Database,
  input: { user: string; organizationId?: string; activeOnly?: boolean },
): Promise<OperatorTargetUser> {
  const phone = normalizeArgentinePhone(input.user);
  const users = await admin.user.findMany({
    where: {
      OR: [{ id: input.user }, ...(phone ? [{ phone }] : [])],
      ...(input.organizationId ? { organizationId: input.organizationId } : {}),
      ...(input.activeOnly === false ? {} : { isActive: true }),
    },
    select: { id: true, organizationId: true, role: true, sessionVersion: true, name: true, phone: true },
  });
  if (users.length === 0) throw new AppError("NOT_FOUND", { message: "No hay un usuario activo con ese id o teléfono." });
  if (users.length > 1) {
    throw new AppError("VALIDATION_FAILED", {
      message: "Ese teléfono está en varias organizaciones: indicá --org.",
      fields: { org: users.map((u) => u.organizationId).join(",") },
    });
  }
  return users[0]!;
}
