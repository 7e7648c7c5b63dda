import { alternateArgentineRecipient } from "./to-cloud-api-recipient";
import type { SendInput, SendResult, WhatsAppBSPProvider } from "./types";

// Sends to the number as given; if the Cloud API answers 131030 ("not in allowed list") for an Argentine
// mobile, tries once more with the other spelling (549… ↔ 54…). The caller should store `recipient` (and the
// response's recipientWaId) so later sends go straight to the form that worked.
export async function sendWithArgentineFallback(
  provider: WhatsAppBSPProvider,
  input: SendInput,
): Promise<{ result: SendResult; recipient: string }> {
  const first = await provider.send(input);
  if (first.ok || first.error.code !== "131030") return { result: first, recipient: input.to };
  const alternate = alternateArgentineRecipient(input.to);
  if (!alternate) return { result: first, recipient: input.to };
  return { result: await provider.send({ ...input, to: alternate }), recipient: alternate };
}
