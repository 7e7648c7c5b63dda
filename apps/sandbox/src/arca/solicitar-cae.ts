import { arYmdHms, dayToYmd, ymdToDay } from "./arca-time.ts";
import { commitInvoice, newCae } from "./numbering.ts";
import type { CaeRequest } from "./read-cae-request.ts";
import type { ArcaFault, ArcaState, Obs } from "./state.ts";
import type { Taxpayer } from "./taxpayers.ts";
import { validateCaeDetail } from "./validate-cae-detail.ts";
import { validateCaeHeader } from "./validate-cae-header.ts";
import { errorsNode, observacionesNode, xml, type XNode } from "./wsfe-xml.ts";

// FECAESolicitar's decision for an authenticated issuer, inside its (CUIT, PtoVta, CbteTipo) transaction: validate,
// then either store the comprobante with a fresh CAE or reject it. Returns the FECAESolicitarResult body.

export type CaeOutcome = { resultXml: string; approved: boolean };

const CAE_VALID_DAYS = 10;

export function solicitarCae(input: {
  arca: ArcaState;
  taxpayer: Taxpayer;
  request: CaeRequest;
  now: number;
  /** The next matching `reject` fault, taken only when a record reaches validation. */
  takeReject: () => ArcaFault | undefined;
}): CaeOutcome {
  const { arca, taxpayer, request, now } = input;
  const fchProceso = arYmdHms(now);
  const cab = (resultado: "A" | "R"): XNode => [
    "FeCabResp",
    [
      ["Cuit", Number(taxpayer.cuit)],
      ["PtoVta", request.ptoVta],
      ["CbteTipo", request.cbteTipo],
      ["FchProceso", fchProceso],
      ["CantReg", request.cantReg],
      ["Resultado", resultado],
      ["Reproceso", "N"],
    ],
  ];

  const headerErrors = validateCaeHeader(request, taxpayer);
  const detail = request.details[0];
  if (headerErrors.length > 0 || !detail) return { resultXml: xml([cab("R"), errorsNode(headerErrors)]), approved: false };

  const verdict = validateCaeDetail({ arca, taxpayer, ptoVta: request.ptoVta, cbteTipo: request.cbteTipo, detail, now });
  const injected = input.takeReject();
  const rejections: Obs[] = [...verdict.rejections, ...(injected?.codes ?? []).map((code) => ({ code, msg: injectedMessage(code) }))];
  const approved = rejections.length === 0 && verdict.errors.length === 0 && verdict.validCbteFch !== undefined;

  let cae = "";
  let caeFchVto = "";
  let observaciones: Obs[] = rejections;
  if (approved) {
    const cbteFch = verdict.validCbteFch as string;
    cae = newCae(arca);
    caeFchVto = dayToYmd((ymdToDay(cbteFch) as number) + CAE_VALID_DAYS);
    observaciones = verdict.notes;
    for (const credit of verdict.credits) credit.invoice.creditedCents += credit.cents;
    commitInvoice(arca, {
      cuit: taxpayer.cuit,
      ptoVta: request.ptoVta,
      cbteTipo: request.cbteTipo,
      cbteNro: detail.cbteDesde,
      detail: { ...detail, cbteFch },
      cae,
      caeFchVto,
      fchProceso,
      observaciones,
      creditedCents: 0,
      authorizedAt: new Date(now).toISOString(),
    });
  }

  const det: XNode = [
    "FECAEDetResponse",
    [
      ["Concepto", detail.concepto],
      ["DocTipo", detail.docTipo],
      ["DocNro", detail.docNro],
      ["CbteDesde", detail.cbteDesde],
      ["CbteHasta", detail.cbteHasta],
      ["CbteFch", verdict.cbteFch],
      ["Resultado", approved ? "A" : "R"],
      observacionesNode(observaciones),
      ["CAE", cae],
      ["CAEFchVto", caeFchVto],
    ],
  ];
  return { resultXml: xml([cab(approved ? "A" : "R"), ["FeDetResp", [det]], errorsNode(verdict.errors)]), approved };
}

const KNOWN_MESSAGES: Record<number, string> = {
  10016: "El numero o fecha del comprobante no se corresponde con el proximo a autorizar. Consultar metodo FECompUltimoAutorizado.",
  10015: "El DocNro informado no se encuentra registrado en el padron de ARCA.",
  10017: "El DocNro informado no se encuentra activo en el padron de ARCA.",
  10063: "El receptor no se encuentra activo en IVA ni en el Regimen Simplificado (Monotributo).",
  10192: "Por su categorizacion y el monto de la operacion, el comprobante debio emitirse como Factura de Credito Electronica MiPyMEs (FCE).",
};

function injectedMessage(code: number): string {
  return KNOWN_MESSAGES[code] ?? `Rechazo simulado por el sandbox (codigo ${code}).`;
}
