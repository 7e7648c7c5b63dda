import { describe, expect, it } from "vitest";
import { CLOUD_API_CAPABILITIES } from "../meta/create-cloud-api-provider";
import { sendWithArgentineFallback } from "./send-with-argentine-fallback";
import type { SendInput, SendResult, WhatsAppBSPProvider } from "./types";

function fakeProvider(answer: (to: string) => SendResult): WhatsAppBSPProvider & { sentTo: string[] } {
  const sentTo: string[] = [];
  return {
    provider: "META_DIRECT",
    capabilities: CLOUD_API_CAPABILITIES,
    sentTo,
    send: async (input: SendInput) => {
      sentTo.push(input.to);
      return answer(input.to);
    },
    markAsRead: async () => ({ ok: true }),
    uploadMedia: async () => ({ ok: true, mediaId: "m" }),
    downloadMedia: async () => ({ ok: true, bytes: new Uint8Array(), mimeType: "x", fileSize: 0 }),
    healthCheck: async () => ({ healthy: true, details: {} }),
  };
}

const notAllowedError = { provider: "META_DIRECT", code: "131030", title: "Recipient not in the allowed list", action: "fail" } as const;
const notAllowed: SendResult = { ok: false, error: notAllowedError };

describe("sendWithArgentineFallback", () => {
  it("retries once without the 9 when 549… is not in the allowed list", async () => {
    const provider = fakeProvider((to) => (to === "541155550123" ? { ok: true, providerMessageId: "wamid.1" } : notAllowed));
    const { result, recipient } = await sendWithArgentineFallback(provider, { to: "5491155550123", content: { type: "text", body: "Hola" } });
    expect(result).toEqual({ ok: true, providerMessageId: "wamid.1" });
    expect(recipient).toBe("541155550123");
    expect(provider.sentTo).toEqual(["5491155550123", "541155550123"]);
  });

  it("does not retry other errors or non-Argentine numbers", async () => {
    const provider = fakeProvider(() => notAllowed);
    await sendWithArgentineFallback(provider, { to: "14155552671", content: { type: "text", body: "Hi" } });
    expect(provider.sentTo).toEqual(["14155552671"]);
    const other = fakeProvider(() => ({ ok: false, error: { ...notAllowedError, code: "131026" } }));
    await sendWithArgentineFallback(other, { to: "5491155550123", content: { type: "text", body: "Hola" } });
    expect(other.sentTo).toEqual(["5491155550123"]);
  });
});
