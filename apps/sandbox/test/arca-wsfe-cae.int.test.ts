import { describe, expect, it } from "vitest";
import {
  ARCA,
  arDate,
  authXml,
  caeRequestXml,
  callWsfe,
  certificateCache,
  classAFields,
  classCFields,
  type Credentials,
  errs,
  type InvoiceFields,
  login,
  obs,
  tag,
} from "./arca-helpers.ts";
import { type Json, type TestSandbox, useSandbox } from "./helpers.ts";

let sb: TestSandbox;
useSandbox((s) => {
  sb = s;
});
const identity = certificateCache(() => sb);
const loginAs = async (cuit: string, now?: number): Promise<Credentials> => login(sb, await identity(cuit), now);

async function solicitar(creds: Credentials, fields: InvoiceFields = {}) {
  const res = await callWsfe(sb, "FECAESolicitar", caeRequestXml(creds, fields));
  expect(res.status).toBe(200);
  const det = tag(res.text, "FECAEDetResponse") ?? "";
  return {
    text: res.text,
    cab: tag(res.text, "FeCabResp") ?? "",
    det,
    resultado: tag(tag(res.text, "FeCabResp") ?? "", "Resultado"),
    detResultado: tag(det, "Resultado"),
    cae: tag(det, "CAE"),
    caeFchVto: tag(det, "CAEFchVto"),
    errors: errs(res.text),
    obs: obs(res.text),
    codes: [...errs(res.text), ...obs(res.text)].map((o) => o.code),
  };
}

/** A rejection whose only reason is `code` (so each rule is proven on its own). */
async function expectOnly(creds: Credentials, fields: InvoiceFields, code: number): Promise<Awaited<ReturnType<typeof solicitar>>> {
  const r = await solicitar(creds, fields);
  expect(r.codes, JSON.stringify(r.obs.concat(r.errors))).toEqual([code]);
  expect(r.resultado).toBe("R");
  return r;
}

const ultimo = async (creds: Credentials, ptoVta: number, tipo: number) =>
  Number(tag((await callWsfe(sb, "FECompUltimoAutorizado", `${authXml(creds)}<ar:PtoVta>${ptoVta}</ar:PtoVta><ar:CbteTipo>${tipo}</ar:CbteTipo>`)).text, "CbteNro"));

const consultar = async (creds: Credentials, ptoVta: number, tipo: number, nro: number) =>
  (await callWsfe(sb, "FECompConsultar", `${authXml(creds)}<ar:FeCompConsReq><ar:CbteTipo>${tipo}</ar:CbteTipo><ar:CbteNro>${nro}</ar:CbteNro><ar:PtoVta>${ptoVta}</ar:PtoVta></ar:FeCompConsReq>`)).text;

