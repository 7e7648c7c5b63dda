import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { autoResolveArcaPanics } from "./auto-resolve-arca-panics";
import { authorizeInvoice } from "./authorize-invoice";
import { createCreditNote } from "./create-credit-note";
import { createInvoice } from "./create-invoice";
import { getInvoice } from "./get-invoice";
import { authorizeUntilSettled, completedJob, connectedOrganization, freshDatabase, MONO, RI, sandbox } from "./invoicing-test-kit";
import { requestInvoiceAuthorization } from "./request-invoice-authorization";

// Invoices authorized by the ARCA sandbox (WSAA + WSFEv1 over real SOAP, apps/sandbox) through the real client and
// worker use-case: the bodies ARCA checks, numbering under concurrency, a timeout after ARCA committed, ARCA down.
const redis = new Redis(env.REDIS_URL);
const ORG = "inv-org";
const actor = { userId: `${ORG}-owner` };

type Recorded = { method: string; body: Record<string, unknown>; rawXml: string; response: { status: number } };
const calls = async (method: string) => (await sandbox<Recorded[]>("GET", `/requests?method=${method}`)).filter((r) => r.method === method);
const detailOf = (call: Recorded) => {
  const det = (call.rawXml.match(/<(?:\w+:)?FECAEDetRequest>([\s\S]*?)<\/(?:\w+:)?FECAEDetRequest>/) ?? [])[1] ?? "";
  const get = (name: string) => det.match(new RegExp(`<(?:\\w+:)?${name}>([^<]*)</(?:\\w+:)?${name}>`))?.[1];
  return { det, get };
};

async function issue(organizationId: string, input: Parameters<typeof createInvoice>[2]) {
  const invoice = await withTenant(organizationId, (tx) => createInvoice(tx, { userId: `${organizationId}-owner` }, input));
  await withTenant(organizationId, (tx) => requestInvoiceAuthorization(tx, { userId: `${organizationId}-owner` }, { organizationId, invoiceId: invoice.id }));
  return invoice.id;
}

beforeEach(async () => {
  await freshDatabase(redis);
  await connectedOrganization({ id: ORG });
});
afterAll(async () => {
  await sandbox("DELETE", "/faults");
  await redis.quit();
});

