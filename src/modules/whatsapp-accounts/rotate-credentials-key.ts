import type { Database } from "@campotech/database";
import { decryptSecret, encryptSecret, keyIdOf, type Keyring, defaultKeyring } from "../../lib/crypto";

// Re-encrypts every sealed secret that is not under the active key: provider credentials and webhook secrets, ARCA
// private keys (installed and pending) and tickets, MercadoPago sellers' tokens, and login codes still waiting to be sent. Old keys must stay in
// CREDENTIALS_KEYS until this has run; afterwards they can be removed. `rotated` counts WhatsApp accounts (as
// before); `other` counts the rest.
export async function rotateCredentialsKey(admin: Database, keyring: Keyring = defaultKeyring): Promise<{ rotated: number; other?: number }> {
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
  const other = await rotateOtherSecrets(admin, keyring);
  return other ? { rotated: accounts.length, other } : { rotated: accounts.length };
}

async function rotateOtherSecrets(admin: Database, keyring: Keyring): Promise<number> {
  const reseal = (sealed: string | null) => (sealed && keyIdOf(sealed) !== keyring.activeKeyId ? encryptSecret(decryptSecret(sealed, keyring), keyring) : sealed);
  const stale = (sealed: string | null) => Boolean(sealed) && keyIdOf(sealed!) !== keyring.activeKeyId;
  let count = 0;
  for (const c of await admin.arcaConnection.findMany({ select: { id: true, privateKeyEncrypted: true, pendingKeyEncrypted: true } })) {
    if (!stale(c.privateKeyEncrypted) && !stale(c.pendingKeyEncrypted)) continue;
    await admin.arcaConnection.update({ where: { id: c.id }, data: { privateKeyEncrypted: reseal(c.privateKeyEncrypted), pendingKeyEncrypted: reseal(c.pendingKeyEncrypted) } });
    count++;
  }
  for (const t of await admin.arcaTicket.findMany({ select: { id: true, tokenEncrypted: true, signEncrypted: true } })) {
    if (!stale(t.tokenEncrypted) && !stale(t.signEncrypted)) continue;
    await admin.arcaTicket.update({ where: { id: t.id }, data: { tokenEncrypted: reseal(t.tokenEncrypted)!, signEncrypted: reseal(t.signEncrypted)! } });
    count++;
  }
  for (const m of await admin.mercadoPagoConnection.findMany({ select: { id: true, accessTokenEncrypted: true, refreshTokenEncrypted: true } })) {
    if (!stale(m.accessTokenEncrypted) && !stale(m.refreshTokenEncrypted)) continue;
    await admin.mercadoPagoConnection.update({ where: { id: m.id }, data: { accessTokenEncrypted: reseal(m.accessTokenEncrypted)!, refreshTokenEncrypted: reseal(m.refreshTokenEncrypted)! } });
    count++;
  }
  for (const d of await admin.outboundDelivery.findMany({ where: { sealedContent: { not: null } }, select: { id: true, sealedContent: true } })) {
    if (!stale(d.sealedContent)) continue;
    await admin.outboundDelivery.update({ where: { id: d.id }, data: { sealedContent: reseal(d.sealedContent) } });
    count++;
  }
  return count;
}
