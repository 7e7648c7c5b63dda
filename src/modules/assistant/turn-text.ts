import { messageText } from "../conversations/message-text";

export type TurnMessage = { type: string; content: unknown; mediaStorageKey: string | null; mediaMimeType: string | null; mediaState: string | null };

// The words of one stored inbound message, as the assistant reads them: text, captions, button and list replies,
// a shared location. Media without words and voice notes return null (voice notes are transcribed separately).
export function turnText(message: TurnMessage): string | null {
  const c = (message.content ?? {}) as Record<string, unknown>;
  switch (message.type) {
    case "INTERACTIVE":
      return typeof c.title === "string" ? c.title : null;
    case "LOCATION":
      return `Te comparto mi ubicación${typeof c.address === "string" ? `: ${c.address}` : ""}`;
    case "REACTION":
      return typeof c.emoji === "string" ? c.emoji : null;
    default:
      return messageText(c);
  }
}
