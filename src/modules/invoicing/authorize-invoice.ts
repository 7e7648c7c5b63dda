import type { Redis } from "ioredis";
import type { Invoice, Prisma } from "@campotech/database";
import { captureProductEvent } from "../../integrations/posthog";
import { ArcaError, lastAuthorizedNumber, queryVoucher, requestCae, type ArcaMessage, type CaeRequest, type VoucherQuery } from "../../integrations/arca";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { acquireLock } from "../../lib/redis-lock";
import { addDays, localDateOf } from "../../lib/time";
import { DelayJob } from "../../workers/delay-job";
import { appendAuditLog } from "../audit/append-audit-log";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { attachJobPaymentsToInvoice } from "../payments/attach-job-payments";
import { recomputePaid } from "../payments/recompute-paid";
import { loadArcaContext, type ArcaContext } from "./arca-context";
import { arcaPanicActive, recordArcaOutcome } from "./arca-breaker";
import { dropArcaTicket, getArcaTicket } from "./get-arca-ticket";
import { IVA_ID_BY_BPS } from "./voucher-rules";

export type AuthorizeDeps = { redis: Redis; now: () => number; timeoutMs?: number };
export type AuthorizeOutcome =
  | { outcome: "authorized"; number: number; cae: string; reconciled: boolean }
  | { outcome: "rejected"; codes: number[] }
  | { outcome: "skipped"; reason: string };

type LoadedInvoice = Invoice & { creditedInvoice: { voucherType: number; pointOfSale: number; number: number | null; issueDate: string } | null };

const compact = (date: string) => date.replace(/-/g, "");
const dashed = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
const backoffMs = (attempt: number) => Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 10 * 60_000);

