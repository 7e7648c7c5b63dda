import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { countOutboundSend } from "../../lib/metrics/outbound-metrics";
import type { DeliveryDeps } from "./delivery-deps";
import { unsealContent } from "./secret-content";

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
      select: {
        content: true, status: true,
        delivery: { select: { purpose: true, sealedContent: true, secretExpiresAt: true } },
        conversation: { select: { customer: { select: { phone: true, waId: true, staffUserId: true } } } },
      },
    });
    return message;
  });
  if (!claim) return { sent: false, skipped: "not eligible or already sent" };
  const customer = claim.conversation.customer;
  // Staff recipients have no phone column (login codes reach them by waId); the SMS goes to the same number.
  const phone = customer.phone ?? (customer.staffUserId && customer.waId ? `+${customer.waId}` : null);
  const body = smsBodyOf(claim.content, claim.delivery, deps.now());
  if (!phone || !body) {
    await record(input, { smsStatus: "skipped: sin teléfono o texto" });
    return { sent: false, skipped: "no phone or text" };
  }
  const result = await deps.sendSms({ to: phone, body, from: env.TWILIO_SMS_FROM }, undefined, deps.twilioConfig);
  countOutboundSend({ channel: "sms", provider: "twilio", ...(result.ok ? {} : { error: result.error }) });
  if (result.ok) {
    await record(input, { smsSid: result.providerMessageId, smsStatus: "sent" });
    return { sent: true, sid: result.providerMessageId };
  }
  await record(input, { smsStatus: `failed: ${result.error.code} ${result.error.title}`.slice(0, 200) });
  return { sent: false, skipped: result.error.code };
}

// A login code's text lives only in its sealed copy, and goes out only while it is valid.
function smsBodyOf(
  content: unknown,
  delivery: { purpose: string; sealedContent: string | null; secretExpiresAt: Date | null } | null,
  now: number,
): string | undefined {
  if (delivery?.purpose !== "authentication") return (content as { preview?: string }).preview;
  if (!delivery.sealedContent || !delivery.secretExpiresAt || delivery.secretExpiresAt.getTime() <= now) return undefined;
  return unsealContent(delivery.sealedContent).preview;
}

function record(input: { organizationId: string; messageId: string }, data: { smsSid?: string; smsStatus: string }) {
  return withTenant(input.organizationId, (tx) => tx.outboundDelivery.update({ where: { messageId: input.messageId }, data }));
}
