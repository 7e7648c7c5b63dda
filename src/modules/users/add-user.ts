import { UserRole, type Database, type User } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { normalizeArgentinePhone } from "../../lib/phone";
import { appendAuditLog } from "../audit/append-audit-log";

export type AddUserInput = {
  organizationId: string;
  phone: string;
  name: string;
  role: string;
  email?: string;
  actor?: { type: "OPERATOR" | "USER" | "SYSTEM"; id?: string };
};

export function parseRole(input: string): UserRole {
  const role = input.trim().toUpperCase();
  if (!(role in UserRole)) {
    throw new AppError("VALIDATION_FAILED", {
      message: `El rol "${input}" no existe. Roles: ${Object.keys(UserRole).join(", ")}.`,
      fields: { role: input },
    });
  }
  return role as UserRole;
}

export async function addUser(admin: Database, input: AddUserInput): Promise<User> {
  const role = parseRole(input.role);
  const organization = await admin.organization.findUnique({
    where: { id: input.organizationId },
    select: { id: true, areaCode: true },
  });
  if (!organization) throw new AppError("NOT_FOUND", { message: "La organización no existe." });
  const phone = normalizeArgentinePhone(input.phone, organization.areaCode);
  if (!phone) throw new AppError("INVALID_PHONE", { fields: { phone: input.phone } });
  const name = input.name.trim();
  if (!name) throw new AppError("VALIDATION_FAILED", { fields: { name: "Ingresá el nombre." } });

  const duplicate = await admin.user.findUnique({
    where: { organizationId_phone: { organizationId: organization.id, phone } },
    select: { id: true },
  });
  if (duplicate) throw new AppError("CONFLICT", { message: "Ya hay un usuario con ese teléfono en la organización." });

  return admin.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { organizationId: organization.id, phone, name, role, email: input.email ?? null },
    });
    await appendAuditLog(tx, {
      organizationId: organization.id,
      actorType: input.actor?.type ?? "OPERATOR",
      actorId: input.actor?.id ?? null,
      action: "user.added",
      entityType: "User",
      entityId: user.id,
      metadata: { role },
    });
    return user;
  });
}
