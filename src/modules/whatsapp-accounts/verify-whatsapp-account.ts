import { createWhatsAppProvider, type ClientConfig } from "../../integrations/whatsapp";
import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { describeHealth } from "./describe-health";

// "Probar conexión": the provider's health probe over HTTP with the stored credentials. The account is read and
// the result written in two short transactions, so no database connection waits on the provider.
export async function verifyWhatsAppAccount(
  input: { organizationId: string; accountId: string; clientConfig?: ClientConfig; now?: () => Date },
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
  await withTenant(input.organizationId, (tx) =>
    tx.whatsAppBusinessAccount.update({
      where: { id: account.id },
      // Only a passing probe is recorded as "last checked": a failure must not look like a recent good check.
      data: health.healthy ? { lastHealthCheckAt: checkedAt, ...(quality ? { qualityRating: quality } : {}) } : {},
      select: { id: true },
    }),
  );
  return { ok: health.healthy, detail: describeHealth(account.bspProvider, health), checkedAt };
}
