import { arToday, arYmd, dayToYmd, ymdToDay } from "./arca-time.ts";
import { classOf, CONDICIONES_IVA_RECEPTOR, DOC_TIPOS, MONEDAS, type CbteClass } from "./catalogs.ts";
import { isValidCuit } from "./cuit.ts";
import { lastAuthorized } from "./numbering.ts";
import type { CaeDetail } from "./read-cae-request.ts";
import type { ArcaState, Obs, StoredInvoice } from "./state.ts";
import type { Taxpayer } from "./taxpayers.ts";
import { checkAmounts, checkPrecision, type Reject } from "./validate-cae-amounts.ts";
import { checkAssociations } from "./validate-cae-associations.ts";

// FECAESolicitar's rules for one comprobante (manual v4.x, ARGENTINA.md §2.4–2.5): its problems reject it with
// Observaciones, except numbering (10016), which goes to Errors with the record marked R, as homologación answers a
// resent comprobante. Amounts and associations live in their own files.

export const MSG_10016 = "El numero o fecha del comprobante no se corresponde con el proximo a autorizar. Consultar metodo FECompUltimoAutorizado.";
export const MSG_10217 =
  "El credito fiscal discriminado en el presente comprobante solo podra ser computado a efectos del Regimen de Sostenimiento e Inclusion Fiscal para Pequeños Contribuyentes de la Ley Nº 27.618";

/** RG 5700/2025: a consumidor final must be identified from this total on (ARGENTINA.md §7.4). */
const IDENTIFY_RECEIVER_FROM_CENTS = 10_000_000 * 100;

export type DetailVerdict = {
  /** Request-level Errors the record causes (numbering). */
  errors: Obs[];
  /** Rejecting observations. */
  rejections: Obs[];
  /** Non-blocking observations returned with the CAE. */
  notes: Obs[];
  /** CbteFch to echo: the one sent, or the processing date when omitted. */
  cbteFch: string;
  /** Valid yyyymmdd CbteFch when there is one. */
  validCbteFch?: string;
  /** Cents each associated comprobante is credited if this credit note is approved. */
  credits: { invoice: StoredInvoice; cents: number }[];
};

export type DetailInput = { arca: ArcaState; taxpayer: Taxpayer; ptoVta: number; cbteTipo: number; detail: CaeDetail; now: number };

export function validateCaeDetail(input: DetailInput): DetailVerdict {
  const { detail: d, cbteTipo } = input;
  const cls = classOf(cbteTipo) as CbteClass;
  const verdict: DetailVerdict = { errors: [], rejections: [], notes: [], cbteFch: d.cbteFch || arYmd(input.now), credits: [] };
  const reject = (code: number, msg: string): void => {
    verdict.rejections.push({ code, msg });
  };

  if (![1, 2, 3].includes(d.concepto)) {
    reject(10030, "El campo Concepto debe ser 1 (Productos), 2 (Servicios) o 3 (Productos y Servicios). Consultar metodo FEParamGetTiposConcepto.");
  }
  checkReceiver(input, cls, reject);
  const cbteDay = checkNumberingAndDates(input, verdict, reject);
  checkServiceDates(d, cbteDay, reject);
  checkCurrency(d, reject);
  if (checkPrecision(d, reject)) checkAmounts(d, cls, reject);
  checkCondicionIva(d, cls, reject);
  checkAssociations(input, verdict, cbteDay, reject);

  if (verdict.rejections.length === 0 && verdict.errors.length === 0 && cls === "A" && [6, 13, 16].includes(d.condicionIvaReceptorId ?? 0)) {
    verdict.notes.push({ code: 10217, msg: MSG_10217 });
  }
  return verdict;
}

function checkReceiver(input: DetailInput, cls: CbteClass, reject: Reject): void {
  const d = input.detail;
  if (cls === "A" && d.docTipo !== 80) reject(10013, "Para comprobantes clase A el campo DocTipo debe ser 80 (CUIT).");
  if (!DOC_TIPOS.some((t) => t.id === d.docTipo)) reject(10015, "El campo DocTipo no es valido. Consultar metodo FEParamGetTiposDoc.");
  else if (d.docTipo === 99 && d.docNro !== 0) reject(10015, "Si DocTipo es 99 (Doc. Otro), DocNro debe ser 0.");
  else if (d.docTipo !== 99 && d.docNro <= 0) reject(10015, "Si DocTipo no es 99, DocNro debe ser mayor a 0.");
  else if ((d.docTipo === 80 || d.docTipo === 86) && !isValidCuit(d.docNro)) {
    reject(10015, `El DocNro ${d.docNro} no es una ${d.docTipo === 80 ? "CUIT" : "CUIL"} valida (11 digitos con digito verificador correcto).`);
  }
  if (String(d.docNro) === input.taxpayer.cuit) reject(10069, "El numero de documento del receptor no puede ser igual a la CUIT emisora.");
  if (cls === "B" && d.docTipo === 99 && Math.round(d.impTotal * 100) >= IDENTIFY_RECEIVER_FROM_CENTS) {
    reject(10015, "Para comprobantes clase B con ImpTotal igual o superior a $10.000.000 hay que identificar al receptor (DocTipo distinto de 99).");
  }
}