describe("FECAESolicitar approvals", () => {
  it("authorizes a Factura B (ARGENTINA.md §2.9 a): CAE, CAEFchVto = CbteFch + 10 days, numbering, FECompConsultar", async () => {
    const creds = await loginAs(ARCA.ri);
    const cbteFch = arDate(-1);
    const r = await solicitar(creds, { CbteFch: cbteFch });
    expect(r.resultado).toBe("A");
    expect(r.cab).toMatch(/^<Cuit>30712345671<\/Cuit><PtoVta>1<\/PtoVta><CbteTipo>6<\/CbteTipo><FchProceso>\d{14}<\/FchProceso><CantReg>1<\/CantReg><Resultado>A<\/Resultado><Reproceso>N<\/Reproceso>$/);
    expect(tag(r.cab, "FchProceso")?.slice(0, 8)).toBe(arDate());
    expect(r.det).toMatch(
      new RegExp(`^<Concepto>2</Concepto><DocTipo>99</DocTipo><DocNro>0</DocNro><CbteDesde>1</CbteDesde><CbteHasta>1</CbteHasta><CbteFch>${cbteFch}</CbteFch><Resultado>A</Resultado><CAE>\\d{14}</CAE><CAEFchVto>\\d{8}</CAEFchVto>$`),
    );
    expect(r.caeFchVto).toBe(arDate(9));
    expect(r.text).not.toContain("<Errors>");
    expect(await ultimo(creds, 1, 6)).toBe(1);

    const consulta = await consultar(creds, 1, 6, 1);
    expect(tag(consulta, "ResultGet")).toBe(
      `<Concepto>2</Concepto><DocTipo>99</DocTipo><DocNro>0</DocNro><CbteDesde>1</CbteDesde><CbteHasta>1</CbteHasta><CbteFch>${cbteFch}</CbteFch>` +
        `<ImpTotal>121000</ImpTotal><ImpTotConc>0</ImpTotConc><ImpNeto>100000</ImpNeto><ImpOpEx>0</ImpOpEx><ImpTrib>0</ImpTrib><ImpIVA>21000</ImpIVA>` +
        `<FchServDesde>${arDate(-20)}</FchServDesde><FchServHasta>${arDate(-1)}</FchServHasta><FchVtoPago>${arDate(10)}</FchVtoPago><MonId>PES</MonId><MonCotiz>1</MonCotiz>` +
        `<CondicionIVAReceptorId>5</CondicionIVAReceptorId><Iva><AlicIva><Id>5</Id><BaseImp>100000</BaseImp><Importe>21000</Importe></AlicIva></Iva>` +
        `<Resultado>A</Resultado><CodAutorizacion>${r.cae}</CodAutorizacion><EmisionTipo>CAE</EmisionTipo><FchVto>${r.caeFchVto}</FchVto><FchProceso>${tag(r.cab, "FchProceso")}</FchProceso>` +
        `<PtoVta>1</PtoVta><CbteTipo>6</CbteTipo>`,
    );

    const invoices: Json[] = (await sb.call("GET", `/_sandbox/arca/invoices?cuit=${ARCA.ri}`)).json;
    expect(invoices).toEqual([expect.objectContaining({ cuit: ARCA.ri, ptoVta: 1, cbteTipo: 6, cbteNro: 1, cae: r.cae, caeFchVto: r.caeFchVto, credited: 0 })]);
    expect(invoices[0].detail).toMatchObject({ impTotal: 121000, condicionIvaReceptorId: 5, iva: [{ id: 5, baseImp: 100000, importe: 21000 }] });
    expect((await sb.call("GET", `/_sandbox/arca/invoices?cuit=${ARCA.mono}`)).json).toEqual([]);
  });

  it("Factura A to a responsable inscripto has no observations; to a monotributista it carries 10217", async () => {
    const creds = await loginAs(ARCA.ri);
    const ri = await solicitar(creds, classAFields());
    expect(ri.resultado).toBe("A");
    expect(ri.obs).toEqual([]);

    const mono = await solicitar(creds, classAFields({ CbteDesde: 2, CondicionIVAReceptorId: 6, DocNro: ARCA.mono }));
    expect(mono.resultado).toBe("A");
    expect(mono.cae).toMatch(/^\d{14}$/);
    expect(mono.obs).toEqual([
      {
        code: 10217,
        msg: "El credito fiscal discriminado en el presente comprobante solo podra ser computado a efectos del Regimen de Sostenimiento e Inclusion Fiscal para Pequeños Contribuyentes de la Ley Nº 27.618",
      },
    ]);
    expect(mono.det.indexOf("<Observaciones>")).toBeLessThan(mono.det.indexOf("<CAE>"));
    expect(obs(await consultar(creds, 1, 1, 2)).map((o) => o.code)).toEqual([10217]);
    for (const condicion of [13, 16]) {
      const next = (await ultimo(creds, 1, 1)) + 1;
      expect((await solicitar(creds, classAFields({ CbteDesde: next, CondicionIVAReceptorId: condicion }))).obs.map((o) => o.code)).toEqual([10217]);
    }
  });

  it("Factura C from a monotributista and from an exento (ARGENTINA.md §2.9 c), with its own numbering", async () => {
    const mono = await loginAs(ARCA.mono);
    const r = await solicitar(mono, classCFields());
    expect(r.resultado).toBe("A");
    expect(tag(r.cab, "Cuit")).toBe(ARCA.mono);
    const exento = await loginAs(ARCA.exento);
    expect((await solicitar(exento, classCFields({ CondicionIVAReceptorId: 1, DocTipo: 80, DocNro: ARCA.ri }))).resultado).toBe("A");
    expect(await ultimo(mono, 1, 11)).toBe(1);
    expect(await ultimo(exento, 1, 11)).toBe(1);
  });

  it("accepts IVA computed from a gross price within 0.01 (15000 → 12396.69 + 2603.31), and Tributos that add up", async () => {
    const creds = await loginAs(ARCA.ri);
    const gross = await solicitar(creds, { ImpTotal: "15000.00", ImpNeto: "12396.69", ImpIVA: "2603.31", iva: [{ id: 5, baseImp: "12396.69", importe: "2603.31" }] });
    expect(gross.resultado).toBe("A");
    const withTrib = await solicitar(creds, {
      CbteDesde: 2,
      ImpTotal: "122000.00",
      ImpTrib: "1000.00",
      tributos: [{ id: 99, desc: "Impuesto Municipal", baseImp: "100000.00", alic: "1", importe: "1000.00" }],
    });
    expect(withTrib.codes).toEqual([]);
    expect(withTrib.resultado).toBe("A");
    expect(tag(await consultar(creds, 1, 6, 2), "Tributos")).toBe("<Tributo><Id>99</Id><Desc>Impuesto Municipal</Desc><BaseImp>100000</BaseImp><Alic>1</Alic><Importe>1000</Importe></Tributo>");
  });

  it("assigns the processing date when CbteFch is omitted", async () => {
    const creds = await loginAs(ARCA.ri);
    const r = await solicitar(creds, { CbteFch: null });
    expect(r.resultado).toBe("A");
    expect(tag(r.det, "CbteFch")).toBe(arDate());
    expect(r.caeFchVto).toBe(arDate(10));
  });
});

