import type { Prisma } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { paymentSettings, paymentSettingsSchema, type PaymentSettings } from "./payment-settings";

export async function updatePaymentSettings(organizationId: string, userId: string, patch: Partial<PaymentSettings>): Promise<PaymentSettings> {
  return withTenant(organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
    const settings = (organization.settings ?? {}) as Record<string, unknown>;
    const next = paymentSettingsSchema.parse({ ...paymentSettings(settings), ...patch });
    await tx.organization.update({ where: { id: organizationId }, data: { settings: { ...settings, payments: next } as Prisma.InputJsonObject } });
    await appendAuditLog(tx, { organizationId, actorType: "USER", actorId: userId, action: "payments.settings_updated", entityType: "Organization", entityId: organizationId, metadata: next });
    return next;
  });
}
