import type { Database } from "@campotech/database";
import { decryptSecret, encryptSecret, keyIdOf, type Keyring, defaultKeyring } from "../../lib/crypto";

// Re-encrypts every sealed credential that is not under the active key. Old keys must stay in
// CREDENTIALS_KEYS until this has run; afterwards they can be removed.
export async function rotateCredentialsKey(admin: Database, keyring: Keyring = defaultKeyring): Promise<{ rotated: number }> {
  const accounts = await admin.whatsAppBusinessAccount.findMany({
    where: { credentialsKeyId: { not: keyring.activeKeyId } },
    select: { id: true, credentialsEncrypted: true, webhookSecretEncrypted: true },
  });
  for (const account of accounts) {
    const credentialsEncrypted = encryptSecret(decryptSecret(account.credentialsEncrypted, keyring), keyring);
    const webhookSecretEncrypted =
      account.webhookSecretEncrypted && keyIdOf(account.webhookSecretEncrypted) !== keyring.activeKeyId
        ? encryptSecret(decryptSecret(account.webhookSecretEncrypted, keyring), keyring)
        : account.webhookSecretEncrypted;
    await admin.whatsAppBusinessAccount.update({
      where: { id: account.id },
      data: { credentialsEncrypted, credentialsKeyId: keyring.activeKeyId, webhookSecretEncrypted },
    });
  }
  return { rotated: accounts.length };
}
