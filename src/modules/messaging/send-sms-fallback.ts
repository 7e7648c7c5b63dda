import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import type { DeliveryDeps } from "./delivery-deps";

// The text goes by SMS (Twilio) when WhatsApp failed for good, or a high-priority message was not delivered in
// time. Recorded on the same message. Claimed with a conditional update first, so it is sent at most once even
// if the failure is reported twice (sync error and failed-status webhook).
export async function sendSmsFallback(
  input: { organizationId: string; messageId: string; reason: string },
  deps: Pick<DeliveryDeps, "sendSms" | "twilioConfig" | "now">,
): Promise<{ sent: boolean; sid?: string; skipped?: string }> {
  const claim = await withTenant(input.organizationId, async (tx) => {
    const { count } = await tx.outboundDelivery.updateMany({
      where: { messageId: input.messageId, smsFallback: true, smsSentAt: null },
      data: { smsSentAt: new Date(deps.now()), smsStatus: "sending", smsReason: input.reason },
    });
    if (!count) return null;
    const message = await tx.whatsAppMessage.findUniqueOrThrow({
      where: { id: input.messageId },
      select: { content: true, status: true, conversation: { select: { customer: { select: { phone: true } } } } },
    });
    return message;
  });
  if (!claim) return { sent: false, skipped: "not eligible or already sent" };
  const phone = claim.conversation.customer.phone;
  const body = (claim.content as { preview?: string }).preview;
  if (!phone || !body) {
    await record(input, { smsStatus: "skipped: sin teléfono o texto" });
    return { sent: false, skipped: "no phone or text" };
  }
  const result = await deps.sendSms({ to: phone, body, from: env.TWILIO_SMS_FROM }, undefined, deps.twilioConfig);
  if (result.ok) {
    await record(input, { smsSid: result.providerMessageId, smsStatus: "sent" });
    return { sent: true, sid: result.providerMessageId };
  }
  await record(input, { smsStatus: `failed: ${result.error.code} ${result.error.title}`.slice(0, 200) });
  return { sent: false, skipped: result.error.code };
}

function record(input: { organizationId: string; messageId: string }, data: { smsSid?: string; smsStatus: string }) {
  return withTenant(input.organizationId, (tx) => tx.outboundDelivery.update({ where: { messageId: input.messageId }, data }));
}
