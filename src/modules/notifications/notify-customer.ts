import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { sendMessage } from "../messaging/send-message";
import { defaultTemplateFor } from "../templates/default-templates";
import { resolveTemplateVariables } from "../templates/resolve-template-variables";
import { notificationSettings } from "./notification-settings";
import { deferNotification } from "./defer-notification";
import { notifyCustomerInputSchema, type NotifyCustomerInput } from "./notify-customer.schemas";
import { quietHoursDecision } from "./quiet-hours-decision";
import { trackingLink } from "./tracking-link";

export type NotifyCustomerResult =
  | { status: "sent"; messageId: string }
  | { status: "deferred"; until: Date; deferredJobId: string };

const PRIORITY = { EMERGENCY: "high", HIGH: "high", NORMAL: "normal" } as const;

// Event → the customer's WhatsApp template, through the outbound engine (24-hour rule, opt-outs, tier limits,
// SMS fallback). Inside quiet hours a non-emergency notification is deferred (a DeferredNotification row plus a delayed
// job, see defer-notification.ts) that calls this again when the window ends (`deferred: true` then skips the check,
// so it can never bounce back and forth).
export async function notifyCustomer(
  raw: NotifyCustomerInput,
  // immediate: the message answers something the customer just did (their payment went through): quiet hours are for
  // news they did not ask for, so it goes now.
  options: { now?: Date; deferred?: boolean; immediate?: boolean } = {},
): Promise<NotifyCustomerResult> {
  const input = notifyCustomerInputSchema.parse(raw);
  const now = options.now ?? new Date();
  const dedupeKey = input.dedupeKey ?? defaultDedupeKey(input);

  const { settings, customerName } = await withTenant(input.organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { settings: true } });
    const customer = await tx.customer.findFirst({ where: { id: input.customerId }, select: { name: true } });
    if (!customer) throw new AppError("NOT_FOUND", { message: "No encontramos el cliente." });
    return { settings: notificationSettings(organization.settings), customerName: customer.name };
  });

  if (!options.deferred && !options.immediate) {
    const decision = quietHoursDecision({ now, urgency: input.urgency, organizationQuiet: settings.quietHours ?? null });
    if (decision.action === "defer") {
      // A key is fixed now even when the caller gave none, so the deferred send is idempotent too.
      const key = dedupeKey ?? `${input.event}-${randomUUID()}`;
      const deferredJobId = `deferred-${input.organizationId}-${key}`;
      await deferNotification({ organizationId: input.organizationId, key: deferredJobId, payload: { kind: "customer", input: { ...input, dedupeKey: key } }, until: decision.until, now });
      return { status: "deferred", until: decision.until, deferredJobId };
    }
  }

  const template = defaultTemplateFor(input.event);
  const link =
    input.event === "technician_on_the_way" && input.context.jobId ? trackingLink(input.organizationId, input.context.jobId) : input.context.link;
  const params = resolveTemplateVariables(template.variables, { ...input.context, customerName: customerName ?? undefined, link });
  const message = await sendMessage(
    {
      organizationId: input.organizationId,
      customerId: input.customerId,
      ...(input.conversationId ? { conversationId: input.conversationId } : {}),
      content: {
        type: "template",
        name: template.name,
        language: "es_AR",
        components: params.length ? [{ type: "body", parameters: params.map((text) => ({ type: "text" as const, text })) }] : [],
      },
      purpose: input.urgency === "EMERGENCY" ? "emergency" : "notification",
      priority: PRIORITY[input.urgency],
      smsFallback: true,
      ...(dedupeKey ? { idempotencyKey: `notification-${dedupeKey}` } : {}),
    },
    now,
  );
  return { status: "sent", messageId: message.id };
}

// Job lifecycle events happen once per job and start time, so they dedupe on that by default. Billing events can
// repeat for the same job or customer (two payments): only the caller's dedupeKey (e.g. the payment id) dedupes them.
function defaultDedupeKey(input: z.output<typeof notifyCustomerInputSchema>): string | undefined {
  const { jobId, jobStart } = input.context;
  if (!jobId || !["job_scheduled", "technician_on_the_way", "job_completed", "job_reminder"].includes(input.event)) return undefined;
  return `${input.event}-${jobId}${jobStart ? `-${jobStart.getTime()}` : ""}`;
}