describe("FECAESolicitar numbering", () => {
  it("a resent comprobante gets Err 10016 with the record R and empty CAE, as ARCA answers", async () => {
    const creds = await loginAs(ARCA.ri);
    expect((await solicitar(creds)).resultado).toBe("A");
    const again = await solicitar(creds);
    expect(again.resultado).toBe("R");
    expect(again.detResultado).toBe("R");
    expect(again.det).toContain("<CAE /><CAEFchVto />");
    expect(again.errors).toEqual([{ code: 10016, msg: "El numero o fecha del comprobante no se corresponde con el proximo a autorizar. Consultar metodo FECompUltimoAutorizado." }]);
    expect(await ultimo(creds, 1, 6)).toBe(1);
    expect((await expectOnly(creds, { CbteDesde: 3 }, 10016)).errors).toHaveLength(1);
    expect((await solicitar(creds, { CbteDesde: 2 })).resultado).toBe("A");
  });

  it("numbers per (CUIT, PtoVta, CbteTipo)", async () => {
    const creds = await loginAs(ARCA.ri);
    expect((await solicitar(creds)).resultado).toBe("A");
    expect((await solicitar(creds, { ptoVta: 2 })).resultado).toBe("A");
    expect((await solicitar(creds, classAFields())).resultado).toBe("A");
    expect((await solicitar(creds, { CbteDesde: 2 })).resultado).toBe("A");
    expect([await ultimo(creds, 1, 6), await ultimo(creds, 2, 6), await ultimo(creds, 1, 1), await ultimo(creds, 2, 1)]).toEqual([2, 1, 1, 0]);
  });

  it("CbteHasta must equal CbteDesde (10012)", async () => {
    const creds = await loginAs(ARCA.ri);
    await expectOnly(creds, { CbteDesde: 1, CbteHasta: 2 }, 10012);
  });

  it("CbteFch: ±5 days for Concepto 1, ±10 for 2/3, never before the last authorized one", async () => {
    const creds = await loginAs(ARCA.ri);
    const product = { Concepto: 1, FchServDesde: null, FchServHasta: null, FchVtoPago: null };
    const late = await expectOnly(creds, { ...product, CbteFch: arDate(-6) }, 10016);
    expect(late.obs[0]?.msg).toBe("Campo CbteFch Debe estar comprendido  en el  rango  N-5 y N+5 siendo N la fecha de envio del pedido  de autorizacion para 1 - Productos");
    expect(late.errors).toEqual([]);
    await expectOnly(creds, { CbteFch: arDate(-11), FchServDesde: arDate(-30), FchServHasta: arDate(-12) }, 10016);
    await expectOnly(creds, { CbteFch: arDate(11), FchVtoPago: arDate(20) }, 10016);
    await expectOnly(creds, { CbteFch: "2026-11-22" }, 10016);

    expect((await solicitar(creds, { CbteFch: arDate(-10), FchServDesde: arDate(-30), FchServHasta: arDate(-11) })).resultado).toBe("A");
    expect((await solicitar(creds, { ...product, CbteDesde: 2, CbteFch: arDate(-2) })).resultado).toBe("A");
    const before = await expectOnly(creds, { ...product, CbteDesde: 3, CbteFch: arDate(-3) }, 10016);
    expect(before.obs[0]?.msg).toContain("anterior a la del ultimo comprobante autorizado");
    expect((await solicitar(creds, { ...product, CbteDesde: 3, CbteFch: arDate(-2) })).resultado).toBe("A");
  });

  it("Concepto 1 dated after today must stay in the same month (10152), using the sandbox clock", async () => {
    const now = new Date(Date.now() - 3 * 60 * 60 * 1000);
    const lastDayNextMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 0, 15, 0, 0);
    const offset = lastDayNextMonth - Date.now();
    await sb.call("POST", "/_sandbox/arca/config", { json: { clockOffsetMs: offset } });
    const creds = await loginAs(ARCA.ri, Date.now() + offset);
    const product = { Concepto: 1, FchServDesde: null, FchServHasta: null, FchVtoPago: null };
    const base = lastDayNextMonth;
    await expectOnly(creds, { ...product, CbteFch: arDate(2, base) }, 10152);
    expect((await solicitar(creds, { ...product, CbteFch: arDate(0, base) })).resultado).toBe("A");
  });
});

