import { ProvisioningStatus, type Database } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { findAccountOrThrow } from "./find-account";

export async function suspendWhatsAppAccount(admin: Database, input: { account: string; reason: string }) {
  const account = await findAccountOrThrow(admin, input.account);
  if (account.provisioningStatus === ProvisioningStatus.RELEASED) {
    throw new AppError("CONFLICT", { message: "La cuenta ya fue liberada; no se puede suspender." });
  }
  return admin.$transaction(async (tx) => {
    const updated = await tx.whatsAppBusinessAccount.update({
      where: { id: account.id },
      data: { provisioningStatus: ProvisioningStatus.SUSPENDED, suspendedAt: new Date(), suspensionReason: input.reason },
      omit: { credentialsEncrypted: true, webhookSecretEncrypted: true },
    });
    await appendAuditLog(tx, {
      organizationId: account.organizationId,
      actorType: "OPERATOR",
      action: "whatsapp.account_suspended",
      entityType: "WhatsAppBusinessAccount",
      entityId: account.id,
      metadata: { reason: input.reason },
    });
    return updated;
  });
}
