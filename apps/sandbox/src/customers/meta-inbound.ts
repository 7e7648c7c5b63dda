import { newWamid } from "../ids.ts";
import { sampleMedia, saveMedia } from "../media/store.ts";
import { webhookError } from "../meta/errors.ts";
import type { BusinessNumber, SandboxState } from "../state.ts";
import type { CustomerMessageInput } from "./schema.ts";

/** A customer's message as Meta puts it in value.messages[] (reference §1.4). */
export function buildMetaInbound(
  state: SandboxState,
  number: BusinessNumber,
  waId: string,
  input: CustomerMessageInput,
  contextId: string | undefined,
): Record<string, unknown> {
  const message: Record<string, unknown> = {
    from: waId,
    id: newWamid(waId),
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  if (contextId) message.context = { from: number.displayPhoneNumber, id: contextId };
  if (input.forwarded) message.context = { ...(message.context as object | undefined), forwarded: true };
  if (input.referral) message.referral = input.referral;
  const type = input.type;
  switch (type) {
    case "text":
      return { ...message, type, text: { body: input.text ?? "" } };
    case "image":
    case "video":
    case "document":
    case "sticker":
    case "audio":
    case "voice": {
      const stored = storeCustomerMedia(state, number, input);
      const metaType = type === "voice" ? "audio" : type;
      const object: Record<string, unknown> = { mime_type: stored.mimeType, sha256: stored.sha256, id: stored.id };
      if (input.media?.caption && (type === "image" || type === "video" || type === "document")) object.caption = input.media.caption;
      if (type === "document") object.filename = stored.filename ?? "documento.pdf";
      if (type === "audio" || type === "voice") object.voice = type === "voice";
      if (type === "sticker") object.animated = false;
      return { ...message, type: metaType, [metaType]: object };
    }
    case "location":
      return { ...message, type, location: input.location ?? { latitude: -34.6037, longitude: -58.3816 } };
    case "contacts":
      return {
        ...message,
        type,
        contacts: input.contacts ?? [
          { name: { formatted_name: "Juan Pérez", first_name: "Juan", last_name: "Pérez" }, phones: [{ phone: "+54 9 11 5555-0199", wa_id: "5491155550199", type: "CELL" }] },
        ],
      };
    case "button_reply":
    case "list_reply": {
      const reply = input.reply ?? { id: "sandbox-reply", title: input.text ?? "Sí" };
      return { ...message, type: "interactive", interactive: { type, [type]: reply } };
    }
    case "button": {
      const reply = input.reply ?? { id: "sandbox-payload", title: input.text ?? "Confirmar" };
      return { ...message, type, button: { payload: reply.id, text: reply.title } };
    }
    case "reaction":
      return { ...message, type, reaction: { message_id: input.reactionTo ?? contextId ?? "", ...(input.emoji !== undefined ? { emoji: input.emoji } : {}) } };
    case "unsupported":
      return { ...message, type, unsupported: { type: "edit" }, errors: [webhookError(131051, "Message type is currently not supported.")] };
    case "system": {
      const newWaId = input.newWaId ?? waId;
      return {
        from: waId,
        id: message.id,
        timestamp: message.timestamp,
        type,
        system: { body: input.text ?? `User ${waId} changed from ${waId} to ${newWaId}`, wa_id: newWaId, type: "user_changed_number" },
      };
    }
  }
}

export function storeCustomerMedia(state: SandboxState, number: BusinessNumber, input: CustomerMessageInput) {
  const sample = sampleMedia(input.type);
  const data = input.media?.base64 ? Buffer.from(input.media.base64, "base64") : sample.data;
  const mime = input.media?.mimeType ?? sample.mime;
  const filename = input.media?.filename ?? sample.filename;
  return saveMedia(state, number, data, mime, filename);
}
