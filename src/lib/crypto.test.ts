import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptJson, decryptSecret, encryptJson, encryptSecret, keyIdOf, needsReencryption, type Keyring } from "./crypto";

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const oldRing: Keyring = { keys: new Map([["k1", k1]]), activeKeyId: "k1" };
const newRing: Keyring = { keys: new Map([["k1", k1], ["k2", k2]]), activeKeyId: "k2" };

describe("credentials encryption", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = encryptSecret("EAAG-super-secret-token", oldRing);
    expect(sealed).not.toContain("super-secret");
    expect(sealed.startsWith("v1.k1.")).toBe(true);
    expect(decryptSecret(sealed, oldRing)).toBe("EAAG-super-secret-token");
  });

  it("uses a fresh IV every time", () => {
    expect(encryptSecret("same", oldRing)).not.toBe(encryptSecret("same", oldRing));
  });

  it("detects tampering (GCM tag)", () => {
    const sealed = encryptSecret("token", oldRing);
    const parts = sealed.split(".");
    const ct = Buffer.from(parts[4]!, "base64url");
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString("base64url");
    expect(() => decryptSecret(parts.join("."), oldRing)).toThrow();
  });

  it("binds the key id: relabelling a value with another key id fails", () => {
    const sealed = encryptSecret("token", newRing).replace(".k2.", ".k1.");
    expect(() => decryptSecret(sealed, newRing)).toThrow();
  });

  it("keeps old values readable after rotation and flags them for re-encryption", () => {
    const old = encryptJson({ accessToken: "abc" }, oldRing);
    expect(needsReencryption(old, newRing)).toBe(true);
    expect(decryptJson(old, newRing)).toEqual({ accessToken: "abc" });
    expect(keyIdOf(encryptJson({ a: 1 }, newRing))).toBe("k2");
  });

  it("refuses a key id that is not in the keyring", () => {
    const sealed = encryptSecret("token", newRing);
    expect(() => decryptSecret(sealed, oldRing)).toThrow(/not in CREDENTIALS_KEYS/);
  });
});
