import { withTenant } from "../../lib/db";
import { defaultDeliveryDeps, type DeliveryDeps } from "./delivery-deps";
import { sendSmsFallback } from "./send-sms-fallback";

// High-priority messages (login codes, emergencies) that WhatsApp has not delivered within the organization's
// fallback delay also go by SMS.
export async function checkDelivery(
  input: { organizationId: string; messageId: string },
  deps: Pick<DeliveryDeps, "sendSms" | "twilioConfig" | "now"> = defaultDeliveryDeps(),
): Promise<{ smsSent: boolean; status: string }> {
  const message = await withTenant(input.organizationId, (tx) =>
    tx.whatsAppMessage.findUnique({ where: { id: input.messageId }, select: { status: true } }),
  );
  if (!message) return { smsSent: false, status: "missing" };
  if (message.status === "DELIVERED" || message.status === "READ") return { smsSent: false, status: message.status };
  const result = await sendSmsFallback({ ...input, reason: `not delivered on WhatsApp (${message.status})` }, deps);
  return { smsSent: result.sent, status: message.status };
}