/** Returns CbteFch as a day number when it is a valid date. */
function checkNumberingAndDates(input: DetailInput, verdict: DetailVerdict, reject: Reject): number | undefined {
  const { arca, taxpayer, ptoVta, cbteTipo, detail: d, now } = input;
  const last = lastAuthorized(arca, taxpayer.cuit, ptoVta, cbteTipo);
  if (d.cbteDesde !== last.last + 1) verdict.errors.push({ code: 10016, msg: MSG_10016 });
  if (d.cbteHasta !== d.cbteDesde) reject(10012, "El campo CbteHasta debe ser igual a CbteDesde (un comprobante por registro).");

  const day = ymdToDay(verdict.cbteFch);
  if (day === undefined) {
    reject(10016, "El campo CbteFch debe tener formato yyyymmdd y ser una fecha valida.");
    return undefined;
  }
  verdict.validCbteFch = verdict.cbteFch;
  const today = arToday(now);
  const span = d.concepto === 1 ? 5 : 10;
  if (Math.abs(day - today) > span) {
    const concepto = d.concepto === 1 ? "1 - Productos" : d.concepto === 3 ? "3 - Productos y Servicios" : "2 - Servicios";
    reject(10016, `Campo CbteFch Debe estar comprendido  en el  rango  N-${span} y N+${span} siendo N la fecha de envio del pedido  de autorizacion para ${concepto}`);
  } else if (d.concepto === 1 && day > today && dayToYmd(day).slice(0, 6) !== dayToYmd(today).slice(0, 6)) {
    reject(10152, "Si CbteFch es posterior a la fecha de envio, para Concepto 1 debe pertenecer al mismo mes de presentacion.");
  }
  if (last.lastDate !== undefined && verdict.cbteFch < last.lastDate) {
    reject(10016, `${MSG_10016.slice(0, -1)}: la fecha ${verdict.cbteFch} es anterior a la del ultimo comprobante autorizado (${last.lastDate}).`);
  }
  return day;
}

function checkServiceDates(d: CaeDetail, cbteDay: number | undefined, reject: Reject): void {
  if (d.concepto !== 2 && d.concepto !== 3) return;
  const desde = ymdToDay(d.fchServDesde ?? "");
  const hasta = ymdToDay(d.fchServHasta ?? "");
  const vto = ymdToDay(d.fchVtoPago ?? "");
  if (desde === undefined || hasta === undefined || vto === undefined) {
    reject(10049, "Si Concepto es 2 o 3, los campos FchServDesde, FchServHasta y FchVtoPago son obligatorios, con formato yyyymmdd.");
    return;
  }
  if (hasta < desde) reject(10032, "El campo FchServHasta no puede ser anterior a FchServDesde.");
  if (cbteDay !== undefined && vto < cbteDay) reject(10036, "El campo FchVtoPago no puede ser anterior a la fecha del comprobante (CbteFch).");
}

function checkCurrency(d: CaeDetail, reject: Reject): void {
  const monId = d.monId?.trim() ?? "";
  if (monId !== "PES") {
    reject(
      10037,
      MONEDAS.some((m) => m.id === monId)
        ? `El sandbox de CampoTech solo emula comprobantes en pesos: MonId debe ser PES (se informo ${monId}).`
        : "El campo MonId no es valido. Consultar metodo FEParamGetTiposMonedas.",
    );
    return;
  }
  if (d.monCotiz !== 1) reject(10039, "Si MonId es PES, el campo MonCotiz es obligatorio y debe ser 1.");
  if (d.canMisMonExt !== undefined && d.canMisMonExt.trim() !== "N") reject(10241, "Si MonId es PES, el campo CanMisMonExt debe omitirse o ser N.");
}

function checkCondicionIva(d: CaeDetail, cls: CbteClass, reject: Reject): void {
  const id = d.condicionIvaReceptorId;
  if (id === undefined) {
    reject(10246, "Campo Condicion Frente al IVA del receptor es obligatorio conforme a lo reglamentado por la Resolucion General N° 5616.");
    return;
  }
  const condicion = CONDICIONES_IVA_RECEPTOR.find((c) => c.id === id);
  if (!condicion) {
    reject(10242, "El campo Condicion IVA receptor no es un valor valido. Consultar metodo FEParamGetCondicionIvaReceptor");
    return;
  }
  if (!condicion.classes.includes(cls)) {
    reject(
      10243,
      `El campo Condicion IVA receptor (${id} - ${condicion.desc}) no es valido para comprobantes clase ${cls}. Consultar metodo FEParamGetCondicionIvaReceptor`,
    );
  }
}

