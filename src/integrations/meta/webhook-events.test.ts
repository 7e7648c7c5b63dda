import { describe, expect, it } from "vitest";
import { parseMetaWebhook } from "./webhook-events";

const change = (value: Record<string, unknown>, field = "messages") => ({ field, value: { messaging_product: "whatsapp", metadata: { display_phone_number: "541152630000", phone_number_id: "100000000000001" }, ...value } });

describe("parseMetaWebhook", () => {
  it("reads every entry and change, not only the first, and skips unknown fields", () => {
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        { id: "1", changes: [change({ messages: [{ from: "5491155550123", id: "wamid.1", timestamp: "1789478400", type: "text", text: { body: "a" } }, { from: "5491155550123", id: "wamid.2", timestamp: "1789478401", type: "text", text: { body: "b" } }] }), change({}, "account_update")] },
        { id: "2", changes: [change({ statuses: [{ id: "wamid.o", status: "played", timestamp: "1789478402", recipient_id: "5491155550123" }, { id: "wamid.p", status: "failed", timestamp: "1789478403", recipient_id: "5491155550123", errors: [{ code: 131047, title: "Re-engagement message", error_data: { details: "24 h" } }] }] })] },
      ],
    });
    const parsed = parseMetaWebhook(body);
    expect(parsed.ignoredFields).toEqual(["account_update"]);
    expect(parsed.changes).toHaveLength(2);
    expect(parsed.changes[0]!.messages.map((m) => m.id)).toEqual(["wamid.1", "wamid.2"]);
    expect(parsed.changes[0]!.messages[1]!.timestamp.toISOString()).toBe("2026-09-15T13:20:01.000Z");
    expect(parsed.changes[1]!.statuses.map((s) => [s.status, s.providerStatus])).toEqual([["read", "played"], ["failed", "failed"]]);
    expect(parsed.changes[1]!.statuses[1]!.errors).toEqual([{ code: "131047", title: "Re-engagement message", details: "24 h" }]);
    expect(parsed.changes[0]!.business).toEqual({ phoneNumberId: "100000000000001", displayPhoneNumber: "541152630000" });
  });

  it("reads reactions (an empty emoji is a removal), media, and types newer than the parser as unsupported", () => {
    const parsed = parseMetaWebhook(JSON.stringify({ entry: [{ changes: [change({
      contacts: [{ wa_id: "5491155550123", profile: { name: "Ana" } }],
      messages: [
        { from: "5491155550123", id: "r1", timestamp: "1", type: "reaction", reaction: { message_id: "wamid.t", emoji: "" } },
        { from: "5491155550123", id: "a1", timestamp: "1", type: "audio", audio: { id: "m1", mime_type: "audio/ogg; codecs=opus", sha256: "h", voice: true } },
        { from: "5491155550123", id: "n1", timestamp: "1", type: "hologram", hologram: { x: 1 } },
      ],
    })] }] }));
    const [reaction, audio, future] = parsed.changes[0]!.messages;
    expect(reaction!.reaction).toEqual({ targetMessageId: "wamid.t", emoji: null });
    expect(reaction!.from).toEqual({ waId: "5491155550123", profileName: "Ana" });
    expect(audio).toMatchObject({ type: "audio", media: { id: "m1", mimeType: "audio/ogg; codecs=opus", sha256: "h" }, content: { voice: true } });
    expect(future).toMatchObject({ type: "unsupported", content: { unsupportedType: "hologram", raw: { x: 1 } } });
  });
});
