import type { Redis } from "ioredis";
import { getPayment, searchPayments } from "../../integrations/mercadopago";
import { db, withTenant } from "../../lib/db";
import { logger } from "../../lib/logger";
import { applyMercadoPagoPayment } from "./apply-mercadopago-payment";
import { getMercadoPagoAccessToken } from "./get-mercadopago-access-token";

// A link stays searchable a day past its expiry: a payment started at the last minute may settle after it.
const GRACE_MS = 86_400_000;

export type ReconcilePass = { links: number; payments: number; applied: number; expired: number; failed: number };

// A lost notification must never leave an invoice unpaid forever. Every pass (the payments maintenance job) asks
// MercadoPago, with each seller's token, for the payments of every link still open (search by external_reference) and
// re-reads payments still pending or in process; each answer goes through the same applyMercadoPagoPayment as a
// notification would. Links past their expiry (and grace) with nothing paid become EXPIRED.
export async function reconcilePaymentLinks(redis: Redis, input: { now?: Date; limitPerOrganization?: number } = {}): Promise<ReconcilePass> {
  const now = input.now ?? new Date();
  const pass: ReconcilePass = { links: 0, payments: 0, applied: 0, expired: 0, failed: 0 };
  const organizations = await db.$queryRaw<{ id: string }[]>`SELECT campotech_active_organization_ids() AS id`;
  for (const { id: organizationId } of organizations) {
    const work = await withTenant(organizationId, async (tx) => {
      const connection = await tx.mercadoPagoConnection.findUnique({ where: { organizationId }, select: { status: true } });
      if (connection?.status !== "ACTIVE") return null;
      return {
        links: await tx.paymentLink.findMany({
          where: { status: "OPEN", preferenceId: { not: null }, expiresAt: { gt: new Date(now.getTime() - GRACE_MS) } },
          select: { id: true },
          orderBy: { createdAt: "desc" },
          take: input.limitPerOrganization ?? 200,
        }),
        unsettled: await tx.payment.findMany({
          where: { method: "MERCADOPAGO", status: { in: ["PENDING", "IN_PROCESS"] }, mpPaymentId: { not: null } },
          select: { mpPaymentId: true },
          take: input.limitPerOrganization ?? 200,
        }),
      };
    });
    if (!work) continue;
    try {
      const token = await getMercadoPagoAccessToken(redis, organizationId, now.getTime());
      const seen = new Set<string>();
      for (const link of work.links) {
        pass.links++;
        for (const payment of await searchPayments(token, link.id)) {
          seen.add(String(payment.id));
          pass.payments++;
          const result = await applyMercadoPagoPayment(organizationId, payment, now);
          if (result.outcome === "created" || result.outcome === "updated") pass.applied++;
        }
      }
      for (const { mpPaymentId } of work.unsettled) {
        if (!mpPaymentId || seen.has(mpPaymentId)) continue;
        pass.payments++;
        const result = await applyMercadoPagoPayment(organizationId, await getPayment(token, mpPaymentId), now);
        if (result.outcome === "created" || result.outcome === "updated") pass.applied++;
      }
    } catch (error) {
      pass.failed++;
      logger.warn({ organizationId, err: (error as Error).message }, "payment reconciliation failed for an organization");
      continue;
    }
    pass.expired += await withTenant(organizationId, async (tx) =>
      (await tx.paymentLink.updateMany({ where: { status: "OPEN", expiresAt: { lte: new Date(now.getTime() - GRACE_MS) } }, data: { status: "EXPIRED" } })).count,
    );
  }
  if (pass.applied || pass.expired || pass.failed) logger.info(pass, "payment reconciliation pass");
  return pass;
}
