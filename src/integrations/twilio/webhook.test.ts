import { describe, expect, it } from "vitest";
import { parseTwilioForm, twilioSignature, twilioUrlVariants, verifyTwilioSignature } from "./webhook";

// twilio-node spec/validation.spec.js
const VECTOR = {
  authToken: "12345",
  url: "https://mycompany.com/myapp.php?foo=1&bar=2",
  params: { CallSid: "CA1234567890ABCDE", Caller: "+14158675309", Digits: "1234", From: "+14158675309", To: "+18005551212" },
  signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
};

describe("twilioSignature", () => {
  it("reproduces twilio-node's published test vector", () => {
    expect(twilioSignature(VECTOR.authToken, VECTOR.url, VECTOR.params)).toBe(VECTOR.signature);
    expect(verifyTwilioSignature({ ...VECTOR })).toBe(true);
  });

  it("signs keys in sorted order regardless of the order they were posted in", () => {
    const reversed = Object.fromEntries(Object.entries(VECTOR.params).reverse());
    expect(twilioSignature(VECTOR.authToken, VECTOR.url, reversed)).toBe(VECTOR.signature);
  });

  it("fails with another token, another URL, a changed or extra parameter, or no header", () => {
    expect(verifyTwilioSignature({ ...VECTOR, authToken: "54321" })).toBe(false);
    expect(verifyTwilioSignature({ ...VECTOR, url: "https://mycompany.com/myapp.php?foo=1&bar=3" })).toBe(false);
    expect(verifyTwilioSignature({ ...VECTOR, params: { ...VECTOR.params, Digits: "1235" } })).toBe(false);
    expect(verifyTwilioSignature({ ...VECTOR, params: { ...VECTOR.params, Body: "hola" } })).toBe(false);
    expect(verifyTwilioSignature({ ...VECTOR, signature: null })).toBe(false);
    expect(verifyTwilioSignature({ ...VECTOR, signature: "" })).toBe(false);
  });

  it("accepts the URL with or without the default port, like twilio-node", () => {
    const withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
    // Twilio signed the URL without the port; we are configured with it (and the reverse).
    expect(verifyTwilioSignature({ ...VECTOR, url: withPort })).toBe(true);
    const signedWithPort = twilioSignature(VECTOR.authToken, withPort, VECTOR.params);
    expect(signedWithPort).not.toBe(VECTOR.signature);
    expect(verifyTwilioSignature({ ...VECTOR, signature: signedWithPort })).toBe(true);
    expect(twilioUrlVariants("http://example.com/a?b=1")).toEqual(["http://example.com/a?b=1", "http://example.com:80/a?b=1"]);
    expect(twilioUrlVariants("http://127.0.0.1:3210/api/webhooks/twilio")).toEqual([
      "http://127.0.0.1/api/webhooks/twilio",
      "http://127.0.0.1:3210/api/webhooks/twilio",
    ]);
  });

  it("signs repeated keys de-duplicated and sorted, as parsed from the form", () => {
    const params = parseTwilioForm(Buffer.from("MediaUrl=b&MediaUrl=a&MediaUrl=b&Body=hola+%C3%B1and%C3%BA&To=whatsapp%3A%2B5491152630002"));
    expect(params).toEqual({ MediaUrl: ["b", "a", "b"], Body: "hola ñandú", To: "whatsapp:+5491152630002" });
    const url = "https://campotech.example/api/webhooks/twilio";
    const expected = twilioSignature("tok", `${url}`, { Body: "hola ñandú", MediaUrl: ["a", "b"], To: "whatsapp:+5491152630002" });
    expect(verifyTwilioSignature({ authToken: "tok", url, params, signature: expected })).toBe(true);
  });
});
