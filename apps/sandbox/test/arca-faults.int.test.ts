import { describe, expect, it } from "vitest";
import {
  ARCA,
  AXIS_NS,
  authXml,
  caeRequestXml,
  callWsaa,
  callWsfe,
  certificateCache,
  type Credentials,
  errs,
  fault,
  FEV1,
  login,
  obs,
  signTra,
  sleep,
  tag,
  traXml,
  WSFE_PATH,
  wsfeEnvelope,
} from "./arca-helpers.ts";
import { type Json, type TestSandbox, useSandbox } from "./helpers.ts";

let sb: TestSandbox;
useSandbox((s) => {
  sb = s;
});
const identity = certificateCache(() => sb);
const loginAs = async (cuit: string): Promise<Credentials> => login(sb, await identity(cuit));
const addFault = (body: Record<string, unknown>) => sb.call("POST", "/_sandbox/arca/faults", { json: body });
const ultimo = async (creds: Credentials, ptoVta = 1, tipo = 6) =>
  Number(tag((await callWsfe(sb, "FECompUltimoAutorizado", `${authXml(creds)}<ar:PtoVta>${ptoVta}</ar:PtoVta><ar:CbteTipo>${tipo}</ar:CbteTipo>`)).text, "CbteNro"));

/** A raw POST that the client itself abandons after `abortAfterMs`. */
function abandonedCall(method: string, inner: string, abortAfterMs: number): Promise<unknown> {
  return fetch(`${sb.url}${WSFE_PATH}`, {
    method: "POST",
    headers: { "content-type": "text/xml; charset=utf-8", soapaction: `"${FEV1}${method}"` },
    body: wsfeEnvelope(method, inner),
    signal: AbortSignal.timeout(abortAfterMs),
  });
}

describe("ARCA concurrency and latency", () => {
  it("a second FECAESolicitar for the same (CUIT, PtoVta, CbteTipo) while one is in flight gets Err 502", async () => {
    const creds = await loginAs(ARCA.ri);
    await sb.call("POST", "/_sandbox/arca/config", { json: { latencyMs: 300 } });
    const first = callWsfe(sb, "FECAESolicitar", caeRequestXml(creds));
    await sleep(50);
    const second = callWsfe(sb, "FECAESolicitar", caeRequestXml(creds));
    const otherKey = callWsfe(sb, "FECAESolicitar", caeRequestXml(creds, { ptoVta: 2 }));
    const [a, b, c] = await Promise.all([first, second, otherKey]);
    expect(tag(a.text, "Resultado")).toBe("A");
    expect(tag(b.text, "FECAESolicitarResult")).toBe("<Errors><Err><Code>502</Code><Msg>Error interno de base de datos - Autorizador CAE - Transaccion Activa</Msg></Err></Errors>");
    expect(tag(c.text, "Resultado")).toBe("A");
    await sb.call("POST", "/_sandbox/arca/config", { json: { latencyMs: 0 } });
    expect(await ultimo(creds)).toBe(1);
    // The transaction ends with the answer: the next one goes through.
    expect(tag((await callWsfe(sb, "FECAESolicitar", caeRequestXml(creds, { CbteDesde: 2 }))).text, "Resultado")).toBe("A");
  });

  it("latencyMs is added to every WSFE answer", async () => {
    await sb.call("POST", "/_sandbox/arca/config", { json: { latencyMs: 200 } });
    const start = Date.now();
    const res = await callWsfe(sb, "FEDummy", "");
    expect(res.status).toBe(200);
    expect(Date.now() - start).toBeGreaterThanOrEqual(190);
    const config = (await sb.call("GET", "/_sandbox/arca/config")).json;
    expect(config).toEqual({ ticketTtlMs: 43_200_000, preventiveWindowMs: 600_000, clockOffsetMs: 0, latencyMs: 200 });
  });
});