describe("FECAESolicitar header validation (Errors, whole request rejected)", () => {
  it("CantReg must match the records (10002) and be 1 in the sandbox (10001)", async () => {
    const creds = await loginAs(ARCA.ri);
    const mismatch = await solicitar(creds, { cantReg: 2 });
    expect(mismatch.errors.map((e) => e.code)).toEqual([10002]);
    expect(mismatch.resultado).toBe("R");
    expect(mismatch.text).not.toContain("<FeDetResp>");
    expect(tag(mismatch.cab, "CantReg")).toBe("2");

    const xml = caeRequestXml(creds, { cantReg: 2 }).replace(/(<ar:FECAEDetRequest>[\s\S]*<\/ar:FECAEDetRequest>)/, "$1$1");
    const batch = await callWsfe(sb, "FECAESolicitar", xml);
    expect(errs(batch.text)).toEqual([{ code: 10001, msg: "El sandbox de CampoTech autoriza un comprobante por pedido: CantReg debe ser 1." }]);
    expect(await ultimo(creds, 1, 6)).toBe(0);
  });

  it("PtoVta must be a RECE point of sale of the issuer (10005)", async () => {
    const creds = await loginAs(ARCA.ri);
    expect((await solicitar(creds, { ptoVta: 5 })).errors.map((e) => e.code)).toEqual([10005]);
    await sb.call("POST", "/_sandbox/arca/taxpayers", {
      json: { cuit: ARCA.ri, ivaCondition: "RESPONSABLE_INSCRIPTO", pointsOfSale: [{ number: 1 }, { number: 9, type: "CAEA" }] },
    });
    expect((await solicitar(creds, { ptoVta: 9 })).errors.map((e) => e.code)).toEqual([10005]);
    expect((await solicitar(creds, { ptoVta: 0 })).errors.map((e) => e.code)).toEqual([10004]);
  });

  it("CbteTipo: unknown is 10007; a class the issuer may not issue is 10000", async () => {
    const ri = await loginAs(ARCA.ri);
    expect((await solicitar(ri, { cbteTipo: 14 })).errors.map((e) => e.code)).toEqual([10007]);
    const recibo = await solicitar(ri, { cbteTipo: 4 });
    expect(recibo.errors).toEqual([{ code: 10000, msg: expect.stringContaining("El sandbox no emula el tipo de comprobante 4") }]);
    const riC = await solicitar(ri, classCFields());
    expect(riC.errors).toEqual([{ code: 10000, msg: `El contribuyente ${ARCA.ri} es Responsable Inscripto: emite comprobantes clase A y B, no clase C (tipo 11).` }]);
    const mono = await loginAs(ARCA.mono);
    const monoB = await solicitar(mono, {});
    expect(monoB.errors).toEqual([{ code: 10000, msg: `El contribuyente ${ARCA.mono} es monotributista: no puede emitir comprobantes clase B, solo clase C (11, 12, 13).` }]);
    const exento = await loginAs(ARCA.exento);
    expect((await solicitar(exento, classAFields())).errors.map((e) => e.code)).toEqual([10000]);
  });
});

