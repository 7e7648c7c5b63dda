import type { TenantTx } from "../../lib/db";
import { OPT_IN_CONFIRMATION, OPT_OUT_CONFIRMATION, type OptCommand } from "./detect-opt-command";

// Opt-out of business-initiated messages (optedOutAt) or back in, plus the confirmation as a QUEUED outbound
// message row, in the same transaction as the inbound message: a redelivery (no new inbound row) creates neither
// again. The outbound engine's delivery job sends it (the customer just wrote, so the window is open). It is not
// counted against the plan's monthly messages: confirming an opt-out is an obligation, not usage.
export async function handleOptCommand(
  tx: TenantTx,
  input: { organizationId: string; customerId: string; conversationId: string; accountId: string; command: OptCommand; at: Date; triggerMessageId: string },
): Promise<{ confirmationId: string } | null> {
  const changed = await tx.customer.updateMany({
    where: { id: input.customerId, optedOutAt: input.command === "opt_out" ? null : { not: null } },
    data: { optedOutAt: input.command === "opt_out" ? input.at : null },
  });
  // ALTA from someone who never opted out needs no answer; BAJA twice gets a second confirmation (they asked).
  if (changed.count === 0 && input.command === "opt_in") return null;
  const confirmation = await tx.whatsAppMessage.create({
    data: {
      organizationId: input.organizationId,
      conversationId: input.conversationId,
      accountId: input.accountId,
      direction: "OUTBOUND",
      type: "TEXT",
      status: "QUEUED",
      content: {
        type: "text",
        body: input.command === "opt_out" ? OPT_OUT_CONFIRMATION : OPT_IN_CONFIRMATION,
        purpose: input.command === "opt_out" ? "opt_out_confirmation" : "opt_in_confirmation",
        inReplyToMessageId: input.triggerMessageId,
      },
    },
    select: { id: true },
  });
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: input.customerId }, select: { waId: true, phone: true } });
  await tx.outboundDelivery.create({
    data: {
      organizationId: input.organizationId,
      messageId: confirmation.id,
      accountId: input.accountId,
      recipient: customer.waId ?? customer.phone?.replace(/^\+/, "") ?? "",
      purpose: "opt_out_confirmation",
      priority: "HIGH",
    },
  });
  return { confirmationId: confirmation.id };
}
