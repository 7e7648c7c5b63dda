import { describe, expect, it } from "vitest";
import { parseTwilioWebhook, twilioAddressDigits } from "./webhook-events";

const at = new Date("2026-11-20T12:00:00Z");

describe("parseTwilioWebhook", () => {
  it("routes messages by To and statuses by From (our number in each case)", () => {
    const message = parseTwilioWebhook("message", { MessageSid: "SM1", From: "whatsapp:+5491155550123", To: "whatsapp:+5491152630002", Body: "hola", WaId: "5491155550123", NumMedia: "0" }, at);
    expect(message.changes[0]!.business).toEqual({ displayPhoneNumber: "5491152630002" });
    expect(message.changes[0]!.messages[0]).toMatchObject({ id: "SM1", type: "text", content: { body: "hola" }, timestamp: at, from: { waId: "5491155550123" } });
    const status = parseTwilioWebhook("status", { MessageSid: "SM2", MessageStatus: "undelivered", ErrorCode: "30008", From: "whatsapp:+5491152630002", To: "whatsapp:+5491155550123" }, at);
    expect(status.changes[0]!.business).toEqual({ displayPhoneNumber: "5491152630002" });
    expect(status.changes[0]!.statuses[0]).toMatchObject({ messageId: "SM2", status: "failed", providerStatus: "undelivered", errors: [{ code: "30008" }] });
  });

  it("infers media and contacts types from the content type and keeps the MediaUrl for the download", () => {
    const vcard = parseTwilioWebhook("message", { MessageSid: "MM1", From: "whatsapp:+5491155550123", To: "whatsapp:+5491152630002", NumMedia: "1", MediaUrl0: "https://api.twilio.com/x/Media/ME1", MediaContentType0: "text/vcard" }, at);
    expect(vcard.changes[0]!.messages[0]).toMatchObject({ type: "contacts", media: { url: "https://api.twilio.com/x/Media/ME1", id: "ME1", mimeType: "text/vcard" } });
    const sticker = parseTwilioWebhook("message", { MessageSid: "MM2", From: "whatsapp:+5491155550123", To: "whatsapp:+5491152630002", NumMedia: "1", MediaUrl0: "https://api.twilio.com/x/Media/ME2", MediaContentType0: "image/webp" }, at);
    expect(sticker.changes[0]!.messages[0]!.type).toBe("sticker");
  });

  it("strips channel prefixes from addresses", () => {
    expect(twilioAddressDigits("whatsapp:+54 9 11 5555-0123")).toBe("5491155550123");
    expect(twilioAddressDigits("+5491155550123")).toBe("5491155550123");
    expect(twilioAddressDigits(undefined)).toBeUndefined();
  });
});
