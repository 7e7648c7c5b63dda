import type { Redis } from "ioredis";
import { db, withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { logger } from "../../lib/logger";
import { invoiceLink } from "../invoicing/invoice-link";
import { notifyCustomer } from "../notifications/notify-customer";
import { createPaymentLink } from "./create-payment-link";
import { paymentPageUrl } from "./payment-page-link";
import { paymentSettings } from "./payment-settings";

const DAY_MS = 86_400_000;

export type ReminderPass = { sent: number; deferred: number; failed: number };

// An authorized invoice still unpaid gets the payment_reminder template `reminderAfterDays` after it was authorized,
// and again every `reminderAfterDays`, at most `maxReminders` times. The link in it is the open payment link's page
// (one is made when MercadoPago is connected and none is open), else the invoice itself. Quiet hours defer it to the
// morning and the outbound engine applies opt-out; one invoice failing never stops the others.
export async function sendPaymentReminders(redis: Redis, input: { now?: Date; limitPerOrganization?: number } = {}): Promise<ReminderPass> {
  const now = input.now ?? new Date();
  const organizations = await db.$queryRaw<{ id: string }[]>`SELECT campotech_active_organization_ids() AS id`;
  const pass: ReminderPass = { sent: 0, deferred: 0, failed: 0 };
  for (const { id: organizationId } of organizations) {
    const { settings, due, mpConnected } = await withTenant(organizationId, async (tx) => {
      const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
      const settings = paymentSettings(organization.settings);
      if (!settings.remindersEnabled || settings.maxReminders === 0) return { settings, due: [], mpConnected: false };
      const before = new Date(now.getTime() - settings.reminderAfterDays * DAY_MS);
      const due = await tx.invoice.findMany({
        where: {
          kind: "INVOICE",
          status: "AUTHORIZED",
          paidAt: null,
          authorizedAt: { lte: before },
          paymentRemindersSent: { lt: settings.maxReminders },
          OR: [{ lastPaymentReminderAt: null }, { lastPaymentReminderAt: { lte: before } }],
        },
        select: { id: true },
        orderBy: { authorizedAt: "asc" },
        take: input.limitPerOrganization ?? 200,
      });
      const connection = await tx.mercadoPagoConnection.findUnique({ where: { organizationId }, select: { status: true } });
      return { settings, due, mpConnected: connection?.status === "ACTIVE" };
    });
    if (!due.length) continue;
    for (const { id: invoiceId } of due) {
      try {
        const outcome = await remind(redis, { organizationId, invoiceId, mpConnected, now });
        if (outcome) pass[outcome]++;
      } catch (error) {
        pass.failed++;
        logger.warn({ organizationId, invoiceId, err: (error as Error).message, maxReminders: settings.maxReminders }, "payment reminder not sent");
        // A refusal (opted out, no WhatsApp, the template missing) counts as a reminder: it must not be retried every
        // five minutes. An outage does not: the next pass tries again.
        if (error instanceof AppError && error.status < 500) await withTenant(organizationId, (tx) =>
          tx.invoice.update({ where: { id: invoiceId }, data: { paymentRemindersSent: { increment: 1 }, lastPaymentReminderAt: now } }),
        ).catch(() => {});
      }
    }
  }
  if (pass.sent || pass.deferred || pass.failed) logger.info(pass, "payment reminders pass");
  return pass;
}

async function remind(redis: Redis, input: { organizationId: string; invoiceId: string; mpConnected: boolean; now: Date }): Promise<"sent" | "deferred" | null> {
  const { organizationId, invoiceId, now } = input;
  const invoice = await withTenant(organizationId, (tx) =>
    tx.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      select: {
        customerId: true, totalCents: true, paidCents: true, paymentDueDate: true, paymentRemindersSent: true,
        creditNotes: { where: { status: "AUTHORIZED" }, select: { totalCents: true } },
        paymentLinks: { where: { status: "OPEN", expiresAt: { gt: new Date(now.getTime() + DAY_MS) } }, select: { id: true, amountCents: true }, orderBy: { createdAt: "desc" }, take: 1 },
      },
    }),
  );
  const dueCents = invoice.totalCents - invoice.creditNotes.reduce((s, n) => s + n.totalCents, 0) - invoice.paidCents;
  if (dueCents <= 0) return null;
  let link = invoice.paymentLinks[0] && invoice.paymentLinks[0].amountCents === dueCents ? paymentPageUrl(organizationId, invoice.paymentLinks[0].id) : null;
  if (!link && input.mpConnected) {
    link = await createPaymentLink(redis, { organizationId, userId: null, target: { kind: "invoice", id: invoiceId }, now })
      .then((created) => created.pageUrl)
      .catch((error: Error) => {
        logger.warn({ organizationId, invoiceId, err: error.message }, "reminder without a payment link");
        return null;
      });
  }
  const n = invoice.paymentRemindersSent + 1;
  const result = await notifyCustomer(
    {
      event: "payment_reminder",
      organizationId,
      customerId: invoice.customerId,
      dedupeKey: `payment-reminder-${invoiceId}-${n}`,
      context: { amountCents: dueCents, dueDate: new Date(`${invoice.paymentDueDate}T12:00:00-03:00`), link: link ?? invoiceLink(organizationId, invoiceId) },
    },
    { now },
  );
  await withTenant(organizationId, (tx) => tx.invoice.update({ where: { id: invoiceId }, data: { paymentRemindersSent: n, lastPaymentReminderAt: now } }));
  return result.status;
}