describe("ARCA fault injection", () => {
  it("5xx: IIS's 503 page on WSFE by default, or a 500 SOAP Server fault; count decrements per use", async () => {
    const created = await addFault({ kind: "5xx", method: "FEDummy", count: 1 });
    expect(created.status).toBe(201);
    expect(created.json.id).toMatch(/^afl_/);
    const page = await callWsfe(sb, "FEDummy", "");
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.text).toContain("HTTP Error 503. The service is unavailable.");
    expect((await callWsfe(sb, "FEDummy", "")).status).toBe(200);
    expect((await sb.call("GET", "/_sandbox/arca/faults")).json[0]).toMatchObject({ kind: "5xx", remaining: 0, hits: 1 });

    await addFault({ kind: "5xx", status: 500, method: "FECompTotXRequest" });
    const creds = await loginAs(ARCA.ri);
    const soap = await callWsfe(sb, "FECompTotXRequest", authXml(creds));
    expect(soap.status).toBe(500);
    expect(fault(soap.text).faultcode).toBe("soap:Server");
    expect((await callWsfe(sb, "FEDummy", "")).status).toBe(200);
  });

  it("5xx and wsaa_unavailable on WSAA, scoped by the certificate's CUIT", async () => {
    await addFault({ kind: "wsaa_unavailable", cuit: ARCA.mono });
    const ri = await identity(ARCA.ri);
    expect((await callWsaa(sb, signTra(traXml(), ri.cert, ri.keys.privateKey))).status).toBe(200);
    const mono = await identity(ARCA.mono);
    const down = await callWsaa(sb, signTra(traXml(), mono.cert, mono.keys.privateKey));
    expect(down.status).toBe(500);
    expect(down.text).toContain(`<faultcode xmlns:ns1="${AXIS_NS}">ns1:wsaa.unavailable</faultcode>`);
    expect(fault(down.text).faultstring).toBe("El servicio de autenticación/autorización se encuentra momentáneamente fuera de servicio");

    await sb.call("DELETE", "/_sandbox/arca/faults");
    await addFault({ kind: "5xx", method: "loginCms", count: 1 });
    const outage = await callWsaa(sb, signTra(traXml(), mono.cert, mono.keys.privateKey));
    expect(outage.status).toBe(503);
    expect((await callWsaa(sb, signTra(traXml(), mono.cert, mono.keys.privateKey))).status).toBe(200);
  });

  it("timeout holds the answer for timeoutMs, then 504, and commits nothing", async () => {
    const creds = await loginAs(ARCA.ri);
    await addFault({ kind: "timeout", method: "FECAESolicitar", timeoutMs: 150, count: 1 });
    const start = Date.now();
    const res = await callWsfe(sb, "FECAESolicitar", caeRequestXml(creds));
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(504);
    expect(await ultimo(creds)).toBe(0);
    expect((await sb.call("GET", "/_sandbox/arca/invoices")).json).toEqual([]);
  });

  it("timeout ends when the client gives up (nothing written, recorded as status 0)", async () => {
    const creds = await loginAs(ARCA.ri);
    await addFault({ kind: "timeout", method: "FECompUltimoAutorizado" });
    const start = Date.now();
    await expect(abandonedCall("FECompUltimoAutorizado", `${authXml(creds)}<ar:PtoVta>1</ar:PtoVta><ar:CbteTipo>6</ar:CbteTipo>`, 100)).rejects.toThrow();
    expect(Date.now() - start).toBeLessThan(2000);
    await sleep(50);
    const [recorded] = (await sb.call("GET", "/_sandbox/arca/requests?method=FECompUltimoAutorizado")).json;
    expect(recorded.response).toEqual({ status: 0, body: null });
  });

  it("timeout_after_commit authorizes and stores the comprobante, but the client never gets the CAE", async () => {
    const creds = await loginAs(ARCA.ri);
    await addFault({ kind: "timeout_after_commit", count: 1 });
    await expect(abandonedCall("FECAESolicitar", caeRequestXml(creds), 300)).rejects.toThrow();

    // Reconcile as the manual says: the number was used, FECompConsultar has the CAE.
    expect(await ultimo(creds)).toBe(1);
    const consulta = await callWsfe(sb, "FECompConsultar", `${authXml(creds)}<ar:FeCompConsReq><ar:CbteTipo>6</ar:CbteTipo><ar:CbteNro>1</ar:CbteNro><ar:PtoVta>1</ar:PtoVta></ar:FeCompConsReq>`);
    const cae = tag(consulta.text, "CodAutorizacion");
    expect(cae).toMatch(/^\d{14}$/);
    const [stored] = (await sb.call("GET", `/_sandbox/arca/invoices?cuit=${ARCA.ri}`)).json;
    expect(stored.cae).toBe(cae);
    // No idempotency: resending the same comprobante is a numbering error.
    expect(errs((await callWsfe(sb, "FECAESolicitar", caeRequestXml(creds))).text).map((e) => e.code)).toEqual([10016]);

    // Held to the end without a disconnect: 504.
    await addFault({ kind: "timeout_after_commit", timeoutMs: 100, count: 1 });
    const held = await callWsfe(sb, "FECAESolicitar", caeRequestXml(creds, { CbteDesde: 2 }));
    expect(held.status).toBe(504);
    expect(await ultimo(creds)).toBe(2);
  });

  it("timeout_after_commit waits for an approved record: a rejected one does not use it", async () => {
    const creds = await loginAs(ARCA.ri);
    await addFault({ kind: "timeout_after_commit", timeoutMs: 50, count: 1 });
    const rejected = await callWsfe(sb, "FECAESolicitar", caeRequestXml(creds, { CbteDesde: 5 }));
    expect(rejected.status).toBe(200);
    expect((await sb.call("GET", "/_sandbox/arca/faults")).json[0]).toMatchObject({ remaining: 1, hits: 0 });
  });

  it("error_502 answers Err 502 inside the method's result", async () => {
    const creds = await loginAs(ARCA.ri);
    await addFault({ kind: "error_502", method: "FECompUltimoAutorizado", count: 1 });
    const res = await callWsfe(sb, "FECompUltimoAutorizado", `${authXml(creds)}<ar:PtoVta>1</ar:PtoVta><ar:CbteTipo>6</ar:CbteTipo>`);
    expect(res.status).toBe(200);
    expect(tag(res.text, "FECompUltimoAutorizadoResult")).toBe(
      "<PtoVta>0</PtoVta><CbteTipo>0</CbteTipo><CbteNro>0</CbteNro><Errors><Err><Code>502</Code><Msg>Error interno de base de datos - Autorizador CAE - Transaccion Activa</Msg></Err></Errors>",
    );
    expect(await ultimo(creds)).toBe(0);
    expect(errs((await callWsfe(sb, "FECompUltimoAutorizado", `${authXml(creds)}<ar:PtoVta>1</ar:PtoVta><ar:CbteTipo>6</ar:CbteTipo>`)).text)).toEqual([]);
  });

  it("reject: the next matching record is rejected with the given codes; other CUITs are not affected", async () => {
    const ri = await loginAs(ARCA.ri);
    const mono = await loginAs(ARCA.mono);
    await addFault({ kind: "reject", cuit: ARCA.ri, codes: [10015, 10063], count: 1 });
    const classC = { cbteTipo: 11, ImpTotal: "45000.00", ImpNeto: "45000.00", ImpIVA: "0", iva: null };
    expect(tag((await callWsfe(sb, "FECAESolicitar", caeRequestXml(mono, classC))).text, "Resultado")).toBe("A");

    const rejected = await callWsfe(sb, "FECAESolicitar", caeRequestXml(ri));
    expect(tag(rejected.text, "Resultado")).toBe("R");
    expect(obs(rejected.text)).toEqual([
      { code: 10015, msg: "El DocNro informado no se encuentra registrado en el padron de ARCA." },
      { code: 10063, msg: "El receptor no se encuentra activo en IVA ni en el Regimen Simplificado (Monotributo)." },
    ]);
    expect(tag(rejected.text, "CAE")).toBeUndefined();
    expect(rejected.text).toContain("<CAE />");
    expect(tag((await callWsfe(sb, "FECAESolicitar", caeRequestXml(ri))).text, "Resultado")).toBe("A");
  });

  it("refuses faults that cannot apply, and DELETE clears them", async () => {
    expect((await addFault({ kind: "explode" })).status).toBe(400);
    expect((await addFault({ kind: "reject" })).status).toBe(400);
    expect((await addFault({ kind: "wsaa_unavailable", method: "FEDummy" })).status).toBe(400);
    expect((await addFault({ kind: "error_502", method: "FEDummy" })).status).toBe(400);
    expect((await addFault({ kind: "timeout_after_commit", method: "FECompConsultar" })).status).toBe(400);
    expect((await addFault({ kind: "5xx", method: "FEInventado" })).status).toBe(400);
    expect((await addFault({ kind: "timeout", cuit: "123" })).status).toBe(400);
    expect((await addFault({ kind: "5xx" })).status).toBe(201);
    expect((await sb.call("GET", "/_sandbox/arca/faults")).json).toHaveLength(1);
    await sb.call("DELETE", "/_sandbox/arca/faults");
    expect((await sb.call("GET", "/_sandbox/arca/faults")).json).toEqual([]);
    expect((await callWsfe(sb, "FEDummy", "")).status).toBe(200);
  });
});