describe("FECAESolicitar record validation (Observaciones, record rejected)", () => {
  it("Concepto must be 1, 2 or 3 (10030)", async () => {
    await expectOnly(await loginAs(ARCA.ri), { Concepto: 4 }, 10030);
  });

  it("receiver document: class A needs CUIT (10013), 99 needs 0 (10015), CUIT/CUIL check digit (10015), not the issuer (10069)", async () => {
    const creds = await loginAs(ARCA.ri);
    await expectOnly(creds, classAFields({ DocTipo: 96, DocNro: 28123456 }), 10013);
    await expectOnly(creds, { DocNro: 28123456 }, 10015);
    await expectOnly(creds, { DocTipo: 80, DocNro: "20111111113", CondicionIVAReceptorId: 4 }, 10015);
    await expectOnly(creds, { DocTipo: 86, DocNro: "20111111113" }, 10015);
    await expectOnly(creds, { DocTipo: 42, DocNro: 1 }, 10015);
    await expectOnly(creds, classAFields({ DocNro: ARCA.ri }), 10069);
    expect((await solicitar(creds, { DocTipo: 96, DocNro: 28123456 })).resultado).toBe("A");
  });

  it("Concepto 2/3 needs the service dates (10049), Hasta ≥ Desde (10032), VtoPago ≥ CbteFch (10036)", async () => {
    const creds = await loginAs(ARCA.ri);
    await expectOnly(creds, { FchServDesde: null }, 10049);
    await expectOnly(creds, { Concepto: 3, FchVtoPago: "" }, 10049);
    await expectOnly(creds, { FchServDesde: arDate(-1), FchServHasta: arDate(-5) }, 10032);
    await expectOnly(creds, { FchVtoPago: arDate(-2) }, 10036);
    // Concepto 1 ignores them, even empty.
    expect((await solicitar(creds, { Concepto: 1, FchServDesde: "", FchServHasta: "", FchVtoPago: "" })).resultado).toBe("A");
  });

  it("currency: PES only (10037) with MonCotiz 1 (10039)", async () => {
    const creds = await loginAs(ARCA.ri);
    const dol = await expectOnly(creds, { MonId: "DOL", MonCotiz: 1000 }, 10037);
    expect(dol.obs[0]?.msg).toContain("solo emula comprobantes en pesos");
    await expectOnly(creds, { MonId: "XXX" }, 10037);
    await expectOnly(creds, { MonCotiz: 2 }, 10039);
    await expectOnly(creds, { MonCotiz: null }, 10039);
    await expectOnly(creds, { CanMisMonExt: "S" }, 10241);
  });

  it("amounts: at most 2 decimals (10056), ImpTotal adds up (10048)", async () => {
    const creds = await loginAs(ARCA.ri);
    await expectOnly(creds, { ImpTotal: "121000.001" }, 10056);
    await expectOnly(creds, { iva: [{ id: 5, baseImp: "100000.005", importe: "21000.00" }] }, 10056);
    const total = await expectOnly(creds, { ImpTotal: "121000.01" }, 10048);
    expect(total.obs[0]?.msg).toContain("(121000.00)");
    await expectOnly(creds, { ImpTotal: "131000.00", ImpOpEx: "5000.00", ImpTotConc: "4000.00" }, 10048);
    expect((await solicitar(creds, { ImpTotal: "-1.00" })).codes).toEqual([10065, 10048]);
    expect((await solicitar(creds, { ImpTotal: "130000.00", ImpOpEx: "5000.00", ImpTotConc: "4000.00" })).resultado).toBe("A");
  });

  it("IVA for A/B: ImpNeto = Σ BaseImp (10061), ImpIVA = Σ Importe (10023), rate (10051), no repeated Id (10022), required with ImpNeto (10070)", async () => {
    const creds = await loginAs(ARCA.ri);
    await expectOnly(creds, { ImpTotal: "118900.00", ImpIVA: "18900.00", iva: [{ id: 5, baseImp: "90000.00", importe: "18900.00" }] }, 10061);
    await expectOnly(creds, { ImpTotal: "121001.00", ImpIVA: "21001.00" }, 10023);
    const rate = await expectOnly(creds, { ImpTotal: "121005.00", ImpIVA: "21005.00", iva: [{ id: 5, baseImp: "100000.00", importe: "21005.00" }] }, 10051);
    expect(rate.obs[0]?.msg).toContain("21%");
    await expectOnly(
      creds,
      {
        iva: [
          { id: 5, baseImp: "50000.00", importe: "10500.00" },
          { id: 5, baseImp: "50000.00", importe: "10500.00" },
        ],
      },
      10022,
    );
    await expectOnly(creds, { iva: null }, 10070);
    await expectOnly(creds, { iva: [{ id: 7, baseImp: "100000.00", importe: "21000.00" }] }, 10019);
    await expectOnly(creds, { ImpTotal: "21000.00", ImpNeto: "0", iva: null }, 10018);
    const twoRates = await solicitar(creds, {
      ImpTotal: "126250.00",
      ImpNeto: "110000.00",
      ImpIVA: "16250.00",
      iva: [
        { id: 4, baseImp: "50000.00", importe: "5250.00" },
        { id: 3, baseImp: "10000.00", importe: "0" },
        { id: 6, baseImp: "50000.00", importe: "11000.00" },
      ],
    });
    expect(twoRates.codes).toEqual([10051]);
  });

  it("class C: no IVA at all (10047, 10071), no ImpTotConc (10043) or ImpOpEx (10044), ImpTotal = ImpNeto + ImpTrib (10048)", async () => {
    const creds = await loginAs(ARCA.mono);
    await expectOnly(creds, classCFields({ ImpIVA: "100.00" }), 10047);
    await expectOnly(creds, classCFields({ iva: [{ id: 3, baseImp: "45000.00", importe: "0" }] }), 10071);
    await expectOnly(creds, classCFields({ ImpTotConc: "10.00" }), 10043);
    await expectOnly(creds, classCFields({ ImpOpEx: "10.00" }), 10044);
    await expectOnly(creds, classCFields({ ImpTotal: "45100.00" }), 10048);
  });

  it("Tributos: ImpTrib = Σ Importe (10029), required when ImpTrib > 0 (10024), Desc for Id 99 (10042)", async () => {
    const creds = await loginAs(ARCA.ri);
    const trib = { ImpTotal: "122000.00", ImpTrib: "1000.00" };
    await expectOnly(creds, { ...trib, tributos: [{ id: 2, baseImp: "100000.00", alic: "1", importe: "999.00" }] }, 10029);
    await expectOnly(creds, trib, 10024);
    await expectOnly(creds, { ...trib, tributos: [{ id: 99, baseImp: "100000.00", alic: "1", importe: "1000.00" }] }, 10042);
    await expectOnly(creds, { ...trib, tributos: [{ id: 77, baseImp: "100000.00", alic: "1", importe: "1000.00" }] }, 10025);
  });

  it("CondicionIVAReceptorId (RG 5616): required (10246), known (10242), allowed for the class (10243)", async () => {
    const creds = await loginAs(ARCA.ri);
    const missing = await expectOnly(creds, { CondicionIVAReceptorId: null }, 10246);
    expect(missing.obs[0]?.msg).toBe("Campo Condicion Frente al IVA del receptor es obligatorio conforme a lo reglamentado por la Resolucion General N° 5616.");
    const unknown = await expectOnly(creds, { CondicionIVAReceptorId: 3 }, 10242);
    expect(unknown.obs[0]?.msg).toBe("El campo Condicion IVA receptor no es un valor valido. Consultar metodo FEParamGetCondicionIvaReceptor");
    await expectOnly(creds, classAFields({ CondicionIVAReceptorId: 5 }), 10243);
    await expectOnly(creds, { CondicionIVAReceptorId: 1 }, 10243);
    const mono = await loginAs(ARCA.mono);
    expect((await solicitar(mono, classCFields({ CondicionIVAReceptorId: 6, DocTipo: 80, DocNro: "20111111112" }))).resultado).toBe("A");
  });

  it("several problems in one record come back together", async () => {
    const r = await solicitar(await loginAs(ARCA.ri), { Concepto: 9, MonCotiz: 3, CondicionIVAReceptorId: null });
    expect(r.codes).toEqual([10030, 10039, 10246]);
  });
});

