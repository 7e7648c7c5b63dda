import { createHmac, timingSafeEqual } from "node:crypto";
import type * as NodeCrypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { checkMetaEnvelope, checkMetaHandshake, constantTimeEqual, verifyMetaSignature } from "./webhook";

// Spy on timingSafeEqual to prove every verdict goes through the constant-time comparison.
vi.mock("node:crypto", async (importOriginal) => {
  const original = await importOriginal<typeof NodeCrypto>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const SECRET = "test-meta-app-secret";
const sign = (body: string | Buffer, secret = SECRET) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

// Exactly what Meta puts on the wire for "Hola, ¿cómo andás? 😊": non-ASCII escaped as lowercase \uXXXX, the emoji as
// a surrogate pair, "/" as "\/".
const WIRE =
  '{"object":"whatsapp_business_account","entry":[{"id":"200000000000001","changes":[{"field":"messages","value":' +
  '{"messaging_product":"whatsapp","metadata":{"display_phone_number":"541152630000","phone_number_id":"100000000000001"},' +
  '"contacts":[{"profile":{"name":"Mart\\u00edna G\\u00f3mez"},"wa_id":"5491155550123"}],"messages":[{"from":"5491155550123",' +
  '"id":"wamid.HBgNNTQ5MTE1NTU1MDEyMxUCABIYFjNFQjBDMEI4","timestamp":"1789478400","type":"text","text":{"body":' +
  '"Hola, \\u00bfc\\u00f3mo and\\u00e1s? \\ud83d\\ude0a https:\\/\\/campotech.com.ar"}}]}}]}]}';

describe("verifyMetaSignature", () => {
  const raw = Buffer.from(WIRE, "utf8");

  it("accepts the HMAC over the exact escaped bytes Meta sent", () => {
    expect(WIRE).toContain("\\u00e1");
    expect(WIRE).toContain("\\ud83d\\ude0a");
    expect(verifyMetaSignature(raw, sign(raw), SECRET)).toBe(true);
    // Header hex case does not matter.
    expect(verifyMetaSignature(raw, sign(raw).toUpperCase().replace("SHA256=", "sha256="), SECRET)).toBe(true);
  });

  it("rejects a signature computed over the decoded, re-serialized text", () => {
    const reserialized = JSON.stringify(JSON.parse(WIRE));
    expect(reserialized).toContain("andás? 😊");
    expect(reserialized).not.toBe(WIRE);
    expect(verifyMetaSignature(raw, sign(reserialized), SECRET)).toBe(false);
    // And the other way round: bytes decoded and re-encoded do not verify against the wire signature.
    expect(verifyMetaSignature(Buffer.from(reserialized), sign(raw), SECRET)).toBe(false);
  });

  it("rejects a body changed by a single byte", () => {
    const tampered = Buffer.from(WIRE.replace("1789478400", "1789478401"));
    expect(verifyMetaSignature(tampered, sign(raw), SECRET)).toBe(false);
  });

  it("rejects the wrong secret, and missing or malformed headers", () => {
    const good = sign(raw);
    expect(verifyMetaSignature(raw, sign(raw, "another-secret"), SECRET)).toBe(false);
    for (const header of [null, undefined, "", "sha256=", good.slice(7), `sha1=${good.slice(7)}`, `${good}00`, good.slice(0, -2),
      `sha256=${"z".repeat(64)}`, `md5=${good.slice(7)}`]) {
      expect(verifyMetaSignature(raw, header, SECRET)).toBe(false);
    }
  });
});

describe("constant-time path", () => {
  it("decides valid, wrong, malformed and missing signatures with crypto.timingSafeEqual", () => {
    const raw = Buffer.from(WIRE);
    const spy = vi.mocked(timingSafeEqual);
    for (const header of [sign(raw), sign(raw, "other"), "sha256=abc", null]) {
      spy.mockClear();
      verifyMetaSignature(raw, header, SECRET);
      expect(spy).toHaveBeenCalledTimes(1);
    }
    spy.mockClear();
    expect(constantTimeEqual("short", "a-longer-secret")).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe("constantTimeEqual", () => {
  it("compares equal and unequal strings of equal and different lengths without throwing", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abd", "abc")).toBe(false);
    expect(constantTimeEqual("ab", "abc")).toBe(false);
    expect(constantTimeEqual("", "abc")).toBe(false);
    expect(constantTimeEqual("abcd", "abc")).toBe(false);
    expect(constantTimeEqual("ñ", "ñ")).toBe(true);
  });
});

describe("checkMetaHandshake", () => {
  const params = (q: string) => new URLSearchParams(q);
  it("echoes the challenge only for mode=subscribe with the right token", () => {
    expect(checkMetaHandshake(params("hub.mode=subscribe&hub.verify_token=tok&hub.challenge=1158201444"), "tok")).toBe("1158201444");
    expect(checkMetaHandshake(params("hub.mode=subscribe&hub.verify_token=bad&hub.challenge=1"), "tok")).toBeUndefined();
    expect(checkMetaHandshake(params("hub.mode=unsubscribe&hub.verify_token=tok&hub.challenge=1"), "tok")).toBeUndefined();
    expect(checkMetaHandshake(params("hub.mode=subscribe&hub.verify_token=tok"), "tok")).toBeUndefined();
    expect(checkMetaHandshake(params(""), "tok")).toBeUndefined();
  });
});

describe("checkMetaEnvelope", () => {
  const check = (body: string) => checkMetaEnvelope(Buffer.from(body));
  it("accepts an envelope with an entry array and explains what is wrong otherwise", () => {
    expect(check(WIRE)).toEqual({ ok: true });
    expect(check('{"object":"whatsapp_business_account","entry":[]}')).toEqual({ ok: true });
    expect(check("not json")).toEqual({ ok: false, reason: "body is not JSON" });
    expect(check("[1,2]")).toEqual({ ok: false, reason: "body is not a JSON object" });
    expect(check('{"object":"page","entry":[]}')).toMatchObject({ ok: false, reason: expect.stringContaining("object") });
    expect(check('{"object":"whatsapp_business_account","entry":{}}')).toEqual({ ok: false, reason: "entry is not an array" });
  });
});
