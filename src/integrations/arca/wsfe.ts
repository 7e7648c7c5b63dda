import { ArcaError } from "./arca-error";
import { soapCall, type SoapCallOptions } from "./soap-call";

// WSFEv1 operations (reference/ARGENTINA.md §2) in our own types: centavos in, centavos out; dates YYYYMMDD as ARCA
// writes them. Request objects list fields in the WSDL's sequence order.
export type WsfeAuth = { token: string; sign: string; cuit: string };
export type ArcaMessage = { code: number; message: string };

export type CaeRequest = {
  pointOfSale: number;
  voucherType: number;
  concept: number;
  docType: number;
  docNumber: string;
  number: number;
  date: string; // YYYYMMDD
  totalCents: number;
  untaxedCents: number; // ImpTotConc
  netCents: number; // ImpNeto
  exemptCents: number; // ImpOpEx
  taxesCents: number; // ImpTrib
  ivaCents: number; // ImpIVA
  serviceFrom?: string;
  serviceTo?: string;
  paymentDueDate?: string;
  ivaConditionId: number;
  associated?: { type: number; pointOfSale: number; number: number; cuit: string; date: string }[];
  iva?: { id: number; baseCents: number; amountCents: number }[]; // never for class C
};

export type CaeResult = {
  result: "A" | "R" | "P";
  cae: string | null;
  caeDueDate: string | null;
  number: number;
  observations: ArcaMessage[];
  errors: ArcaMessage[];
  events: ArcaMessage[];
};

export type VoucherQuery = {
  found: boolean;
  result: string | null;
  cae: string | null;
  caeDueDate: string | null;
  date: string | null;
  docType: number | null;
  docNumber: string | null;
  totalCents: number | null;
  errors: ArcaMessage[];
};

const amount = (cents: number) => (cents / 100).toFixed(2);
const cents = (value: unknown) => Math.round(Number(value) * 100);

function list<T>(value: unknown, key: string): T[] {
  const inner = (value as Record<string, unknown> | undefined)?.[key];
  if (inner === undefined || inner === null) return [];
  return (Array.isArray(inner) ? inner : [inner]) as T[];
}

function messages(value: unknown, key: string): ArcaMessage[] {
  return list<{ Code?: unknown; Msg?: unknown }>(value, key).map((m) => ({ code: Number(m.Code), message: String(m.Msg ?? "") }));
}

const auth = (a: WsfeAuth) => ({ Token: a.token, Sign: a.sign, Cuit: a.cuit });

// A request-level error (token, CUIT, Transacción Activa…) where no business answer came back.
function throwIfOnlyErrors(method: string, result: Record<string, unknown> | undefined, hasAnswer: boolean): void {
  const errors = messages(result?.Errors, "Err");
  if (!hasAnswer && errors.length) {
    const first = errors[0]!;
    throw new ArcaError("wsfe_error", String(first.code), first.message, { service: "wsfe", method, errors });
  }
}

export async function feDummy(options: SoapCallOptions): Promise<{ appServer: string; dbServer: string; authServer: string }> {
  const result = await soapCall<{ FEDummyResult?: { AppServer?: string; DbServer?: string; AuthServer?: string } }>("wsfe", "FEDummy", {}, options);
  const r = result.FEDummyResult ?? {};
  return { appServer: r.AppServer ?? "", dbServer: r.DbServer ?? "", authServer: r.AuthServer ?? "" };
}

export async function lastAuthorizedNumber(a: WsfeAuth, input: { pointOfSale: number; voucherType: number }, options: SoapCallOptions): Promise<number> {
  const result = await soapCall<{ FECompUltimoAutorizadoResult?: Record<string, unknown> }>(
    "wsfe", "FECompUltimoAutorizado", { Auth: auth(a), PtoVta: input.pointOfSale, CbteTipo: input.voucherType }, options,
  );
  const r = result.FECompUltimoAutorizadoResult;
  throwIfOnlyErrors("FECompUltimoAutorizado", r, false);
  return Number(r?.CbteNro ?? 0);
}

export async function requestCae(a: WsfeAuth, req: CaeRequest, options: SoapCallOptions): Promise<CaeResult> {
  const detail: Record<string, unknown> = {
    Concepto: req.concept,
    DocTipo: req.docType,
    DocNro: req.docNumber,
    CbteDesde: req.number,
    CbteHasta: req.number,
    CbteFch: req.date,
    ImpTotal: amount(req.totalCents),
    ImpTotConc: amount(req.untaxedCents),
    ImpNeto: amount(req.netCents),
    ImpOpEx: amount(req.exemptCents),
    ImpTrib: amount(req.taxesCents),
    ImpIVA: amount(req.ivaCents),
    ...(req.serviceFrom ? { FchServDesde: req.serviceFrom, FchServHasta: req.serviceTo, FchVtoPago: req.paymentDueDate } : {}),
    MonId: "PES",
    MonCotiz: 1,
    CondicionIVAReceptorId: req.ivaConditionId,
    ...(req.associated?.length
      ? { CbtesAsoc: { CbteAsoc: req.associated.map((c) => ({ Tipo: c.type, PtoVta: c.pointOfSale, Nro: c.number, Cuit: c.cuit, CbteFch: c.date })) } }
      : {}),
    ...(req.iva?.length ? { Iva: { AlicIva: req.iva.map((r) => ({ Id: r.id, BaseImp: amount(r.baseCents), Importe: amount(r.amountCents) })) } } : {}),
  };
  const args = {
    Auth: auth(a),
    FeCAEReq: { FeCabReq: { CantReg: 1, PtoVta: req.pointOfSale, CbteTipo: req.voucherType }, FeDetReq: { FECAEDetRequest: [detail] } },
  };
  const result = await soapCall<{ FECAESolicitarResult?: Record<string, unknown> }>("wsfe", "FECAESolicitar", args, options);
  const r = result.FECAESolicitarResult;
  const det = list<Record<string, unknown>>(r?.FeDetResp, "FECAEDetResponse")[0];
  throwIfOnlyErrors("FECAESolicitar", r, Boolean(det));
  const cab = r?.FeCabResp as Record<string, unknown> | undefined;
  const resultCode = String(det?.Resultado ?? cab?.Resultado ?? "R") as CaeResult["result"];
  const cae = det?.CAE ? String(det.CAE).trim() : "";
  return {
    result: resultCode,
    cae: cae || null,
    caeDueDate: det?.CAEFchVto ? String(det.CAEFchVto) : null,
    number: Number(det?.CbteDesde ?? req.number),
    observations: messages(det?.Observaciones, "Obs"),
    errors: messages(r?.Errors, "Err"),
    events: messages(r?.Events, "Evt"),
  };
}