describe("credit and debit notes", () => {
  const invoice = { CbteFch: arDate(-1) };
  const note = (nro: number, fields: InvoiceFields = {}): InvoiceFields => ({
    cbteTipo: 8,
    CbteDesde: nro,
    cbtesAsoc: [{ tipo: 6, ptoVta: 1, nro: 1, cuit: ARCA.ri, cbteFch: arDate(-1) }],
    ...fields,
  });

  it("need CbtesAsoc or PeriodoAsoc (10197); invoices must not send PeriodoAsoc (10198)", async () => {
    const creds = await loginAs(ARCA.ri);
    await expectOnly(creds, { cbteTipo: 8 }, 10197);
    await expectOnly(creds, { periodoAsoc: { fchDesde: arDate(-30), fchHasta: arDate(-1) } }, 10198);
    await expectOnly(creds, { cbteTipo: 8, periodoAsoc: { fchDesde: arDate(-30), fchHasta: arDate(1) } }, 10204);
    const byPeriod = await solicitar(creds, { cbteTipo: 8, periodoAsoc: { fchDesde: arDate(-30), fchHasta: arDate(-1) } });
    expect(byPeriod.resultado).toBe("A");
    expect(tag(await consultar(creds, 1, 8, 1), "PeriodoAsoc")).toBe(`<FchDesde>${arDate(-30)}</FchDesde><FchHasta>${arDate(-1)}</FchHasta>`);
  });

  it("associations follow 10040: type allowed, comprobante exists for that CUIT", async () => {
    const creds = await loginAs(ARCA.ri);
    const missing = await expectOnly(creds, note(1), 10040);
    expect(missing.obs[0]?.msg).toBe(`El comprobante asociado 6-00001-00000001 no existe para la CUIT ${ARCA.ri}.`);
    expect((await solicitar(creds, invoice)).resultado).toBe("A");
    const wrongType = await expectOnly(creds, note(1, { cbtesAsoc: [{ tipo: 1, ptoVta: 1, nro: 1 }] }), 10040);
    expect(wrongType.obs[0]?.msg).toContain("no puede asociar comprobantes tipo 1");
    await expectOnly(creds, note(1, { cbtesAsoc: [{ tipo: 6, ptoVta: 1, nro: 1, cuit: ARCA.mono }] }), 10040);
    expect((await solicitar(creds, note(1))).resultado).toBe("A");
    expect(tag(await consultar(creds, 1, 8, 1), "CbtesAsoc")).toBe(`<CbteAsoc><Tipo>6</Tipo><PtoVta>1</PtoVta><Nro>1</Nro><Cuit>${ARCA.ri}</Cuit><CbteFch>${arDate(-1)}</CbteFch></CbteAsoc>`);
  });

  it("a credit note cannot credit more than the associated total minus earlier credit notes", async () => {
    const creds = await loginAs(ARCA.ri);
    expect((await solicitar(creds, invoice)).resultado).toBe("A");
    const partial = { ImpTotal: "60500.00", ImpNeto: "50000.00", ImpIVA: "10500.00", iva: [{ id: 5, baseImp: "50000.00", importe: "10500.00" }] };
    expect((await solicitar(creds, note(1, partial))).resultado).toBe("A");
    const credited = (await sb.call("GET", `/_sandbox/arca/invoices?cuit=${ARCA.ri}`)).json.find((i: Json) => i.cbteTipo === 6);
    expect(credited.credited).toBe(60500);

    const tooMuch = { ImpTotal: "60500.01", ImpNeto: "50000.01", ImpIVA: "10500.00", iva: [{ id: 5, baseImp: "50000.01", importe: "10500.00" }] };
    const over = await expectOnly(creds, note(2, tooMuch), 10040);
    expect(over.obs[0]?.msg).toContain("supera el saldo de los comprobantes asociados (60500.00");
    expect((await solicitar(creds, note(2, partial))).resultado).toBe("A");
    const nothingLeft = { ImpTotal: "1.21", ImpNeto: "1.00", ImpIVA: "0.21", iva: [{ id: 5, baseImp: "1.00", importe: "0.21" }] };
    await expectOnly(creds, note(3, nothingLeft), 10040);

    // Debit notes are not capped.
    const debit = await solicitar(creds, note(1, { cbteTipo: 7, ImpTotal: "242000.00", ImpNeto: "200000.00", ImpIVA: "42000.00", iva: [{ id: 5, baseImp: "200000.00", importe: "42000.00" }] }));
    expect(debit.resultado).toBe("A");
  });

  it("class C notes associate class C comprobantes (13 ← 11)", async () => {
    const mono = await loginAs(ARCA.mono);
    expect((await solicitar(mono, classCFields())).resultado).toBe("A");
    const nc = await solicitar(mono, classCFields({ cbteTipo: 13, cbtesAsoc: [{ tipo: 11, ptoVta: 1, nro: 1 }] }));
    expect(nc.resultado).toBe("A");
    await expectOnly(mono, classCFields({ cbteTipo: 13, CbteDesde: 2, cbtesAsoc: [{ tipo: 6, ptoVta: 1, nro: 1 }] }), 10040);
  });
});