describe("authorization with ARCA (sandbox)", () => {
  it("a Factura B to a consumidor final: IVA per rate, services dates, CondicionIVAReceptorId, the CAE stored", async () => {
    const job = await completedJob(ORG, `${ORG}-cf`, [
      { description: "Cambio de flexible", quantityMilli: 1000, unitPriceCents: 1500000, ivaRateBps: 2100 },
      { description: "Materiales", quantityMilli: 2500, unitPriceCents: 123456, ivaRateBps: 1050 },
    ]);
    const id = await issue(ORG, { organizationId: ORG, jobId: job });
    const outcome = await authorizeUntilSettled(ORG, id, { redis });
    expect(outcome).toMatchObject({ outcome: "authorized", number: 1 });
    const invoice = await withTenant(ORG, (tx) => getInvoice(tx, id));
    expect(invoice).toMatchObject({ status: "AUTHORIZED", letter: "B", voucherType: 6, pointOfSale: 2, number: 1, receiver: { docType: 99, docNumber: "0", ivaConditionId: 5 } });
    expect(invoice.cae).toMatch(/^\d{14}$/);
    // 15 000,00 + 3 086,40 net; 3 150,00 + 324,07 IVA.
    expect(invoice).toMatchObject({ netCents: 1808640, ivaCents: 347407, totalCents: 2156047 });
    const [call] = await calls("FECAESolicitar");
    const { get, det } = detailOf(call!);
    expect({ tipo: call!.rawXml.match(/<(?:\w+:)?CbteTipo>(\d+)</)?.[1], doc: get("DocTipo"), nro: get("DocNro"), cond: get("CondicionIVAReceptorId") }).toEqual({ tipo: "6", doc: "99", nro: "0", cond: "5" });
    expect({ total: get("ImpTotal"), neto: get("ImpNeto"), iva: get("ImpIVA"), conc: get("ImpTotConc"), ex: get("ImpOpEx") }).toEqual({ total: "21560.47", neto: "18086.40", iva: "3474.07", conc: "0.00", ex: "0.00" });
    expect(det).toMatch(/<(?:\w+:)?Id>5<\/(?:\w+:)?Id><(?:\w+:)?BaseImp>15000\.00<\/(?:\w+:)?BaseImp><(?:\w+:)?Importe>3150\.00</);
    expect(det).toMatch(/<(?:\w+:)?Id>4<\/(?:\w+:)?Id><(?:\w+:)?BaseImp>3086\.40<\/(?:\w+:)?BaseImp><(?:\w+:)?Importe>324\.07</);
    expect(get("FchServDesde")).toMatch(/^\d{8}$/);
    expect(get("FchVtoPago")).toBeTruthy();
    // ARCA holds exactly what we stored.
    const [held] = await sandbox<{ cbteNro: number; cae: string }[]>("GET", `/invoices?cuit=${RI}`);
    expect(held).toMatchObject({ cbteNro: 1, cae: invoice.cae });
  });

  it("a Factura A to a responsable inscripto identified by CUIT", async () => {
    const job = await completedJob(ORG, `${ORG}-ri`, [{ description: "Instalación de termotanque", quantityMilli: 1000, unitPriceCents: 10000000, ivaRateBps: 2100 }]);
    const id = await issue(ORG, { organizationId: ORG, jobId: job });
    expect(await authorizeUntilSettled(ORG, id, { redis })).toMatchObject({ outcome: "authorized", number: 1 });
    const { get } = detailOf((await calls("FECAESolicitar"))[0]!);
    expect({ doc: get("DocTipo"), nro: get("DocNro"), cond: get("CondicionIVAReceptorId"), total: get("ImpTotal"), iva: get("ImpIVA") }).toEqual({ doc: "80", nro: "20267565393", cond: "1", total: "121000.00", iva: "21000.00" });
    expect((await withTenant(ORG, (tx) => getInvoice(tx, id))).voucherType).toBe(1);
  });

  it("a Factura C from a monotributista: no IVA at all", async () => {
    await connectedOrganization({ id: "inv-mono", cuit: MONO, issuer: "MONOTRIBUTO", pointOfSale: 1 });
    const job = await completedJob("inv-mono", "inv-mono-cf", [{ description: "Destapación", quantityMilli: 1000, unitPriceCents: 4500000, ivaRateBps: 2100 }]);
    const id = await issue("inv-mono", { organizationId: "inv-mono", jobId: job, receiver: { docType: 96, docNumber: "28.123.456", ivaConditionId: 5 } });
    expect(await authorizeUntilSettled("inv-mono", id, { redis })).toMatchObject({ outcome: "authorized" });
    const { get, det } = detailOf((await calls("FECAESolicitar"))[0]!);
    expect({ doc: get("DocTipo"), nro: get("DocNro"), total: get("ImpTotal"), neto: get("ImpNeto"), iva: get("ImpIVA") }).toEqual({ doc: "96", nro: "28123456", total: "45000.00", neto: "45000.00", iva: "0.00" });
    expect(det).not.toMatch(/AlicIva/);
    expect((await withTenant("inv-mono", (tx) => getInvoice(tx, id))).voucherType).toBe(11);
  });

  it("credit notes cancel an invoice partly then wholly, linked with CbtesAsoc, and never beyond its total", async () => {
    const job = await completedJob(ORG, `${ORG}-cf`, [{ description: "Service de caldera", quantityMilli: 1000, unitPriceCents: 5000000, ivaRateBps: 2100 }]);
    const invoiceId = await issue(ORG, { organizationId: ORG, jobId: job });
    await authorizeUntilSettled(ORG, invoiceId, { redis });
    const partial = await withTenant(ORG, (tx) =>
      createCreditNote(tx, actor, { organizationId: ORG, invoiceId, lines: [{ description: "Bonificación", quantityMilli: 1000, unitPriceCents: 1000000, ivaRateBps: 2100 }] }),
    );
    await withTenant(ORG, (tx) => requestInvoiceAuthorization(tx, actor, { organizationId: ORG, invoiceId: partial.id }));
    expect(await authorizeUntilSettled(ORG, partial.id, { redis })).toMatchObject({ outcome: "authorized", number: 1 });
    const { det, get } = detailOf((await calls("FECAESolicitar")).at(-1)!);
    expect(get("ImpTotal")).toBe("12100.00");
    expect(det).toMatch(new RegExp(`<(?:\\w+:)?CbteAsoc><(?:\\w+:)?Tipo>6</(?:\\w+:)?Tipo><(?:\\w+:)?PtoVta>2</(?:\\w+:)?PtoVta><(?:\\w+:)?Nro>1</(?:\\w+:)?Nro><(?:\\w+:)?Cuit>${RI}</`));
    expect((await withTenant(ORG, (tx) => getInvoice(tx, partial.id))).voucherType).toBe(8);

    // 60 500 − 12 100 = 48 400 left: more is refused before ARCA hears of it, a whole re-credit needs lines.
    await expect(withTenant(ORG, (tx) => createCreditNote(tx, actor, { organizationId: ORG, invoiceId, lines: [{ description: "x", quantityMilli: 1000, unitPriceCents: 4000001, ivaRateBps: 2100 }] })))
      .rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringMatching(/supera lo que queda por acreditar de la factura \(\$ 48\.400\)/) });
    await expect(withTenant(ORG, (tx) => createCreditNote(tx, actor, { organizationId: ORG, invoiceId }))).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const rest = await withTenant(ORG, (tx) => createCreditNote(tx, actor, { organizationId: ORG, invoiceId, lines: [{ description: "Resto", quantityMilli: 1000, unitPriceCents: 4000000, ivaRateBps: 2100 }] }));
    await withTenant(ORG, (tx) => requestInvoiceAuthorization(tx, actor, { organizationId: ORG, invoiceId: rest.id }));
    expect(await authorizeUntilSettled(ORG, rest.id, { redis })).toMatchObject({ outcome: "authorized", number: 2 });
    expect((await withTenant(ORG, (tx) => getInvoice(tx, invoiceId))).creditableCents).toBe(0);
  });

  it("a request whose answer never came (ARCA committed, then timed out) is reconciled: one CAE, no second number", async () => {
    const job = await completedJob(ORG, `${ORG}-cf`, [{ description: "Reparación de pérdida", quantityMilli: 1000, unitPriceCents: 2000000, ivaRateBps: 2100 }]);
    const id = await issue(ORG, { organizationId: ORG, jobId: job });
    await sandbox("POST", "/faults", { kind: "timeout_after_commit", method: "FECAESolicitar", count: 1, timeoutMs: 5_000 });
    const outcome = await authorizeUntilSettled(ORG, id, { redis, timeoutMs: 1_000 });
    expect(outcome).toMatchObject({ outcome: "authorized", number: 1, reconciled: true });
    expect(outcome.rounds).toBeGreaterThan(1);
    expect(await calls("FECAESolicitar")).toHaveLength(1);
    expect((await calls("FECompConsultar")).length).toBeGreaterThanOrEqual(1);
    const held = await sandbox<{ cae: string }[]>("GET", `/invoices?cuit=${RI}`);
    expect(held).toHaveLength(1);
    expect((await withTenant(ORG, (tx) => getInvoice(tx, id))).cae).toBe(held[0]!.cae);
  });

  it("concurrent invoices for one point of sale get consecutive numbers, no gaps, no duplicates", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const job = await completedJob(ORG, `${ORG}-cf`, [{ description: `Visita ${i}`, quantityMilli: 1000, unitPriceCents: 1000000 + i, ivaRateBps: 2100 }]);
      ids.push(await issue(ORG, { organizationId: ORG, jobId: job }));
    }
    const outcomes = await Promise.all(ids.map((id) => authorizeUntilSettled(ORG, id, { redis }, 200)));
    const numbers = outcomes.map((o) => (o.outcome === "authorized" ? o.number : -1)).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const held = await sandbox<{ cbteNro: number }[]>("GET", `/invoices?cuit=${RI}`);
    expect(held.map((h) => h.cbteNro).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("ARCA down trips the breaker; the invoice waits and goes out once it resolves", async () => {
    const job = await completedJob(ORG, `${ORG}-cf`, [{ description: "Urgencia", quantityMilli: 1000, unitPriceCents: 3000000, ivaRateBps: 2100 }]);
    const id = await issue(ORG, { organizationId: ORG, jobId: job });
    await sandbox("POST", "/faults", { kind: "5xx" });
    const waits: string[] = [];
    for (let i = 0; i < 5; i++) {
      await authorizeInvoice({ organizationId: ORG, invoiceId: id }, { redis, now: () => Date.now() }).catch((e: Error) => waits.push(e.message));
    }
    expect(waits.at(-1)).toMatch(/ARCA en modo pánico/);
    const panic = await adminDb().panicMode.findFirstOrThrow({ where: { organizationId: ORG, integration: "arca", status: "ACTIVE" } });
    expect((await withTenant(ORG, (tx) => getInvoice(tx, id))).status).toMatch(/PENDING|AUTHORIZING/);

    // Still down at the auto-resolve time: the panic stays. Back up: it resolves and the invoice is authorized.
    const later = new Date(panic.autoResolveAt!.getTime() + 1_000);
    expect(await autoResolveArcaPanics({ now: later, timeoutMs: 2_000 })).toEqual({ resolved: 0, stillFailing: 1 });
    await sandbox("DELETE", "/faults");
    expect(await autoResolveArcaPanics({ now: later })).toEqual({ resolved: 1, stillFailing: 0 });
    expect(await authorizeUntilSettled(ORG, id, { redis })).toMatchObject({ outcome: "authorized", number: 1 });
  });

  it("an HTML error page instead of an answer (IIS 503) is an outage, not a rejection: the invoice is authorized on retry", async () => {
    const job = await completedJob(ORG, `${ORG}-cf`, [{ description: "Visita", quantityMilli: 1000, unitPriceCents: 1000000, ivaRateBps: 2100 }]);
    const id = await issue(ORG, { organizationId: ORG, jobId: job });
    await sandbox("POST", "/faults", { kind: "5xx", method: "FECAESolicitar", count: 1, status: 503 });
    const outcome = await authorizeUntilSettled(ORG, id, { redis });
    expect(outcome).toMatchObject({ outcome: "authorized", number: 1 });
    expect(outcome.rounds).toBeGreaterThan(1);
    expect((await calls("FECAESolicitar"))[0]!.response.status).toBe(503);
  });

  it("a rejection keeps ARCA's words verbatim and explains them; no number is used", async () => {
    const job = await completedJob(ORG, `${ORG}-cf`, [{ description: "Visita", quantityMilli: 1000, unitPriceCents: 1000000, ivaRateBps: 2100 }]);
    const id = await issue(ORG, { organizationId: ORG, jobId: job });
    await sandbox("POST", "/faults", { kind: "reject", method: "FECAESolicitar", codes: [10015], count: 1 });
    expect(await authorizeUntilSettled(ORG, id, { redis })).toEqual({ outcome: "rejected", codes: [10015], rounds: 1 });
    const invoice = await withTenant(ORG, (tx) => getInvoice(tx, id));
    expect(invoice).toMatchObject({ status: "REJECTED", number: null, cae: null });
    expect(invoice.arca.observations[0]).toMatchObject({ code: 10015, message: expect.any(String), explanation: expect.stringMatching(/documento del cliente/) });
    expect(await sandbox("GET", `/invoices?cuit=${RI}`)).toEqual([]);
  });
});