// What ARCA has under a number: the reconciliation after a request whose answer never came (602 = nothing there).
export async function queryVoucher(a: WsfeAuth, input: { pointOfSale: number; voucherType: number; number: number }, options: SoapCallOptions): Promise<VoucherQuery> {
  const result = await soapCall<{ FECompConsultarResult?: Record<string, unknown> }>(
    "wsfe", "FECompConsultar", { Auth: auth(a), FeCompConsReq: { CbteTipo: input.voucherType, CbteNro: input.number, PtoVta: input.pointOfSale } }, options,
  );
  const r = result.FECompConsultarResult;
  const get = r?.ResultGet as Record<string, unknown> | undefined;
  const errors = messages(r?.Errors, "Err");
  if (!get) {
    if (errors.some((e) => e.code === 602)) return { found: false, result: null, cae: null, caeDueDate: null, date: null, docType: null, docNumber: null, totalCents: null, errors };
    throwIfOnlyErrors("FECompConsultar", r, false);
    return { found: false, result: null, cae: null, caeDueDate: null, date: null, docType: null, docNumber: null, totalCents: null, errors };
  }
  return {
    found: true,
    result: get.Resultado ? String(get.Resultado) : null,
    cae: get.CodAutorizacion ? String(get.CodAutorizacion) : null,
    caeDueDate: get.FchVto ? String(get.FchVto) : null,
    date: get.CbteFch ? String(get.CbteFch) : null,
    docType: get.DocTipo === undefined ? null : Number(get.DocTipo),
    docNumber: get.DocNro === undefined ? null : String(get.DocNro),
    totalCents: get.ImpTotal === undefined ? null : cents(get.ImpTotal),
    errors,
  };
}

export type PointOfSale = { number: number; emissionType: string; blocked: boolean; closedOn: string | null };

export async function pointsOfSale(a: WsfeAuth, options: SoapCallOptions): Promise<PointOfSale[]> {
  const result = await soapCall<{ FEParamGetPtosVentaResult?: Record<string, unknown> }>("wsfe", "FEParamGetPtosVenta", { Auth: auth(a) }, options);
  const r = result.FEParamGetPtosVentaResult;
  const items = list<Record<string, unknown>>(r?.ResultGet, "PtoVenta");
  // "Sin resultados" (602) is an empty list, not a failure.
  if (!items.length && !messages(r?.Errors, "Err").some((e) => e.code === 602)) throwIfOnlyErrors("FEParamGetPtosVenta", r, false);
  return items.map((p) => ({
    number: Number(p.Nro),
    emissionType: String(p.EmisionTipo ?? ""),
    blocked: String(p.Bloqueado ?? "N") === "S",
    closedOn: p.FchBaja && String(p.FchBaja) !== "NULL" ? String(p.FchBaja) : null,
  }));
}

export async function ivaReceptorConditions(a: WsfeAuth, voucherClass: string | undefined, options: SoapCallOptions): Promise<{ id: number; description: string; classes: string }[]> {
  const result = await soapCall<{ FEParamGetCondicionIvaReceptorResult?: Record<string, unknown> }>(
    "wsfe", "FEParamGetCondicionIvaReceptor", { Auth: auth(a), ...(voucherClass ? { ClaseCmp: voucherClass } : {}) }, options,
  );
  const r = result.FEParamGetCondicionIvaReceptorResult;
  const items = list<Record<string, unknown>>(r?.ResultGet, "CondicionIvaReceptor");
  if (!items.length) throwIfOnlyErrors("FEParamGetCondicionIvaReceptor", r, false);
  return items.map((c) => ({ id: Number(c.Id), description: String(c.Desc ?? ""), classes: String(c.Cmp_Clase ?? "") }));
}

export async function paramList(
  a: WsfeAuth,
  method: "FEParamGetTiposCbte" | "FEParamGetTiposIva" | "FEParamGetTiposDoc",
  options: SoapCallOptions,
): Promise<{ id: string; description: string }[]> {
  const item = { FEParamGetTiposCbte: "CbteTipo", FEParamGetTiposIva: "IvaTipo", FEParamGetTiposDoc: "DocTipo" }[method];
  const result = await soapCall<Record<string, Record<string, unknown> | undefined>>("wsfe", method, { Auth: auth(a) }, options);
  const r = result[`${method}Result`];
  const items = list<Record<string, unknown>>(r?.ResultGet, item);
  if (!items.length) throwIfOnlyErrors(method, r, false);
  return items.map((t) => ({ id: String(t.Id), description: String(t.Desc ?? "") }));
}
