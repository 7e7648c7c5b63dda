import { randomBytes } from "node:crypto";
import type { Dialog360PartnerClient, PartnerChannel } from "../../integrations/dialog360/partner-client";
import { setDialog360Webhook } from "../../integrations/dialog360/set-dialog360-webhook";
import { DIALOG360_SECRET_HEADER } from "../../integrations/dialog360/webhook";
import type { ClientConfig } from "../../integrations/whatsapp/types";
import { encryptJson, encryptSecret } from "../../lib/crypto";
import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { startOfMonthInTimezone } from "../../lib/time";
import { appendAuditLog } from "../audit/append-audit-log";
import { parseCredentials } from "../whatsapp-accounts/credentials";
import { verifyWhatsAppAccount } from "../whatsapp-accounts/verify-whatsapp-account";
import { auditProvisioning, type NumberProvisioning, type ProvisioningActor } from "./provisioning-record";
import { toProvisioningView, type ProvisioningView } from "./provisioning-view";

// The last step of verifyCode, once the partner turned the reservation into a channel: a fresh D360 API key (which
// revokes any earlier one, so a retry after a failure here is safe), the webhook pointed at us with a per-number
// secret header, then the WhatsAppBusinessAccount (credentials and secret sealed) and ACTIVE in one transaction.
export async function activateChannel(input: {
  organizationId: string;
  row: NumberProvisioning;
  channel: PartnerChannel;
  actor: ProvisioningActor;
  partner: Dialog360PartnerClient;
  dialog360: ClientConfig;
  now: Date;
}): Promise<ProvisioningView> {
  const { organizationId, row, channel, actor, now } = input;
  const { apiKey } = await input.partner.issueApiKey(channel.id);
  const credentials = parseCredentials("DIALOG_360", { apiKey });
  const webhookSecret = randomBytes(24).toString("base64url");
  const webhook = await setDialog360Webhook(
    { apiKey },
    { url: `${env.PUBLIC_BASE_URL}/api/webhooks/dialog360?orgId=${encodeURIComponent(organizationId)}`, headers: { [DIALOG360_SECRET_HEADER]: webhookSecret } },
    input.dialog360,
  );
  if (!webhook.ok) {
    const reason = "Tu número quedó verificado pero no pudimos terminar de configurarlo: tocá «Verificar» de nuevo en unos minutos.";
    await withTenant(organizationId, (tx) => tx.numberProvisioning.update({ where: { id: row.id }, data: { lastError: reason }, select: { id: true } }));
    throw new AppError("SERVICE_UNAVAILABLE", { message: reason, detail: `dialog360 webhook: ${webhook.error.code} ${webhook.error.title}` });
  }

  const sealed = encryptJson(credentials);
  const displayPhoneNumber = channel.phoneNumber.replace(/\D/g, "");
  const view = await withTenant(organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
    const account = await tx.whatsAppBusinessAccount.create({
      data: {
        organizationId,
        bspProvider: "DIALOG_360",
        phoneNumberId: channel.phoneNumberId,
        displayPhoneNumber,
        wabaId: channel.wabaId,
        businessName: organization.name,
        credentialsEncrypted: sealed,
        credentialsKeyId: sealed.split(".")[1]!,
        webhookSecretEncrypted: encryptSecret(webhookSecret),
        provisioningStatus: "ACTIVE",
        usagePeriodStart: startOfMonthInTimezone(now),
      },
      select: { id: true },
    });
    await appendAuditLog(tx, {
      organizationId, actorType: actor.type, actorId: actor.id ?? null, action: "whatsapp.account_connected",
      entityType: "WhatsAppBusinessAccount", entityId: account.id, metadata: { provider: "DIALOG_360", phoneNumberId: channel.phoneNumberId, displayPhoneNumber, via: "provisioning" },
    });
    const updated = await tx.numberProvisioning.update({
      where: { id: row.id },
      data: { status: "ACTIVE", channelId: channel.id, accountId: account.id, activatedAt: now, reservedUntil: null, verificationExpiresAt: null, lastError: null },
    });
    await auditProvisioning(tx, updated, actor, "activated", { phoneNumber: updated.phoneNumber, accountId: account.id, channelId: channel.id });
    return toProvisioningView(updated);
  });
  // Checked right away like any connected number, so the settings page shows it verified (not "Sin verificar"). A
  // failing probe is recorded with its reason and does not undo the activation.
  await verifyWhatsAppAccount({ organizationId, accountId: view.accountId!, clientConfig: input.dialog360, actor }).catch(() => undefined);
  return view;
}
