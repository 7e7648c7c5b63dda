import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DIALOG360_SECRET_HEADER, verifyDialog360Signature, verifyDialog360Webhook } from "./webhook";

const BODY = Buffer.from('{"object":"whatsapp_business_account","entry":[{"id":"200000000000002","changes":[]}]}');
const PLATFORM = "platform-secret";
const ORG_SECRET = "org-webhook-secret-1234";
const hmac = (body: Buffer, secret = PLATFORM) => createHmac("sha256", secret).update(body);

function verify(headers: Record<string, string>, organizationSecrets = [ORG_SECRET]) {
  return verifyDialog360Webhook({ headers: new Headers(headers), rawBody: BODY, organizationSecrets, platformSecret: PLATFORM });
}

describe("verifyDialog360Webhook", () => {
  it("accepts the organization's secret header, with or without x-360dialog-signature", () => {
    expect(verify({ [DIALOG360_SECRET_HEADER]: ORG_SECRET })).toBe(true);
    expect(verify({ [DIALOG360_SECRET_HEADER]: ORG_SECRET, "x-360dialog-signature": hmac(BODY).digest("hex") })).toBe(true);
    // Any of the organization's numbers' secrets.
    expect(verify({ [DIALOG360_SECRET_HEADER]: ORG_SECRET }, ["other-number-secret", ORG_SECRET])).toBe(true);
  });

  it("refuses a wrong or missing secret, an unknown organization, and a bad signature when one is sent", () => {
    expect(verify({ [DIALOG360_SECRET_HEADER]: "org-webhook-secret-1235" })).toBe(false);
    expect(verify({})).toBe(false);
    expect(verify({ [DIALOG360_SECRET_HEADER]: "" }, [""])).toBe(false);
    expect(verify({ [DIALOG360_SECRET_HEADER]: ORG_SECRET }, [])).toBe(false);
    expect(verify({ [DIALOG360_SECRET_HEADER]: ORG_SECRET, "x-360dialog-signature": hmac(BODY, "wrong").digest("hex") })).toBe(false);
    expect(verify({ [DIALOG360_SECRET_HEADER]: ORG_SECRET, "x-360dialog-signature": "" })).toBe(false);
    // The signature alone (without the organization's secret) is not enough: it only proves the partner sent it.
    expect(verify({ "x-360dialog-signature": hmac(BODY).digest("hex") })).toBe(false);
  });
});

describe("verifyDialog360Signature", () => {
  it("accepts hex (any case, optional sha256= prefix) and base64 of the HMAC over the raw bytes", () => {
    const hex = hmac(BODY).digest("hex");
    expect(verifyDialog360Signature(BODY, hex, PLATFORM)).toBe(true);
    expect(verifyDialog360Signature(BODY, hex.toUpperCase(), PLATFORM)).toBe(true);
    expect(verifyDialog360Signature(BODY, `sha256=${hex}`, PLATFORM)).toBe(true);
    expect(verifyDialog360Signature(BODY, hmac(BODY).digest("base64"), PLATFORM)).toBe(true);
    expect(verifyDialog360Signature(Buffer.concat([BODY, Buffer.from(" ")]), hex, PLATFORM)).toBe(false);
    expect(verifyDialog360Signature(BODY, hex.slice(0, 63), PLATFORM)).toBe(false);
  });
});
