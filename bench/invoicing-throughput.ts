import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { benchEnv as configure, children, ROOT, spawnWorkers, startRedis, stopChild } from "./lib/bench-processes";
import { freePort } from "./lib/free-port";

// Invoices authorized per minute through the whole pipeline — createInvoice + request → BullMQ `invoicing` queue →
// worker processes → WSAA ticket (shared in Postgres) → per-point-of-sale lock → FECompUltimoAutorizado →
// FECAESolicitar → CAE stored — into the local ARCA sandbox; side by side, in the same run, with a REFERENCE that
// calls the sandbox's FECAESolicitar directly with the same client (numbers counted locally, one ticket, no database,
// no queue, no lock), at the same parallelism (one loop per issuer CUIT: numbering is serial per point of sale in
// both). Then audits: every invoice authorized once, numbers 1..N per issuer with no gap, ARCA's count equals ours.
//
//   pnpm --filter @campotech/bench invoicing-throughput [issuers=10] [invoicesPerIssuer=20] [workers=2] [arcaLatencyMs=0]
const [ISSUERS = 10, PER_ISSUER = 20, WORKERS = 2, LATENCY_MS = 0] = process.argv.slice(2).map(Number);
const DB = "campotech_bench_invoicing";
const POINT_OF_SALE = 1;

// Valid CUITs (strict check digit) for the bench issuers: 30-7xxxxxxx-d.
function cuitFor(i: number): string {
  for (let n = 70_000_000 + i * 17; ; n++) {
    const first10 = `30${n}`;
    const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    const digit = 11 - (weights.reduce((sum, w, k) => sum + w * Number(first10[k]), 0) % 11);
    if (digit === 10) continue;
    return `${first10}${digit === 11 ? 0 : digit}`;
  }
}

