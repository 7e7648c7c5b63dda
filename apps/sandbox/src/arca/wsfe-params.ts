import { CBTE_TIPOS, CONCEPTOS, CONDICIONES_IVA_RECEPTOR, DOC_TIPOS, IVA_TIPOS, MONEDAS, TRIBUTOS, type CatalogRow } from "./catalogs.ts";
import type { Taxpayer } from "./taxpayers.ts";
import { errorsNode, xml, type XNode } from "./wsfe-xml.ts";

// Result bodies of WSFEv1's health check and parameter methods (auth already checked by the route).

export function feDummyResult(): string {
  return xml([
    ["AppServer", "OK"],
    ["DbServer", "OK"],
    ["AuthServer", "OK"],
  ]);
}

export function catalogResult(rowName: string, rows: CatalogRow[]): string {
  return xml([
    [
      "ResultGet",
      rows.map(
        (r): XNode => [
          rowName,
          [
            ["Id", r.id],
            ["Desc", r.desc],
            ["FchDesde", r.fchDesde],
            ["FchHasta", "NULL"],
          ],
        ],
      ),
    ],
  ]);
}

export const CATALOG_METHODS: Record<string, { rowName: string; rows: CatalogRow[] }> = {
  FEParamGetTiposCbte: { rowName: "CbteTipo", rows: CBTE_TIPOS },
  FEParamGetTiposIva: { rowName: "IvaTipo", rows: IVA_TIPOS },
  FEParamGetTiposDoc: { rowName: "DocTipo", rows: DOC_TIPOS },
  FEParamGetTiposConcepto: { rowName: "ConceptoTipo", rows: CONCEPTOS },
  FEParamGetTiposMonedas: { rowName: "Moneda", rows: MONEDAS },
  FEParamGetTiposTributos: { rowName: "TributoTipo", rows: TRIBUTOS },
};

const EMISION_TIPO = { RECE: "CAE - RECE", CAEA: "CAEA - RECE", OTHER: "Factura en Linea" } as const;

export function ptosVentaResult(taxpayer: Taxpayer): string {
  if (taxpayer.pointsOfSale.length === 0) {
    return xml([errorsNode([{ code: 602, msg: "No existen datos en nuestros registros para los parametros ingresados." }])]);
  }
  return xml([
    [
      "ResultGet",
      taxpayer.pointsOfSale.map(
        (p): XNode => [
          "PtoVenta",
          [
            ["Nro", p.number],
            ["EmisionTipo", EMISION_TIPO[p.type]],
            ["Bloqueado", "N"],
            ["FchBaja", "NULL"],
          ],
        ],
      ),
    ],
  ]);
}

const CLASES = ["A", "ALEY", "B", "C", "49"];

/** Without ClaseCmp: one row per condition, its classes joined with "/"; with it, the conditions valid for that class. */
export function condicionIvaReceptorResult(claseCmp: string | undefined): string {
  const clase = claseCmp?.trim() ?? "";
  if (clase !== "" && !CLASES.includes(clase)) {
    return xml([errorsNode([{ code: 10244, msg: "El campo ClaseCmp no es valido. Valores posibles: A, ALEY, B, C, 49." }])]);
  }
  const rows = CONDICIONES_IVA_RECEPTOR.filter((c) => clase === "" || c.classes.includes(clase));
  return xml([
    [
      "ResultGet",
      rows.map(
        (c): XNode => [
          "CondicionIvaReceptor",
          [
            ["Id", c.id],
            ["Desc", c.desc],
            ["Cmp_Clase", clase === "" ? c.classes.join("/") : clase],
          ],
        ],
      ),
    ],
  ]);
}

/** Homologación's RegXReq (the sandbox itself takes one comprobante per FECAESolicitar). */
export function totXRequestResult(): string {
  return xml([["RegXReq", 250]]);
}