// The authorization worker's use-case (reference/ARGENTINA.md §2.11). Serialized per (CUIT, point of sale, voucher
// type) with a lock held across the calls: last authorized number + 1, stored on the invoice *before* FECAESolicitar
// is sent. An invoice found AUTHORIZING (its answer never came: a timeout, a crash) is first looked up with
// FECompConsultar: if ARCA has it, its CAE is adopted; only if ARCA does not is a number asked for again — so an
// invoice is never authorized twice and no number is skipped. ARCA down trips the "arca" breaker; the invoice waits.
export async function authorizeInvoice(input: { organizationId: string; invoiceId: string }, deps: AuthorizeDeps): Promise<AuthorizeOutcome> {
  const { organizationId, invoiceId } = input;
  const invoice = await load(organizationId, invoiceId);
  if (!invoice) return { outcome: "skipped", reason: "not_found" };
  if (invoice.status !== "PENDING" && invoice.status !== "AUTHORIZING") return { outcome: "skipped", reason: invoice.status.toLowerCase() };
  if (await arcaPanicActive(organizationId)) throw new DelayJob(deps.now() + 60_000, "ARCA en modo pánico");

  let ctx: ArcaContext;
  try {
    ctx = await loadArcaContext(organizationId, { now: new Date(deps.now()), ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}) });
  } catch (error) {
    if (error instanceof AppError) await note(organizationId, invoiceId, error.message);
    throw error;
  }
  const lock = await acquireLock(deps.redis, `arca:numbering:${ctx.environment}:${ctx.cuit}:${invoice.pointOfSale}:${invoice.voucherType}`, {
    ttlMs: 2 * ctx.wsfe.timeoutMs + 30_000,
    waitMs: 30_000,
    // Invoices of one point of sale queue up behind each other: poll often, each holder is done in milliseconds.
    pollMs: 10 + Math.random() * 10,
  });
  if (!lock) throw new DelayJob(deps.now() + 2_000, "numeración ocupada por otra factura del mismo punto de venta");
  try {
    return await authorizeLocked(ctx, await load(organizationId, invoiceId) ?? invoice, deps);
  } catch (error) {
    if (!(error instanceof ArcaError)) throw error;
    await recordArcaOutcome(deps.redis, { organizationId, ok: !error.transient, code: error.code, id: `${invoiceId}:${deps.now()}`, now: deps.now() });
    if (error.kind === "wsfe_error" && error.code === "600") {
      // The ticket was refused: forget it and authenticate again.
      await dropArcaTicket(ctx);
      throw new DelayJob(deps.now() + 1_000, "ticket de ARCA rechazado (600): se pide uno nuevo");
    }
    if (error.transient || error.code === "coe.alreadyAuthenticated" || error.code === "ticket_lock") {
      const attempt = invoice.attempts + 1;
      await note(organizationId, invoiceId, `${error.message} — se reintenta automáticamente.`);
      throw new DelayJob(deps.now() + (error.code === "coe.alreadyAuthenticated" ? 2 * 60_000 : backoffMs(attempt)), `ARCA: ${error.code}`);
    }
    // Anything else ARCA refused for the whole request (CUIT not in the ticket, not enabled…) will not pass by
    // retrying. If FECAESolicitar itself answered so, nothing was authorized; if the refusal came while settling an
    // unanswered request, ARCA may still hold that voucher: it stays AUTHORIZING for a person to look at.
    const current = await load(organizationId, invoiceId);
    const errors = error.details.errors ?? [{ code: Number(error.code) || 0, message: error.message }];
    if (error.details.method !== "FECAESolicitar" && current?.status === "AUTHORIZING" && current.requestedNumber) {
      await note(organizationId, invoiceId, `ARCA: ${errors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
      throw error;
    }
    return reject(organizationId, invoiceId, [], errors, deps);
  } finally {
    await lock.release();
  }
}

async function authorizeLocked(ctx: ArcaContext, invoice: LoadedInvoice, deps: AuthorizeDeps): Promise<AuthorizeOutcome> {
  if (invoice.status !== "PENDING" && invoice.status !== "AUTHORIZING") return { outcome: "skipped", reason: invoice.status.toLowerCase() };
  const auth = await getArcaTicket(ctx, deps);
  const key = { pointOfSale: invoice.pointOfSale, voucherType: invoice.voucherType };

  if (invoice.status === "AUTHORIZING" && invoice.requestedNumber) {
    const found = await queryVoucher(auth, { ...key, number: invoice.requestedNumber }, ctx.wsfe);
    if (found.found && found.cae && found.result === "A" && sameVoucher(invoice, found)) {
      return authorized(ctx.organizationId, invoice, { number: invoice.requestedNumber, cae: found.cae, caeDueDate: found.caeDueDate, date: found.date, observations: [] }, deps, true);
    }
    // ARCA never got it (602), or that number belongs to another voucher: the number is free for a fresh request.
  }

  const number = (await lastAuthorizedNumber(auth, key, ctx.wsfe)) + 1;
  const today = localDateOf(new Date(deps.now()));
  const dueDays = Math.max(0, daysBetween(invoice.issueDate, invoice.paymentDueDate));
  const dates = { issueDate: today, paymentDueDate: invoice.kind === "CREDIT_NOTE" ? today : addDays(today, dueDays) };
  // Stored before the call: whatever happens to the answer, the next attempt knows which number to look up.
  const claimed = await withTenant(ctx.organizationId, (tx) =>
    tx.invoice.updateMany({
      where: { id: invoice.id, status: { in: ["PENDING", "AUTHORIZING"] } },
      data: { status: "AUTHORIZING", requestedNumber: number, requestedAt: new Date(deps.now()), attempts: { increment: 1 }, ...dates },
    }),
  );
  if (!claimed.count) return { outcome: "skipped", reason: "changed" };

  const result = await requestCae(auth, caeRequest({ ...invoice, ...dates }, number, ctx), ctx.wsfe);
  await recordArcaOutcome(deps.redis, { organizationId: ctx.organizationId, ok: true, id: `${invoice.id}:${deps.now()}`, now: deps.now() });
  if (result.result === "A" && result.cae) {
    return authorized(ctx.organizationId, invoice, { number, cae: result.cae, caeDueDate: result.caeDueDate, date: compact(today), observations: result.observations }, deps, false);
  }
  const codes = [...result.observations, ...result.errors].map((m) => m.code);
  if (codes.includes(10016)) {
    // Numbering or date out of step (another system used this point of sale meanwhile): ask again, fresh.
    throw new DelayJob(deps.now() + 1_000, "ARCA 10016: la numeración cambió, se vuelve a consultar");
  }
  return reject(ctx.organizationId, invoice.id, result.observations, result.errors, deps);
}

function caeRequest(invoice: LoadedInvoice, number: number, ctx: ArcaContext): CaeRequest {
  const iva = (invoice.ivaBreakdown as { ivaRateBps: number; baseCents: number; ivaCents: number }[]).map((r) => ({
    id: IVA_ID_BY_BPS[r.ivaRateBps]!, baseCents: r.baseCents, amountCents: r.ivaCents,
  }));
  const associated = invoice.creditedInvoice?.number
    ? [{ type: invoice.creditedInvoice.voucherType, pointOfSale: invoice.creditedInvoice.pointOfSale, number: invoice.creditedInvoice.number, cuit: ctx.cuit, date: compact(invoice.creditedInvoice.issueDate) }]
    : undefined;
  return {
    pointOfSale: invoice.pointOfSale,
    voucherType: invoice.voucherType,
    concept: invoice.concept,
    docType: invoice.receiverDocType,
    docNumber: invoice.receiverDocNumber,
    number,
    date: compact(invoice.issueDate),
    totalCents: invoice.totalCents,
    untaxedCents: 0,
    netCents: invoice.netCents,
    exemptCents: invoice.exemptCents,
    taxesCents: 0,
    ivaCents: invoice.ivaCents,
    ...(invoice.concept === 1 ? {} : { serviceFrom: compact(invoice.serviceFrom), serviceTo: compact(invoice.serviceTo), paymentDueDate: compact(invoice.paymentDueDate) }),
    ivaConditionId: invoice.receiverIvaConditionId,
    ...(associated ? { associated } : {}),
    ...(invoice.letter === "C" ? {} : { iva }),
  };
}

function sameVoucher(invoice: Invoice, found: VoucherQuery): boolean {
  return found.totalCents === invoice.totalCents && found.docType === invoice.receiverDocType && Number(found.docNumber) === Number(invoice.receiverDocNumber);
}

async function authorized(
  organizationId: string,
  invoice: Invoice,
  granted: { number: number; cae: string; caeDueDate: string | null; date: string | null; observations: ArcaMessage[] },
  deps: AuthorizeDeps,
  reconciled: boolean,
): Promise<AuthorizeOutcome> {
  const now = new Date(deps.now());
  await withTenant(organizationId, async (tx) => {
    await tx.invoice.update({
      where: { id: invoice.id },
      data: {
        status: "AUTHORIZED",
        number: granted.number,
        cae: granted.cae,
        caeDueDate: granted.caeDueDate ? dashed(granted.caeDueDate) : null,
        ...(granted.date ? { issueDate: dashed(granted.date) } : {}),
        authorizedAt: now,
        arcaObservations: granted.observations as unknown as Prisma.InputJsonArray,
        arcaErrors: [],
        lastError: null,
        requestedNumber: null,
      },
    });
    await appendAuditLog(tx, {
      organizationId, actorType: "SYSTEM", action: "invoice.authorized", entityType: "Invoice", entityId: invoice.id,
      metadata: { number: granted.number, cae: granted.cae, reconciled, observations: granted.observations.map((o) => o.code) },
    });
    if (invoice.kind === "INVOICE") await attachJobPaymentsToInvoice(tx, { organizationId, invoiceId: invoice.id, jobId: invoice.jobId, now });
    // A credit note lowers what is owed on its invoice: what was paid may now cover it.
    if (invoice.creditedInvoiceId) await recomputePaid(tx, { invoiceId: invoice.creditedInvoiceId, jobId: null }, now);
  });
  await publishOrganizationEvents([{ type: "invoice.updated", organizationId, invoiceId: invoice.id, status: "AUTHORIZED", at: now.toISOString() }]);
  captureProductEvent({ event: "invoice_issued", organizationId, properties: { invoiceId: invoice.id, jobId: invoice.jobId ?? undefined, totalCents: invoice.totalCents } });
  return { outcome: "authorized", number: granted.number, cae: granted.cae, reconciled };
}

async function reject(organizationId: string, invoiceId: string, observations: ArcaMessage[], errors: ArcaMessage[], deps: AuthorizeDeps): Promise<AuthorizeOutcome> {
  const now = new Date(deps.now());
  await withTenant(organizationId, async (tx) => {
    await tx.invoice.update({
      where: { id: invoiceId },
      data: {
        status: "REJECTED",
        arcaObservations: observations as unknown as Prisma.InputJsonArray,
        arcaErrors: errors as unknown as Prisma.InputJsonArray,
        requestedNumber: null,
        lastError: null,
      },
    });
    await appendAuditLog(tx, {
      organizationId, actorType: "SYSTEM", action: "invoice.rejected", entityType: "Invoice", entityId: invoiceId,
      metadata: { codes: [...observations, ...errors].map((m) => m.code) },
    });
  });
  await publishOrganizationEvents([{ type: "invoice.updated", organizationId, invoiceId, status: "REJECTED", at: now.toISOString() }]);
  return { outcome: "rejected", codes: [...observations, ...errors].map((m) => m.code) };
}

async function note(organizationId: string, invoiceId: string, lastError: string): Promise<void> {
  await withTenant(organizationId, (tx) => tx.invoice.updateMany({ where: { id: invoiceId, status: { in: ["PENDING", "AUTHORIZING"] } }, data: { lastError } }));
}

function load(organizationId: string, invoiceId: string): Promise<LoadedInvoice | null> {
  return withTenant(organizationId, (tx) =>
    tx.invoice.findUnique({
      where: { id: invoiceId },
      include: { creditedInvoice: { select: { voucherType: true, pointOfSale: true, number: true, issueDate: true } } },
    }),
  );
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}
