import type { TenantTx } from "../../lib/db";
import { decryptJson, encryptJson, encryptSecret, keyIdOf } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { ACCOUNT_SETTINGS_SELECT, toAccountSettingsView, type AccountSettingsView } from "./account-settings-view";
import { parseCredentials } from "./credentials";

// Replaces a number's provider credentials (and, for 360dialog, the webhook secret), sealed with the active key.
// The audit row names the fields that changed, never their values. Twilio's ContentSids are kept when the new
// credentials don't bring their own (they are template ids, not part of what the owner retypes).
export async function updateAccountCredentials(
  tx: TenantTx,
  input: { organizationId: string; accountId: string; actorId: string; credentials: Record<string, unknown>; webhookSecret?: string },
): Promise<AccountSettingsView> {
  const account = await tx.whatsAppBusinessAccount.findFirst({
    where: { id: input.accountId, organizationId: input.organizationId },
    select: { id: true, bspProvider: true, provisioningStatus: true, credentialsEncrypted: true },
  });
  if (!account) throw new AppError("NOT_FOUND", { message: "No encontramos ese número de WhatsApp." });
  if (account.provisioningStatus === "RELEASED") throw new AppError("VALIDATION_FAILED", { message: "Ese número fue liberado: conectalo de nuevo en lugar de cambiar sus credenciales." });
  if (input.webhookSecret !== undefined && account.bspProvider !== "DIALOG_360") {
    throw new AppError("VALIDATION_FAILED", { fields: { webhookSecret: "Solo los números de 360dialog usan un secreto de webhook." } });
  }

  let incoming = input.credentials;
  if (account.bspProvider === "TWILIO" && incoming.contentSids === undefined) {
    const previous = decryptJson<{ contentSids?: Record<string, string> }>(account.credentialsEncrypted);
    if (previous.contentSids) incoming = { ...incoming, contentSids: previous.contentSids };
  }
  const credentials = parseCredentials(account.bspProvider, incoming);
  const sealed = encryptJson(credentials);
  const row = await tx.whatsAppBusinessAccount.update({
    where: { id: account.id },
    data: {
      credentialsEncrypted: sealed,
      credentialsKeyId: keyIdOf(sealed),
      ...(input.webhookSecret !== undefined ? { webhookSecretEncrypted: encryptSecret(input.webhookSecret) } : {}),
      // What the last check said is about the old credentials.
      lastHealthCheckAt: null,
    },
    select: ACCOUNT_SETTINGS_SELECT,
  });
  await appendAuditLog(tx, {
    organizationId: input.organizationId, actorType: "USER", actorId: input.actorId, action: "whatsapp.credentials_updated",
    entityType: "WhatsAppBusinessAccount", entityId: account.id,
    metadata: { provider: account.bspProvider, fields: Object.keys(credentials).sort(), webhookSecretChanged: input.webhookSecret !== undefined },
  });
  return toAccountSettingsView(row, input.organizationId);
}
