import { createWhatsAppProvider, type ClientConfig } from "../../integrations/whatsapp";
import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { describeHealth } from "./describe-health";

export const ACCOUNT_VERIFIED_ACTION = "whatsapp.account_verified";

// "Probar conexión": the provider's health probe over HTTP with the stored credentials. The account is read and
// the result written in two short transactions, so no database connection waits on the provider. Every outcome is
// audited with its Spanish reason: that row is how the settings screen tells "never verified" from "failed, because…".
export async function verifyWhatsAppAccount(
  input: { organizationId: string; accountId: string; clientConfig?: ClientConfig; now?: () => Date; actor?: { type: "USER" | "OPERATOR" | "SYSTEM"; id?: string } },
): Promise<{ ok: boolean; detail: string; checkedAt: Date }> {
  const account = await withTenant(input.organizationId, (tx) =>
    tx.whatsAppBusinessAccount.findFirst({
      where: { id: input.accountId, organizationId: input.organizationId },
      select: { id: true, bspProvider: true, phoneNumberId: true, wabaId: true, displayPhoneNumber: true, credentialsEncrypted: true, provisioningStatus: true },
    }),
  );
  if (!account) throw new AppError("NOT_FOUND", { message: "No encontramos ese número de WhatsApp." });
  if (account.provisioningStatus === "RELEASED") throw new AppError("VALIDATION_FAILED", { message: "Ese número fue liberado: no hay conexión para probar." });

  const provider = createWhatsAppProvider(account, { ...input.clientConfig, statusCallbackUrl: `${env.PUBLIC_BASE_URL}/api/webhooks/twilio/status` });
  const health = await provider.healthCheck();
  const checkedAt = input.now?.() ?? new Date();
  const quality = typeof health.details.qualityRating === "string" ? health.details.qualityRating : undefined;
  const detail = describeHealth(account.bspProvider, health);
  await withTenant(input.organizationId, async (tx) => {
    await tx.whatsAppBusinessAccount.update({
      where: { id: account.id },
      // Only a passing probe is recorded as "last checked": a failure must not look like a recent good check.
      data: health.healthy ? { lastHealthCheckAt: checkedAt, ...(quality ? { qualityRating: quality } : {}) } : {},
      select: { id: true },
    });
    await appendAuditLog(tx, {
      organizationId: input.organizationId, actorType: input.actor?.type ?? "SYSTEM", actorId: input.actor?.id ?? null, action: ACCOUNT_VERIFIED_ACTION,
      entityType: "WhatsAppBusinessAccount", entityId: account.id, metadata: { ok: health.healthy, detail, checkedAt: checkedAt.toISOString() },
    });
  });
  return { ok: health.healthy, detail, checkedAt };
}
