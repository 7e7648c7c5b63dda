// Test-only helpers for invoicing (not exported from the module's index): an organization connected to the suite's
// ARCA sandbox the way an owner connects one (CSR → the sandbox's WSASS → install), jobs ready to invoice, and a
// worker-like loop that runs an authorization until it settles.
import type { Redis } from "ioredis";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { DelayJob } from "../../workers/delay-job";
import { authorizeInvoice, type AuthorizeOutcome } from "./authorize-invoice";
import { createArcaCsr } from "./create-arca-csr";
import { installArcaCertificate } from "./install-arca-certificate";

export const SANDBOX = new URL(env.ARCA_WSAA_URL_HOMOLOGACION).origin;
export const RI = "30712345671";
export const MONO = "20267565393";

export async function sandbox<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${SANDBOX}/_sandbox/arca${path}`, {
    method,
    ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? null : await response.json()) as T;
}

export async function resetSandbox(): Promise<void> {
  await fetch(`${SANDBOX}/_sandbox/reset`, { method: "POST" });
}

// An organization with fiscal data, a point of sale and a certificate the sandbox's CA issued for its CSR.
export async function connectedOrganization(input: { id: string; cuit?: string; issuer?: "RESPONSABLE_INSCRIPTO" | "MONOTRIBUTO"; pointOfSale?: number; certificateNotAfter?: string }) {
  const cuit = input.cuit ?? RI;
  const admin = adminDb();
  await admin.organization.create({ data: { id: input.id, name: `Org ${input.id}`, cuit, tier: "PROFESIONAL" } });
  await admin.user.create({ data: { id: `${input.id}-owner`, organizationId: input.id, phone: `+54911400${String(Math.floor(Math.random() * 90000) + 10000)}`, name: "Dueña", role: "OWNER" } });
  await admin.arcaConnection.create({
    data: {
      organizationId: input.id, environment: "HOMOLOGACION", cuit, pointOfSale: input.pointOfSale ?? 2,
      issuerCondition: input.issuer ?? "RESPONSABLE_INSCRIPTO", businessName: `Razón Social ${input.id} S.R.L.`, businessAddress: "Av. Siempre Viva 742, Lanús",
      grossIncomeNumber: "901-123456-7", activityStartDate: "2015-03-01",
    },
  });
  await installSandboxCertificate(input.id, input.certificateNotAfter);
  await admin.customer.create({ data: { id: `${input.id}-cf`, organizationId: input.id, phone: "+5491155550001", waId: "5491155550001", name: "Martina Gómez", address: "Rivadavia 4520", city: "CABA" } });
  await admin.customer.create({
    data: { id: `${input.id}-ri`, organizationId: input.id, phone: "+5491155550002", waId: "5491155550002", name: "Jorge Pereyra SRL", taxDocType: 80, taxDocNumber: "20267565393", ivaConditionId: 1 },
  });
}

export async function installSandboxCertificate(organizationId: string, notAfter?: string): Promise<void> {
  const operator = { type: "OPERATOR" } as const;
  const { csrPem } = await withTenant(organizationId, (tx) => createArcaCsr(tx, organizationId, { commonName: "test" }, operator));
  const { certificate } = await sandbox<{ certificate: string }>("POST", "/certificates", { csr: csrPem, ...(notAfter ? { notAfter } : {}) });
  await withTenant(organizationId, (tx) => installArcaCertificate(tx, organizationId, { certificatePem: certificate }, operator));
}

let jobSeq = 0;
// A completed job with its line items (net prices, IVA per line), ready to invoice.
export async function completedJob(organizationId: string, customerId: string, lines: { description: string; quantityMilli: number; unitPriceCents: number; ivaRateBps: number }[]) {
  const number = ++jobSeq;
  const job = await adminDb().job.create({
    data: {
      organizationId, number, customerId, address: "Rivadavia 4520", serviceType: "PLUMBING", description: "Cambio de flexible", status: "completed",
      lineItems: { create: lines.map((l, position) => ({ organizationId, position, ...l })) },
      transitions: { create: { organizationId, from: "working", to: "completed", actorType: "SYSTEM", at: new Date() } },
    },
  });
  return job.id;
}

// What the invoicing worker does with an authorization job: run it, and when it asks to wait, run it again (the
// clock here is real; waits are not honoured, so a test sees every retry at once).
export async function authorizeUntilSettled(organizationId: string, invoiceId: string, deps: { redis: Redis; now?: () => number; timeoutMs?: number }, maxRounds = 30): Promise<AuthorizeOutcome & { rounds: number }> {
  for (let round = 1; round <= maxRounds; round++) {
    try {
      return { ...(await authorizeInvoice({ organizationId, invoiceId }, { redis: deps.redis, now: deps.now ?? (() => Date.now()), ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}) })), rounds: round };
    } catch (error) {
      if (!(error instanceof DelayJob)) throw error;
    }
  }
  throw new Error(`invoice ${invoiceId} did not settle in ${maxRounds} rounds`);
}

export async function freshDatabase(redis: Redis): Promise<void> {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await resetSandbox();
}
