import { ProvisioningStatus, type Database } from "@campotech/database";
import { encryptJson, type Keyring } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { findAccountOrThrow } from "./find-account";

// Releasing frees the phone number id for another organization and destroys the stored credentials;
// the row stays for history (conversations keep pointing at it).
export async function releaseWhatsAppNumber(admin: Database, input: { account: string }, keyring?: Keyring) {
  const account = await findAccountOrThrow(admin, input.account);
  if (account.provisioningStatus === ProvisioningStatus.RELEASED) {
    throw new AppError("CONFLICT", { message: "El número ya estaba liberado." });
  }
  const emptied = encryptJson({}, keyring);
  return admin.$transaction(async (tx) => {
    const updated = await tx.whatsAppBusinessAccount.update({
      where: { id: account.id },
      data: {
        provisioningStatus: ProvisioningStatus.RELEASED,
        releasedAt: new Date(),
        releasedPhoneNumberId: account.phoneNumberId,
        phoneNumberId: null,
        credentialsEncrypted: emptied,
        credentialsKeyId: emptied.split(".")[1]!,
        webhookSecretEncrypted: null,
      },
      omit: { credentialsEncrypted: true, webhookSecretEncrypted: true },
    });
    await appendAuditLog(tx, {
      organizationId: account.organizationId,
      actorType: "OPERATOR",
      action: "whatsapp.number_released",
      entityType: "WhatsAppBusinessAccount",
      entityId: account.id,
      metadata: { phoneNumberId: account.phoneNumberId, displayPhoneNumber: account.displayPhoneNumber },
    });
    return updated;
  });
}
