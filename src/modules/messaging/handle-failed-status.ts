import { withTenant } from "../../lib/db";
import { buildTemplateMessage } from "../templates/build-template-message";
import { ensureTemplateSendable } from "../templates/ensure-template-sendable";
import { defaultDeliveryDeps, type DeliveryDeps } from "./delivery-deps";
import { sendMessage } from "./send-message";
import { sendSmsFallback } from "./send-sms-fallback";

// Provider codes that mean "the 24-hour window had closed": Meta/360dialog 131047, Twilio 63016.
const WINDOW_CLOSED = new Set(["131047", "63016"]);

// A message the provider accepted and later reported as failed (status webhook). The original stays FAILED with
// the provider's code; when the window had closed and a fallback template is configured, the template goes out
// as a new message (once: the idempotency key is derived from the original); otherwise the text goes by SMS when
// the message asked for it.
export async function handleFailedStatus(
  input: { organizationId: string; messageId: string },
  deps: Pick<DeliveryDeps, "sendSms" | "twilioConfig" | "now"> = defaultDeliveryDeps(),
): Promise<{ action: "template" | "sms" | "none"; messageId?: string }> {
  const found = await withTenant(input.organizationId, (tx) =>
    tx.whatsAppMessage.findUnique({
      where: { id: input.messageId },
      select: { status: true, errorCode: true, type: true, conversationId: true, delivery: true },
    }),
  );
  if (!found?.delivery || found.status !== "FAILED") return { action: "none" };
  const fallback = found.delivery.templateFallback as { name: string; language: string; params: string[] } | null;
  if (fallback && found.type !== "TEMPLATE" && WINDOW_CLOSED.has(found.errorCode ?? "")) {
    const content = await withTenant(input.organizationId, async (tx) => {
      const stored = await ensureTemplateSendable(tx, { organizationId: input.organizationId, name: fallback.name, language: fallback.language });
      return buildTemplateMessage(stored, fallback.params).content;
    }).catch(() => null);
    const template = content && await sendMessage({
      organizationId: input.organizationId,
      conversationId: found.conversationId,
      content,
      purpose: "notification",
      idempotencyKey: `template-fallback-${input.messageId}`,
      smsFallback: found.delivery.smsFallback,
    }).catch(() => null);
    if (template) return { action: "template", messageId: template.id };
  }
  const sms = await sendSmsFallback({ ...input, reason: `whatsapp ${found.errorCode ?? "failed"}` }, deps);
  return { action: sms.sent ? "sms" : "none" };
}