describe("ARCA control API", () => {
  it("config rejects unknown keys and bad values", async () => {
    expect((await sb.call("POST", "/_sandbox/arca/config", { json: { latencyMs: -1 } })).status).toBe(400);
    expect((await sb.call("POST", "/_sandbox/arca/config", { json: { ttl: 1 } })).status).toBe(400);
  });

  it("POST /_sandbox/reset restores ARCA: config, built-in taxpayers, and empties tickets, invoices, numbering, faults and requests", async () => {
    const creds = await loginAs(ARCA.ri);
    expect(tag((await callWsfe(sb, "FECAESolicitar", caeRequestXml(creds))).text, "Resultado")).toBe("A");
    await sb.call("POST", "/_sandbox/arca/config", { json: { latencyMs: 5, clockOffsetMs: 1000, ticketTtlMs: 1000, preventiveWindowMs: 1 } });
    await sb.call("POST", "/_sandbox/arca/taxpayers", { json: { cuit: "20111111112", ivaCondition: "EXENTO", pointsOfSale: [{ number: 3 }] } });
    await sb.call("POST", "/_sandbox/arca/taxpayers", { json: { cuit: ARCA.ri, ivaCondition: "MONOTRIBUTO", pointsOfSale: [{ number: 4 }] } });
    await addFault({ kind: "5xx", method: "FECompConsultar" });
    expect((await sb.call("GET", "/_sandbox/arca/tickets")).json).toHaveLength(1);

    expect((await sb.call("POST", "/_sandbox/reset")).status).toBe(200);
    expect((await sb.call("GET", "/_sandbox/arca/config")).json).toEqual({ ticketTtlMs: 43_200_000, preventiveWindowMs: 600_000, clockOffsetMs: 0, latencyMs: 0 });
    const taxpayers: Json[] = (await sb.call("GET", "/_sandbox/arca/taxpayers")).json;
    expect(taxpayers.map((t) => t.cuit)).toEqual([ARCA.ri, ARCA.mono, ARCA.exento]);
    expect(taxpayers[0]).toMatchObject({ ivaCondition: "RESPONSABLE_INSCRIPTO", pointsOfSale: [{ number: 1, type: "RECE" }, { number: 2, type: "RECE" }] });
    expect((await sb.call("GET", "/_sandbox/arca/tickets")).json).toEqual([]);
    expect((await sb.call("GET", "/_sandbox/arca/invoices")).json).toEqual([]);
    expect((await sb.call("GET", "/_sandbox/arca/faults")).json).toEqual([]);
    expect((await sb.call("GET", "/_sandbox/arca/requests")).json).toEqual([]);

    // The old TA is gone with the reset; a fresh one starts numbering from zero again.
    expect(errs((await callWsfe(sb, "FECompTotXRequest", authXml(creds))).text)[0]?.code).toBe(600);
    const fresh = await loginAs(ARCA.ri);
    expect(await ultimo(fresh)).toBe(0);
  });
});