async function main(): Promise<void> {
  const redis = await startRedis();
  const sandboxPort = await freePort();
  const arca = {
    ARCA_WSAA_URL_HOMOLOGACION: `http://127.0.0.1:${sandboxPort}/arca/wsaa/ws/services/LoginCms`,
    ARCA_WSFE_URL_HOMOLOGACION: `http://127.0.0.1:${sandboxPort}/arca/wsfev1/service.asmx`,
  };
  const benchEnv = configure({ db: DB, redisUrl: redis.url, sandboxPort, extra: arca });
  const { startSandbox } = await import("../apps/sandbox/src/index");
  const { migrate } = await import("../database/src/migrate");
  const { resetDatabase } = await import("../database/testing/reset");
  const { adminDb, withTenant } = await import("../src/lib/db");
  const { closeSharedRedis } = await import("../src/lib/redis");
  const { closeQueues } = await import("../src/workers/queue-registry");
  const inv = await import("../src/modules/invoicing/index");
  const arcaClient = await import("../src/integrations/arca/index");

  const sandbox = await startSandbox({ port: sandboxPort, host: "127.0.0.1" });
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sandbox.url}/_sandbox/arca${path}`, { method, ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  };
  await control("POST", "/config", { latencyMs: LATENCY_MS });

  const total = ISSUERS * PER_ISSUER;
  console.log(`${ISSUERS} issuers × ${PER_ISSUER} invoices = ${total}, ${WORKERS} worker processes, ARCA latency ${LATENCY_MS} ms`);
  await migrate({ adminUrl: benchEnv.DATABASE_ADMIN_URL!, appUrl: benchEnv.DATABASE_URL! });
  await resetDatabase(benchEnv.DATABASE_ADMIN_URL!);
  const admin = adminDb();
  const operator = { type: "OPERATOR" } as const;
  const issuers = Array.from({ length: ISSUERS }, (_, i) => ({ id: `bench-inv-${i}`, cuit: cuitFor(i), refCuit: cuitFor(i + 5_000) }));
  for (const issuer of issuers) {
    for (const cuit of [issuer.cuit, issuer.refCuit]) {
      await control("POST", "/taxpayers", { cuit, ivaCondition: "RESPONSABLE_INSCRIPTO", pointsOfSale: [{ number: POINT_OF_SALE, type: "RECE" }] });
    }
    await admin.organization.create({ data: { id: issuer.id, name: `Bench ${issuer.id}`, cuit: issuer.cuit, tier: "ENTERPRISE" } });
    await admin.arcaConnection.create({
      data: { organizationId: issuer.id, environment: "HOMOLOGACION", cuit: issuer.cuit, pointOfSale: POINT_OF_SALE, businessName: `Bench ${issuer.id} S.A.`, businessAddress: "Av. Corrientes 1234, CABA" },
    });
    const { csrPem } = await withTenant(issuer.id, (tx) => inv.createArcaCsr(tx, issuer.id, {}, operator));
    const { certificate } = await control<{ certificate: string }>("POST", "/certificates", { csr: csrPem });
    await withTenant(issuer.id, (tx) => inv.installArcaCertificate(tx, issuer.id, { certificatePem: certificate }, operator));
    await admin.customer.create({ data: { id: `${issuer.id}-c`, organizationId: issuer.id, name: "Consumidor Final" } });
  }
  const lines = [{ description: "Service y limpieza", quantityMilli: 1000, unitPriceCents: 4_500_000, ivaRateBps: 2100 }];

  // REFERENCE: per issuer, one ticket, then FECAESolicitar n = 1..PER_ISSUER straight at the sandbox, issuers in
  // parallel. Same request body our pipeline sends.
  const refAuths = await Promise.all(issuers.map(async (issuer) => {
    const { generateArcaCsr } = arcaClient;
    const { privateKeyPem, csrPem } = generateArcaCsr({ cuit: issuer.refCuit, organization: "Referencia", commonName: "ref" });
    const { certificate } = await control<{ certificate: string }>("POST", "/certificates", { csr: csrPem });
    const ticket = await arcaClient.requestAccessTicket({ service: "wsfe", certificatePem: certificate, privateKeyPem, now: Date.now() }, { endpoint: arca.ARCA_WSAA_URL_HOMOLOGACION, timeoutMs: 30_000 });
    return { token: ticket.token, sign: ticket.sign, cuit: issuer.refCuit };
  }));
  const today = new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 10).replace(/-/g, "");
  const refStart = performance.now();
  await Promise.all(refAuths.map(async (auth) => {
    for (let n = 1; n <= PER_ISSUER; n++) {
      const result = await arcaClient.requestCae(auth, {
        pointOfSale: POINT_OF_SALE, voucherType: 6, concept: 2, docType: 99, docNumber: "0", number: n, date: today,
        totalCents: 5_445_000, untaxedCents: 0, netCents: 4_500_000, exemptCents: 0, taxesCents: 0, ivaCents: 945_000,
        serviceFrom: today, serviceTo: today, paymentDueDate: today, ivaConditionId: 5, iva: [{ id: 5, baseCents: 4_500_000, amountCents: 945_000 }],
      }, { endpoint: arca.ARCA_WSFE_URL_HOMOLOGACION, timeoutMs: 30_000 });
      if (result.result !== "A") throw new Error(`reference rejected: ${JSON.stringify(result)}`);
    }
  }));
  const refSeconds = (performance.now() - refStart) / 1000;

  // PIPELINE.
  const workers = await Promise.all(Array.from({ length: WORKERS }, () => spawnWorkers({ ...arca, LOG_LEVEL: "error" })));
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const pipeStart = performance.now();
  await Promise.all(issuers.map(async (issuer) => {
    for (let i = 0; i < PER_ISSUER; i++) {
      const queued = await withTenant(issuer.id, async (tx) => {
        const invoice = await inv.createInvoice(tx, { userId: "bench" }, { organizationId: issuer.id, customerId: `${issuer.id}-c`, lines });
        return inv.requestInvoiceAuthorization(tx, { userId: "bench" }, { organizationId: issuer.id, invoiceId: invoice.id });
      });
      await inv.enqueueInvoiceAuthorization({ organizationId: issuer.id, ...queued });
    }
  }));
  const enqueuedSeconds = (performance.now() - pipeStart) / 1000;
  let authorizedAt = 0;
  for (;;) {
    const done = await admin.invoice.count({ where: { status: "AUTHORIZED" } });
    const rejected = await admin.invoice.count({ where: { status: "REJECTED" } });
    if (rejected) throw new Error(`${rejected} invoices rejected`);
    if (done === total) {
      authorizedAt = performance.now();
      break;
    }
    if (performance.now() - pipeStart > 600_000) throw new Error(`timed out with ${done}/${total} authorized`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pipeSeconds = (authorizedAt - pipeStart) / 1000;
  let pdfSeconds = 0;
  for (;;) {
    if ((await admin.invoice.count({ where: { pdfStorageKey: { not: null } } })) === total) {
      pdfSeconds = (performance.now() - pipeStart) / 1000;
      break;
    }
    if (performance.now() - pipeStart > 900_000) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  // Audit: numbers 1..PER_ISSUER per issuer, no gap, no duplicate; ARCA holds exactly as many.
  const failures: string[] = [];
  for (const issuer of issuers) {
    const numbers = (await admin.invoice.findMany({ where: { organizationId: issuer.id }, select: { number: true } })).map((r) => r.number!).sort((a, b) => a - b);
    if (numbers.join(",") !== Array.from({ length: PER_ISSUER }, (_, k) => k + 1).join(",")) failures.push(`${issuer.cuit}: numbers ${numbers.join(",")}`);
    const held = await control<unknown[]>("GET", `/invoices?cuit=${issuer.cuit}`);
    if (held.length !== PER_ISSUER) failures.push(`${issuer.cuit}: ARCA holds ${held.length}`);
  }
  const solicitudes = (await control<{ method: string; body: unknown }[]>("GET", "/requests?method=FECAESolicitar")).length;
  const pipelinePerMin = (total / pipeSeconds) * 60;
  const referencePerMin = (total / refSeconds) * 60;

  const table = [
    "| path | invoices | seconds | invoices/min | ratio to reference |",
    "|---|---:|---:|---:|---:|",
    `| reference: FECAESolicitar straight at the sandbox | ${total} | ${refSeconds.toFixed(2)} | ${referencePerMin.toFixed(0)} | 1.00 |`,
    `| pipeline: API use-case → queue → workers → ARCA → CAE stored | ${total} | ${pipeSeconds.toFixed(2)} | ${pipelinePerMin.toFixed(0)} | ${(pipelinePerMin / referencePerMin).toFixed(2)} |`,
    `| pipeline incl. PDF rendered and stored (delivery job) | ${total} | ${pdfSeconds.toFixed(2)} | ${((total / pdfSeconds) * 60).toFixed(0)} | ${(((total / pdfSeconds) * 60) / referencePerMin).toFixed(2)} |`,
  ].join("\n");
  const audit = failures.length ? `FAIL\n${failures.map((f) => `- ${f}`).join("\n")}` : `PASS: ${total} invoices, numbers 1..${PER_ISSUER} per issuer without gaps, ARCA's count equals ours`;
  const report = [
    "# invoicing-throughput",
    "",
    `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? "cpu"} · ${Math.round(totalmem() / 2 ** 30)} GiB · Linux ${release()} · Node ${process.version}`,
    "",
    `${ISSUERS} issuers (one point of sale each) × ${PER_ISSUER} invoices (Factura B, services), ${WORKERS} worker processes, ARCA sandbox latency ${LATENCY_MS} ms. Enqueueing took ${enqueuedSeconds.toFixed(2)} s of the pipeline's time.`,
    "",
    table,
    "",
    `FECAESolicitar calls seen by the sandbox (reference + pipeline): ${solicitudes} (${total * 2} if every invoice was sent exactly once).`,
    "",
    `Audit: ${audit}`,
    "",
  ].join("\n");
  console.log(`\n${report}`);
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/invoicing-throughput.md`, report);

  await Promise.all(workers.map(stopChild));
  await closeQueues();
  await closeSharedRedis();
  await sandbox.close();
  await admin.$disconnect();
  redis.process.kill();
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  for (const child of children) child.kill("SIGKILL");
  process.exit(1);
});
