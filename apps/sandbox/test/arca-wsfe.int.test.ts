import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ARCA,
  authXml,
  callWsfe,
  certificateCache,
  type Credentials,
  errs,
  fault,
  FEV1,
  login,
  tag,
  tags,
  WSFE_PATH,
  wsfeEnvelope,
} from "./arca-helpers.ts";
import { type TestSandbox, useSandbox } from "./helpers.ts";

let sb: TestSandbox;
useSandbox((s) => {
  sb = s;
});
const identity = certificateCache(() => sb);
const loginAs = async (cuit: string): Promise<Credentials> => login(sb, await identity(cuit));
const HOUR = 60 * 60 * 1000;

describe("WSFEv1 protocol (ASMX)", () => {
  it("FEDummy needs no Auth and answers like ASMX: FEHeaderInfo, namespaced Response/Result", async () => {
    const res = await callWsfe(sb, "FEDummy", "");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(res.text).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><soap:Envelope xmlns:soap="http:\/\/schemas.xmlsoap.org\/soap\/envelope\/" xmlns:xsi="http:\/\/www.w3.org\/2001\/XMLSchema-instance" xmlns:xsd="http:\/\/www.w3.org\/2001\/XMLSchema"><soap:Header><FEHeaderInfo xmlns="http:\/\/ar.gov.afip.dif.FEV1\/"><ambiente>[^<]+<\/ambiente><fecha>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}-03:00<\/fecha>/,
    );
    expect(res.text).toContain(
      `<soap:Body><FEDummyResponse xmlns="${FEV1}"><FEDummyResult><AppServer>OK</AppServer><DbServer>OK</DbServer><AuthServer>OK</AuthServer></FEDummyResult></FEDummyResponse></soap:Body></soap:Envelope>`,
    );
  });

  it("routes by SOAPAction (quotes optional); missing or unknown action is a soap:Client fault", async () => {
    expect((await callWsfe(sb, "FEDummy", "", { soapAction: `${FEV1}FEDummy` })).status).toBe(200);

    const missing = await callWsfe(sb, "FEDummy", "", { soapAction: null });
    expect(missing.status).toBe(500);
    expect(fault(missing.text)).toMatchObject({ faultcode: "soap:Client", faultstring: expect.stringContaining("Server did not recognize the value of HTTP Header SOAPAction: .") });
    expect(missing.text).not.toContain("FEHeaderInfo");

    const unknown = await callWsfe(sb, "FEDummy", "", { soapAction: `"${FEV1}FEXXX"` });
    expect(unknown.status).toBe(500);
    expect(fault(unknown.text).faultstring).toContain(`SOAPAction: ${FEV1}FEXXX.`);

    const notEmulated = await callWsfe(sb, "FECAEASolicitar", "");
    expect(notEmulated.status).toBe(500);
    expect(fault(notEmulated.text)).toMatchObject({ faultcode: "soap:Server", faultstring: expect.stringContaining("no emula FECAEASolicitar") });

    const mismatch = await callWsfe(sb, "FEDummy", "", { soapAction: `"${FEV1}FECompTotXRequest"` });
    expect(mismatch.status).toBe(500);
    expect(fault(mismatch.text).faultstring).toContain(`<FEDummy xmlns='${FEV1}'> was not expected.`);
  });

  it("malformed XML is HTTP 400 with an empty body; a non-numeric int fails deserialization (500 soap:Client)", async () => {
    const broken = await callWsfe(sb, "FEDummy", "", { envelope: "<soap:Envelope><soap:Body><FEDummy>" });
    expect(broken.status).toBe(400);
    expect(broken.text).toBe("");

    const creds = await loginAs(ARCA.ri);
    const notNumber = await callWsfe(sb, "FECompUltimoAutorizado", `${authXml(creds)}<ar:PtoVta>uno</ar:PtoVta><ar:CbteTipo>6</ar:CbteTipo>`);
    expect(notNumber.status).toBe(500);
    expect(fault(notNumber.text)).toMatchObject({ faultcode: "soap:Client", faultstring: expect.stringMatching(/^Server was unable to read request\. .*FormatException.*PtoVta/) });
  });

  it("reads any prefixes and the default namespace (namespace-agnostic), and records every call", async () => {
    const creds = await loginAs(ARCA.ri);
    const envelope =
      `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>` +
      `<FECompUltimoAutorizado xmlns="${FEV1}">${authXml(creds, "")}<PtoVta>1</PtoVta><CbteTipo>6</CbteTipo></FECompUltimoAutorizado>` +
      `</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
    const res = await callWsfe(sb, "FECompUltimoAutorizado", "", { envelope });
    expect(tag(res.text, "FECompUltimoAutorizadoResult")).toBe("<PtoVta>1</PtoVta><CbteTipo>6</CbteTipo><CbteNro>0</CbteNro>");

    const other = wsfeEnvelope("FECompUltimoAutorizado", "").replace(/ar:/g, "fev1:").replace('xmlns:ar="', 'xmlns:fev1="');
    const withAuth = other.replace("</fev1:FECompUltimoAutorizado>", `${authXml(creds, "fev1")}<fev1:PtoVta>2</fev1:PtoVta><fev1:CbteTipo>1</fev1:CbteTipo></fev1:FECompUltimoAutorizado>`);
    expect(tag((await callWsfe(sb, "FECompUltimoAutorizado", "", { envelope: withAuth })).text, "PtoVta")).toBe("2");

    const recorded = (await sb.call("GET", "/_sandbox/arca/requests?method=FECompUltimoAutorizado")).json;
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatchObject({
      service: "wsfe",
      method: "FECompUltimoAutorizado",
      soapAction: `${FEV1}FECompUltimoAutorizado`,
      body: { Auth: { Token: creds.token, Sign: creds.sign, Cuit: ARCA.ri }, PtoVta: "1", CbteTipo: "6" },
      rawXml: envelope,
      response: { status: 200, body: expect.stringContaining("<CbteNro>0</CbteNro>") },
    });
  });

  it("serves src/integrations/arca/wsdl/wsfev1.wsdl on ?WSDL (any case) when it exists, 404 otherwise", async () => {
    const file = new URL("../../../src/integrations/arca/wsdl/wsfev1.wsdl", import.meta.url);
    for (const query of ["?WSDL", "?wsdl"]) {
      const res = await sb.call("GET", `${WSFE_PATH}${query}`);
      if (existsSync(file)) {
        expect(res.status).toBe(200);
        const expected = readFileSync(file, "utf8").replace(/(<(?:[\w-]+:)?address\b[^>]*\blocation=")[^"]*(")/g, `$1${sb.url}${WSFE_PATH}$2`);
        expect(res.text).toBe(expected);
      } else {
        expect(res.status).toBe(404);
        expect(res.text).toContain("wsfev1.wsdl");
      }
    }
  });
});

describe("WSFEv1 Auth", () => {
  const ultimo = (auth: string) => callWsfe(sb, "FECompUltimoAutorizado", `${auth}<ar:PtoVta>1</ar:PtoVta><ar:CbteTipo>6</ar:CbteTipo>`);

  it("without Auth: Err 500, and the required ints echo 0", async () => {
    const res = await ultimo("");
    expect(res.status).toBe(200);
    expect(tag(res.text, "FECompUltimoAutorizadoResult")).toBe(
      "<PtoVta>0</PtoVta><CbteTipo>0</CbteTipo><CbteNro>0</CbteNro><Errors><Err><Code>500</Code><Msg>Campo Auth no fue ingresado o esta mal formado.</Msg></Err></Errors>",
    );
  });

  it("a token that is not a WSAA token, an unknown token/sign pair, and an expired token are Err 600", async () => {
    const creds = await loginAs(ARCA.ri);
    const garbage = errs((await ultimo(authXml({ ...creds, token: "bm8gZXMgdW4gdG9rZW4=" }))).text);
    expect(garbage).toEqual([{ code: 600, msg: expect.stringMatching(/^ValidacionDeToken: No valido token\./) }]);

    const wrongSign = errs((await ultimo(authXml({ ...creds, sign: Buffer.from("otra firma").toString("base64") }))).text);
    expect(wrongSign).toEqual([{ code: 600, msg: "ValidacionDeToken: No se corresponden token con firma" }]);

    await sb.call("POST", "/_sandbox/arca/config", { json: { clockOffsetMs: 12 * HOUR + 60_000 } });
    const expired = errs((await ultimo(authXml(creds))).text);
    const expSeconds = Math.floor(Date.parse(creds.expirationTime) / 1000);
    expect(expired).toEqual([{ code: 600, msg: expect.stringMatching(new RegExp(`^ValidacionDeToken: No validaron las fechas del token\\. GenTime=\\d+, ExpTime=${expSeconds}, NowUTC=\\d+$`)) }]);
    const nowUtc = Number(/NowUTC=(\d+)/.exec(expired[0]!.msg)?.[1]);
    expect(nowUtc).toBeGreaterThan(expSeconds);

    // The same TA was fine a minute before its expiry.
    await sb.call("POST", "/_sandbox/arca/config", { json: { clockOffsetMs: 12 * HOUR - 60_000 } });
    expect(errs((await ultimo(authXml(creds))).text)).toEqual([]);
  });

  it("Err 601 when Auth/Cuit is not the token's represented CUIT", async () => {
    const creds = await loginAs(ARCA.ri);
    const res = await ultimo(authXml({ ...creds, cuit: ARCA.mono }));
    expect(errs(res.text)).toEqual([{ code: 601, msg: "CUIT representada no incluida en Token" }]);
  });

  it("Err 10000 for a valid TA whose CUIT is not a registered issuer, until it is registered", async () => {
    const unknown = "20111111112";
    const creds = await loginAs(unknown);
    const res = await ultimo(authXml(creds));
    expect(errs(res.text)).toEqual([{ code: 10000, msg: `El contribuyente ${unknown} no se encuentra habilitado a emitir comprobantes electrónicos.` }]);
    expect(errs((await callWsfe(sb, "FEParamGetPtosVenta", authXml(creds))).text)[0]?.code).toBe(10000);

    const registered = await sb.call("POST", "/_sandbox/arca/taxpayers", { json: { cuit: unknown, ivaCondition: "MONOTRIBUTO", pointsOfSale: [{ number: 7 }] } });
    expect(registered.status).toBe(201);
    expect(registered.json).toMatchObject({ cuit: unknown, pointsOfSale: [{ number: 7, type: "RECE" }] });
    const after = await callWsfe(sb, "FECompUltimoAutorizado", `${authXml(creds)}<ar:PtoVta>7</ar:PtoVta><ar:CbteTipo>11</ar:CbteTipo>`);
    expect(tag(after.text, "FECompUltimoAutorizadoResult")).toBe("<PtoVta>7</PtoVta><CbteTipo>11</CbteTipo><CbteNro>0</CbteNro>");
  });

  it("registering a taxpayer validates the CUIT and the points of sale", async () => {
    const bad = await sb.call("POST", "/_sandbox/arca/taxpayers", { json: { cuit: "20111111113", ivaCondition: "EXENTO", pointsOfSale: [] } });
    expect(bad.status).toBe(400);
    const dup = await sb.call("POST", "/_sandbox/arca/taxpayers", { json: { cuit: "20111111112", ivaCondition: "EXENTO", pointsOfSale: [{ number: 1 }, { number: 1 }] } });
    expect(dup.status).toBe(400);
    const builtIns = (await sb.call("GET", "/_sandbox/arca/taxpayers")).json;
    expect(builtIns.map((t: { cuit: string; ivaCondition: string }) => `${t.cuit} ${t.ivaCondition}`)).toEqual([
      "30712345671 RESPONSABLE_INSCRIPTO",
      "20267565393 MONOTRIBUTO",
      "27234567891 EXENTO",
    ]);
  });
});

describe("WSFEv1 parameter and query methods", () => {
  it("FEParamGetTiposCbte / TiposIva / TiposDoc / TiposConcepto / TiposMonedas return ARCA's tables", async () => {
    const creds = await loginAs(ARCA.ri);
    const get = async (method: string) => (await callWsfe(sb, method, authXml(creds))).text;

    const cbte = await get("FEParamGetTiposCbte");
    expect(cbte).toContain("<CbteTipo><Id>1</Id><Desc>Factura A</Desc><FchDesde>20100917</FchDesde><FchHasta>NULL</FchHasta></CbteTipo>");
    expect(cbte).toContain("<CbteTipo><Id>11</Id><Desc>Factura C</Desc><FchDesde>20110330</FchDesde><FchHasta>NULL</FchHasta></CbteTipo>");
    expect(tags(cbte, "Id").map(Number)).toEqual(expect.arrayContaining([1, 2, 3, 6, 7, 8, 11, 12, 13, 15, 201, 213]));

    const iva = await get("FEParamGetTiposIva");
    expect(tags(iva, "IvaTipo").map((row) => `${tag(row, "Id")}=${tag(row, "Desc")}`)).toEqual(["3=0%", "4=10.5%", "5=21%", "6=27%", "8=5%", "9=2.5%"]);

    const doc = await get("FEParamGetTiposDoc");
    expect(doc).toContain("<DocTipo><Id>80</Id><Desc>CUIT</Desc><FchDesde>20080725</FchDesde><FchHasta>NULL</FchHasta></DocTipo>");
    expect(doc).toContain("<DocTipo><Id>99</Id><Desc>Doc. (Otro)</Desc>");
    expect(doc).toContain("<DocTipo><Id>96</Id><Desc>DNI</Desc>");

    const concepto = await get("FEParamGetTiposConcepto");
    expect(tags(concepto, "Desc")).toEqual(["Producto", "Servicios", "Productos y Servicios"]);

    const monedas = await get("FEParamGetTiposMonedas");
    expect(monedas).toContain("<Moneda><Id>PES</Id><Desc>Pesos Argentinos</Desc><FchDesde>20090403</FchDesde><FchHasta>NULL</FchHasta></Moneda>");
    expect(tags(monedas, "Moneda")).toHaveLength(50);
  });

  it("FEParamGetPtosVenta lists the issuer's points of sale", async () => {
    const creds = await loginAs(ARCA.ri);
    const res = await callWsfe(sb, "FEParamGetPtosVenta", authXml(creds));
    expect(tag(res.text, "ResultGet")).toBe(
      "<PtoVenta><Nro>1</Nro><EmisionTipo>CAE - RECE</EmisionTipo><Bloqueado>N</Bloqueado><FchBaja>NULL</FchBaja></PtoVenta>" +
        "<PtoVenta><Nro>2</Nro><EmisionTipo>CAE - RECE</EmisionTipo><Bloqueado>N</Bloqueado><FchBaja>NULL</FchBaja></PtoVenta>",
    );
    const mono = await loginAs(ARCA.mono);
    expect(tags((await callWsfe(sb, "FEParamGetPtosVenta", authXml(mono))).text, "Nro")).toEqual(["1"]);
  });

  it("FEParamGetCondicionIvaReceptor: all conditions with their classes, or filtered by ClaseCmp", async () => {
    const creds = await loginAs(ARCA.ri);
    const all = (await callWsfe(sb, "FEParamGetCondicionIvaReceptor", authXml(creds))).text;
    expect(tags(all, "Id").map(Number)).toEqual([1, 6, 13, 16, 4, 7, 8, 9, 10, 15, 5]);
    expect(all).toContain("<CondicionIvaReceptor><Id>1</Id><Desc>IVA Responsable Inscripto</Desc><Cmp_Clase>A/ALEY/C</Cmp_Clase></CondicionIvaReceptor>");
    expect(all).toContain("<CondicionIvaReceptor><Id>5</Id><Desc>Consumidor Final</Desc><Cmp_Clase>B/C/49</Cmp_Clase></CondicionIvaReceptor>");

    const classA = (await callWsfe(sb, "FEParamGetCondicionIvaReceptor", `${authXml(creds)}<ar:ClaseCmp>A</ar:ClaseCmp>`)).text;
    expect(tags(classA, "Id").map(Number)).toEqual([1, 6, 13, 16]);
    expect(tags(classA, "Cmp_Clase")).toEqual(["A", "A", "A", "A"]);
    const classB = (await callWsfe(sb, "FEParamGetCondicionIvaReceptor", `${authXml(creds)}<ar:ClaseCmp>B</ar:ClaseCmp>`)).text;
    expect(tags(classB, "Id").map(Number)).toEqual([4, 7, 8, 9, 10, 15, 5]);

    const invalid = (await callWsfe(sb, "FEParamGetCondicionIvaReceptor", `${authXml(creds)}<ar:ClaseCmp>Z</ar:ClaseCmp>`)).text;
    expect(errs(invalid)[0]?.code).toBe(10244);
  });

  it("FECompTotXRequest answers RegXReq 250", async () => {
    const creds = await loginAs(ARCA.mono);
    const res = await callWsfe(sb, "FECompTotXRequest", authXml(creds));
    expect(tag(res.text, "FECompTotXRequestResult")).toBe("<RegXReq>250</RegXReq>");
  });

  it("FECompUltimoAutorizado checks PtoVta and CbteTipo", async () => {
    const creds = await loginAs(ARCA.ri);
    const call = (ptoVta: number, tipo: number) => callWsfe(sb, "FECompUltimoAutorizado", `${authXml(creds)}<ar:PtoVta>${ptoVta}</ar:PtoVta><ar:CbteTipo>${tipo}</ar:CbteTipo>`);
    expect(errs((await call(0, 6)).text)[0]?.code).toBe(11000);
    expect(errs((await call(1, 14)).text)[0]?.code).toBe(11001);
    expect(errs((await call(3, 6)).text)[0]?.code).toBe(11002);
    expect(tag((await call(2, 1)).text, "CbteNro")).toBe("0");
  });

  it("FECompConsultar of an unknown comprobante is Err 602 without ResultGet", async () => {
    const creds = await loginAs(ARCA.ri);
    const res = await callWsfe(sb, "FECompConsultar", `${authXml(creds)}<ar:FeCompConsReq><ar:CbteTipo>6</ar:CbteTipo><ar:CbteNro>1</ar:CbteNro><ar:PtoVta>1</ar:PtoVta></ar:FeCompConsReq>`);
    expect(tag(res.text, "FECompConsultarResult")).toBe(
      "<Errors><Err><Code>602</Code><Msg>No existen datos en nuestros registros para los parametros ingresados.</Msg></Err></Errors>",
    );
  });
});