describe("bad input never reaches ARCA", () => {
  it("refuses an invalid CUIT, a job without items, an unfinished job and a missing point of sale, each in Spanish", async () => {
    await sandbox("DELETE", "/requests");
    const create = (input: Omit<Parameters<typeof createInvoice>[2], "organizationId">) => withTenant(ORG, (tx) => createInvoice(tx, actor, { organizationId: ORG, ...input }));
    const job = await completedJob(ORG, `${ORG}-cf`, [{ description: "Visita", quantityMilli: 1000, unitPriceCents: 1000000, ivaRateBps: 2100 }]);
    await expect(create({ jobId: job, receiver: { docType: 80, docNumber: "20-26756539-2", ivaConditionId: 1 } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED", fields: { docNumber: expect.stringMatching(/dígito verificador/) },
    });
    await expect(create({ jobId: job, receiver: { docType: 96, docNumber: "28123456", ivaConditionId: 1 } })).rejects.toMatchObject({ fields: { docType: expect.stringMatching(/factura A necesita el CUIT/) } });
    const empty = await completedJob(ORG, `${ORG}-cf`, []);
    await expect(create({ jobId: empty })).rejects.toMatchObject({ message: expect.stringMatching(/no tiene ítems/) });
    await adminDb().job.update({ where: { id: job }, data: { status: "working" } });
    await expect(create({ jobId: job })).rejects.toMatchObject({ message: expect.stringMatching(/todavía no está terminado/) });
    await adminDb().arcaConnection.update({ where: { organizationId: ORG }, data: { certificateNotAfter: new Date(Date.now() - 1000) } });
    await adminDb().job.update({ where: { id: job }, data: { status: "completed" } });
    await expect(create({ jobId: job })).rejects.toMatchObject({ message: expect.stringMatching(/certificado de ARCA venció/) });
    await adminDb().arcaConnection.update({ where: { organizationId: ORG }, data: { certificateNotAfter: new Date(Date.now() + 86_400_000), pointOfSale: null } });
    await expect(create({ customerId: `${ORG}-cf`, lines: [{ description: "x", quantityMilli: 1000, unitPriceCents: 100, ivaRateBps: 2100 }] })).rejects.toMatchObject({ message: expect.stringMatching(/punto de venta/) });
    expect(await adminDb().invoice.count()).toBe(0);
    expect(await sandbox<unknown[]>("GET", "/requests?service=wsfe")).toEqual([]);
  });
});
