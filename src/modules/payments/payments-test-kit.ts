// Test-only helpers for payments (not exported from the module's index): the demo organization linked to the suite
// sandbox's MercadoPago seller, authorized invoices to charge, and the webhook path driven with the notifications the
// sandbox really signed (its deliveries go to the suite's unreachable PUBLIC_BASE_URL; the test hands them to our
// accept function exactly as received, then runs the queued job like the payments worker would).
import type { Redis } from "ioredis";
import { encryptJson, encryptSecret } from "../../lib/crypto";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { getQueue } from "../../workers/queue-registry";
import { DEMO_ORG, seedDemo } from "@campotech/database/seed";
import { resetDatabase } from "../../../database/testing/reset";
import { acceptMercadoPagoWebhook } from "./accept-mercadopago-webhook";
import { connectSandboxSeller } from "./connect-sandbox-seller";
import type { MercadoPagoNotification } from "./mercadopago-notification.schemas";
import { processMercadoPagoNotification } from "./process-mercadopago-notification";

export const ORG = DEMO_ORG.id;
export const OWNER = "demo-user-owner";
export const MARTINA = { id: "demo-customer-1", waId: "5491155550123" };
export const SANDBOX = new URL(env.MERCADOPAGO_API_URL).origin;

export async function mp<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${SANDBOX}/_sandbox/mercadopago${path}`, {
    method,
    ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? null : await response.json()) as T;
}

// A clean database with the demo organization, its WhatsApp number in the sandbox, and its MercadoPago account
// (seller 123456789, DELSUR_PLOMERIA) linked by OAuth. Notifications are tried once (they go nowhere here).
export async function freshPayments(redis: Redis): Promise<void> {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await fetch(`${SANDBOX}/_sandbox/reset`, { method: "POST" });
  await mp("POST", "/config", { retry: { baseMs: 50, maxAttempts: 1 } });
  await seedDemo(adminDb(), { seal: encryptJson, sealSecret: encryptSecret });
  await connectSandboxSeller(ORG);
  // Martina wrote recently: her 24-hour window is open, so messages go as session messages.
  await adminDb().whatsAppConversation.updateMany({ where: { customerId: MARTINA.id }, data: { windowExpiresAt: new Date(Date.now() + 3600_000) } });
}

let invoiceNumber = 0;
// An authorized Factura B for Martina (what ARCA authorization leaves behind), two lines with IVA.
export async function authorizedInvoice(input: { authorizedDaysAgo?: number; customerId?: string } = {}): Promise<string> {
  const number = ++invoiceNumber;
  const authorizedAt = new Date(Date.now() - (input.authorizedDaysAgo ?? 0) * 86_400_000);
  const invoice = await adminDb().invoice.create({
    data: {
      organizationId: ORG, customerId: input.customerId ?? MARTINA.id, kind: "INVOICE", letter: "B", voucherType: 6, status: "AUTHORIZED", environment: "HOMOLOGACION",
      pointOfSale: 2, number, issueDate: "2026-12-01", serviceFrom: "2026-12-01", serviceTo: "2026-12-01", paymentDueDate: "2026-12-11",
      receiverName: "Martina Gómez", receiverDocType: 99, receiverDocNumber: "0", receiverIvaConditionId: 5,
      netCents: 5_000_000, ivaCents: 1_050_000, totalCents: 6_050_000, ivaBreakdown: [{ ivaRateBps: 2100, baseCents: 5_000_000, ivaCents: 1_050_000 }],
      cae: `7523871234${String(number).padStart(4, "0")}`, caeDueDate: "2026-12-11", authorizedAt,
      lines: {
        create: [
          { organizationId: ORG, position: 0, description: "Revisión de calefón", quantityMilli: 1000, unitPriceCents: 3_800_000, ivaRateBps: 2100, netCents: 3_800_000 },
          { organizationId: ORG, position: 1, description: "Repuesto: termocupla", quantityMilli: 2000, unitPriceCents: 600_000, ivaRateBps: 2100, netCents: 1_200_000 },
        ],
      },
    },
  });
  return invoice.id;
}

export type Attempt = { url: string; headers: Record<string, string>; body: string; chain: string; attempt: number; at: string };
export type SandboxEvent = { id: string; topic: string; action: string; dataId: string; dropped: boolean; attempts: Attempt[] };

export async function sandboxEvents(dataId: string): Promise<SandboxEvent[]> {
  return mp<SandboxEvent[]>("GET", `/notifications?data_id=${encodeURIComponent(dataId)}`);
}

// Waits until the sandbox has tried to deliver `count` POSTs for this object (its deliveries are asynchronous).
export async function attemptsFor(dataId: string, count: number, timeoutMs = 5_000): Promise<Attempt[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // In the order they were POSTed (out-of-order delivery shows here).
    const attempts = (await sandboxEvents(dataId)).flatMap((e) => e.attempts).sort((a, b) => a.at.localeCompare(b.at));
    if (attempts.length >= count || Date.now() > until) return attempts;
    await new Promise((r) => setTimeout(r, 25));
  }
}

// One POST as MercadoPago made it, into our webhook's accept function; then the queued job, run like the worker.
export async function deliver(redis: Redis, attempt: Attempt, options: { now?: number } = {}) {
  const accepted = await acceptMercadoPagoWebhook(
    { rawBody: Buffer.from(attempt.body), headers: new Headers(attempt.headers), url: new URL(attempt.url) },
    { redis, queue: getQueue("payments"), now: () => options.now ?? Date.now() },
  );
  if (accepted.jobId === "ignored") return { accepted, results: [] };
  const job = await getQueue("payments").getJob(accepted.jobId);
  const results = await processMercadoPagoNotification(redis, job!.data as MercadoPagoNotification);
  await job!.remove();
  return { accepted, results };
}
