import { createHash } from "node:crypto";
import { createWhatsAppProvider, type CreateWhatsAppProviderOptions } from "../../integrations/whatsapp/create-whatsapp-provider";
import { withTenant } from "../../lib/db";
import type { OrganizationEvent } from "../events/organization-event";
import { getMediaStorage } from "./get-media-storage";
import { mediaStorageKey, type MediaStorage } from "./media-storage";

export type DownloadMessageMediaOptions = {
  attempt: number;
  maxAttempts: number;
  storage?: MediaStorage;
  provider?: CreateWhatsAppProviderOptions;
};

export type DownloadMessageMediaResult = { outcome: "stored" | "already_stored" | "no_media"; events: OrganizationEvent[] };

// Thrown when a download did not work. `permanent` (the provider says it will never work, e.g. an expired media
// id) or the last attempt: the message is marked FAILED; otherwise it stays PENDING and the job retries.
export class MediaDownloadError extends Error {
  override name = "MediaDownloadError";
  constructor(message: string, readonly permanent: boolean) {
    super(message);
  }
}

// Fetches an inbound message's media with its business number's credentials (Meta/360dialog: two steps, metadata
// then bytes; Twilio: the MediaUrl with Basic auth), stores it and links it to the message. The message row
// exists from the start (PENDING), so a failing download never loses the message. The network call happens
// outside any transaction.
export async function downloadMessageMedia(
  input: { organizationId: string; messageId: string },
  options: DownloadMessageMediaOptions,
): Promise<DownloadMessageMediaResult> {
  const loaded = await withTenant(input.organizationId, async (tx) => {
    const message = await tx.whatsAppMessage.findUnique({
      where: { id: input.messageId },
      select: { id: true, conversationId: true, accountId: true, mediaState: true, mediaProviderId: true, mediaUrl: true, mediaMimeType: true, providerTimestamp: true, createdAt: true },
    });
    if (!message?.accountId) return { message, account: null };
    const account = await tx.whatsAppBusinessAccount.findUnique({
      where: { id: message.accountId },
      select: { bspProvider: true, phoneNumberId: true, wabaId: true, displayPhoneNumber: true, credentialsEncrypted: true },
    });
    return { message, account };
  });
  const { message, account } = loaded;
  if (!message || !message.mediaState) return { outcome: "no_media", events: [] };
  if (message.mediaState === "STORED") return { outcome: "already_stored", events: [] };

  try {
    if (!account) throw new MediaDownloadError("the message's WhatsApp account no longer exists", true);
    const source = account.bspProvider === "TWILIO" ? (message.mediaUrl ?? message.mediaProviderId) : (message.mediaProviderId ?? message.mediaUrl);
    if (!source) throw new MediaDownloadError("no media id or URL on the message", true);
    const provider = createWhatsAppProvider(account, options.provider ?? {});
    const result = await provider.downloadMedia(source);
    if (!result.ok) {
      throw new MediaDownloadError(`${result.error.code}: ${result.error.title}`, result.error.action !== "retry");
    }
    const mimeType = result.mimeType || message.mediaMimeType || "application/octet-stream";
    const key = mediaStorageKey({ organizationId: input.organizationId, messageId: message.id, mimeType, at: message.providerTimestamp ?? message.createdAt });
    await (options.storage ?? getMediaStorage()).put(key, result.bytes, mimeType);
    const sha256 = createHash("sha256").update(result.bytes).digest("hex");
    const updated = await withTenant(input.organizationId, (tx) =>
      tx.whatsAppMessage.updateMany({
        where: { id: message.id, mediaState: { not: "STORED" } },
        data: { mediaState: "STORED", mediaStorageKey: key, mediaMimeType: mimeType, mediaSize: result.bytes.byteLength, mediaSha256: sha256, mediaError: null },
      }),
    );
    if (updated.count === 0) return { outcome: "already_stored", events: [] };
    return {
      outcome: "stored",
      events: [mediaEvent(input.organizationId, message.conversationId, message.id, { mediaState: "STORED", mediaStorageKey: key, mediaMimeType: mimeType })],
    };
  } catch (error) {
    const failure = error instanceof MediaDownloadError ? error : new MediaDownloadError((error as Error).message, false);
    const final = failure.permanent || options.attempt >= options.maxAttempts;
    await withTenant(input.organizationId, (tx) =>
      tx.whatsAppMessage.updateMany({
        where: { id: message.id, mediaState: { not: "STORED" } },
        data: { mediaState: final ? "FAILED" : "PENDING", mediaError: failure.message.slice(0, 500) },
      }),
    );
    throw new MediaDownloadError(failure.message, final);
  }
}

function mediaEvent(organizationId: string, conversationId: string, messageId: string, fields: Record<string, unknown>): OrganizationEvent {
  return { type: "message.updated", organizationId, conversationId, messageId, fields, at: new Date().toISOString() };
}
