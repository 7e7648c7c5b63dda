import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "./env";

// Provider credentials at rest: AES-256-GCM, serialized as "v1.<keyId>.<iv>.<tag>.<ciphertext>" (base64url).
// The key id travels with the ciphertext so older rows stay readable after the active key changes.
const VERSION = "v1";

export type Keyring = { keys: Map<string, Buffer>; activeKeyId: string };

export const defaultKeyring: Keyring = { keys: env.CREDENTIALS_KEYS, activeKeyId: env.CREDENTIALS_ACTIVE_KEY_ID };

function keyFor(keyring: Keyring, keyId: string): Buffer {
  const key = keyring.keys.get(keyId);
  if (!key) throw new Error(`credentials key "${keyId}" is not in CREDENTIALS_KEYS`);
  return key;
}

export function encryptSecret(plaintext: string, keyring: Keyring = defaultKeyring): string {
  const keyId = keyring.activeKeyId;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(keyring, keyId), iv);
  cipher.setAAD(Buffer.from(`${VERSION}.${keyId}`));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyId, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function keyIdOf(sealed: string): string {
  const [version, keyId] = sealed.split(".");
  if (version !== VERSION || !keyId) throw new Error("not an encrypted credentials value");
  return keyId;
}

export function decryptSecret(sealed: string, keyring: Keyring = defaultKeyring): string {
  const [version, keyId, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined) {
    throw new Error("not an encrypted credentials value");
  }
  const decipher = createDecipheriv("aes-256-gcm", keyFor(keyring, keyId), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(`${VERSION}.${keyId}`));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

export function encryptJson(value: unknown, keyring: Keyring = defaultKeyring): string {
  return encryptSecret(JSON.stringify(value), keyring);
}

export function decryptJson<T>(sealed: string, keyring: Keyring = defaultKeyring): T {
  return JSON.parse(decryptSecret(sealed, keyring)) as T;
}

export function needsReencryption(sealed: string, keyring: Keyring = defaultKeyring): boolean {
  return keyIdOf(sealed) !== keyring.activeKeyId;
}
