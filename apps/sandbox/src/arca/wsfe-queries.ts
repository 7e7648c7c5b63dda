import { CBTE_TIPOS } from "./catalogs.ts";
import { findInvoice, lastAuthorized } from "./numbering.ts";
import type { CaeDetail } from "./read-cae-request.ts";
import type { ArcaState, StoredInvoice } from "./state.ts";
import type { Taxpayer } from "./taxpayers.ts";
import { errorResult, errorsNode, observacionesNode, xml, type XNode } from "./wsfe-xml.ts";

// FECompUltimoAutorizado and FECompConsultar: what a client reads to number its next comprobante and to reconcile
// after a timeout.

export function ultimoAutorizadoResult(arca: ArcaState, taxpayer: Taxpayer, ptoVta: number, cbteTipo: number): string {
  if (ptoVta < 1 || ptoVta > 99998) return errorResult("FECompUltimoAutorizado", [{ code: 11000, msg: "El campo PtoVta debe estar comprendido entre 1 y 99998." }]);
  if (!CBTE_TIPOS.some((t) => t.id === cbteTipo)) {
    return errorResult("FECompUltimoAutorizado", [{ code: 11001, msg: "El campo CbteTipo no es valido. Consultar metodo FEParamGetTiposCbte." }]);
  }
  if (!taxpayer.pointsOfSale.some((p) => p.number === ptoVta && p.type !== "OTHER")) {
    return errorResult("FECompUltimoAutorizado", [{ code: 11002, msg: "El punto de venta no se encuentra habilitado a usar el presente WS. Consultar metodo FEParamGetPtosVenta." }]);
  }
  return xml([
    ["PtoVta", ptoVta],
    ["CbteTipo", cbteTipo],
    ["CbteNro", lastAuthorized(arca, taxpayer.cuit, ptoVta, cbteTipo).last],
  ]);
}

export function compConsultarResult(arca: ArcaState, cuit: string, cbteTipo: number, cbteNro: number, ptoVta: number): string {
  const invoice = findInvoice(arca, cuit, ptoVta, cbteTipo, cbteNro);
  if (!invoice) return xml([errorsNode([{ code: 602, msg: "No existen datos en nuestros registros para los parametros ingresados." }])]);
  return xml([["ResultGet", consultaNodes(invoice)]]);
}

/** FECompConsResponse extends FECAEDetRequest: every request field in schema order, then the authorization. */
function consultaNodes(invoice: StoredInvoice): XNode[] {
  return [
    ...detailNodes(invoice.detail),
    ["Resultado", "A"],
    ["CodAutorizacion", invoice.cae],
    ["EmisionTipo", "CAE"],
    ["FchVto", invoice.caeFchVto],
    ["FchProceso", invoice.fchProceso],
    observacionesNode(invoice.observaciones),
    ["PtoVta", invoice.ptoVta],
    ["CbteTipo", invoice.cbteTipo],
  ];
}

function detailNodes(d: CaeDetail & { cbteFch: string }): XNode[] {
  return [
    ["Concepto", d.concepto],
    ["DocTipo", d.docTipo],
    ["DocNro", d.docNro],
    ["CbteDesde", d.cbteDesde],
    ["CbteHasta", d.cbteHasta],
    ["CbteFch", d.cbteFch],
    ["ImpTotal", d.impTotal],
    ["ImpTotConc", d.impTotConc],
    ["ImpNeto", d.impNeto],
    ["ImpOpEx", d.impOpEx],
    ["ImpTrib", d.impTrib],
    ["ImpIVA", d.impIva],
    // Never sent (Concepto 1) comes back empty, as ARCA does.
    ["FchServDesde", d.fchServDesde ?? ""],
    ["FchServHasta", d.fchServHasta ?? ""],
    ["FchVtoPago", d.fchVtoPago ?? ""],
    ["MonId", d.monId],
    ["MonCotiz", d.monCotiz],
    ["CanMisMonExt", d.canMisMonExt],
    ["CondicionIVAReceptorId", d.condicionIvaReceptorId],
    [
      "CbtesAsoc",
      d.cbtesAsoc?.map(
        (a): XNode => [
          "CbteAsoc",
          [
            ["Tipo", a.tipo],
            ["PtoVta", a.ptoVta],
            ["Nro", a.nro],
            ["Cuit", a.cuit],
            ["CbteFch", a.cbteFch],
          ],
        ],
      ),
    ],
    [
      "Tributos",
      d.tributos?.map(
        (t): XNode => [
          "Tributo",
          [
            ["Id", t.id],
            ["Desc", t.desc],
            ["BaseImp", t.baseImp],
            ["Alic", t.alic],
            ["Importe", t.importe],
          ],
        ],
      ),
    ],
    [
      "Iva",
      d.iva?.map(
        (a): XNode => [
          "AlicIva",
          [
            ["Id", a.id],
            ["BaseImp", a.baseImp],
            ["Importe", a.importe],
          ],
        ],
      ),
    ],
    [
      "Opcionales",
      d.opcionales?.map(
        (o): XNode => [
          "Opcional",
          [
            ["Id", o.id],
            ["Valor", o.valor],
          ],
        ],
      ),
    ],
    [
      "Compradores",
      d.compradores?.map(
        (c): XNode => [
          "Comprador",
          [
            ["DocTipo", c.docTipo],
            ["DocNro", c.docNro],
            ["Porcentaje", c.porcentaje],
          ],
        ],
      ),
    ],
    [
      "PeriodoAsoc",
      d.periodoAsoc
        ? [
            ["FchDesde", d.periodoAsoc.fchDesde],
            ["FchHasta", d.periodoAsoc.fchHasta],
          ]
        : undefined,
    ],
    ["Actividades", d.actividades?.map((a): XNode => ["Actividad", [["Id", a.id]]])],
  ];
}
