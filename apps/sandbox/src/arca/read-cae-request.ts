import { readDouble, readInt, readLong, readOptionalDouble, readOptionalInt, readShort, readString } from "./wsfe-read.ts";
import { child, childrenNamed, type XmlElement } from "./xml-tree.ts";

// FECAESolicitar's request as typed data (WSDL FECAERequest / FECAEDetRequest), read before any business rule.

export type CbteAsoc = { tipo: number; ptoVta: number; nro: number; cuit?: string; cbteFch?: string };
export type Tributo = { id: number; desc?: string; baseImp: number; alic: number; importe: number };
export type AlicIva = { id: number; baseImp: number; importe: number };
export type Opcional = { id?: string; valor?: string };
export type Comprador = { docTipo: number; docNro: number; porcentaje: number };

export type CaeDetail = {
  concepto: number;
  docTipo: number;
  docNro: number;
  cbteDesde: number;
  cbteHasta: number;
  cbteFch?: string;
  impTotal: number;
  impTotConc: number;
  impNeto: number;
  impOpEx: number;
  impTrib: number;
  impIva: number;
  fchServDesde?: string;
  fchServHasta?: string;
  fchVtoPago?: string;
  monId?: string;
  monCotiz?: number;
  canMisMonExt?: string;
  condicionIvaReceptorId?: number;
  /** undefined: element not sent; []: sent empty. */
  cbtesAsoc?: CbteAsoc[];
  tributos?: Tributo[];
  iva?: AlicIva[];
  opcionales?: Opcional[];
  compradores?: Comprador[];
  periodoAsoc?: { fchDesde?: string; fchHasta?: string };
  actividades?: { id: number }[];
};

export type CaeRequest = { cantReg: number; ptoVta: number; cbteTipo: number; details: CaeDetail[] };

function list<T>(parent: XmlElement, container: string, item: string, read: (el: XmlElement) => T): T[] | undefined {
  const el = child(parent, container);
  return el ? childrenNamed(el, item).map(read) : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readDetail(el: XmlElement): CaeDetail {
  const periodo = child(el, "PeriodoAsoc");
  return {
    concepto: readInt(el, "Concepto"),
    docTipo: readInt(el, "DocTipo"),
    docNro: readLong(el, "DocNro"),
    cbteDesde: readLong(el, "CbteDesde"),
    cbteHasta: readLong(el, "CbteHasta"),
    ...optional("cbteFch", readString(el, "CbteFch")),
    impTotal: readDouble(el, "ImpTotal"),
    impTotConc: readDouble(el, "ImpTotConc"),
    impNeto: readDouble(el, "ImpNeto"),
    impOpEx: readDouble(el, "ImpOpEx"),
    impTrib: readDouble(el, "ImpTrib"),
    impIva: readDouble(el, "ImpIVA"),
    ...optional("fchServDesde", readString(el, "FchServDesde")),
    ...optional("fchServHasta", readString(el, "FchServHasta")),
    ...optional("fchVtoPago", readString(el, "FchVtoPago")),
    ...optional("monId", readString(el, "MonId")),
    ...optional("monCotiz", readOptionalDouble(el, "MonCotiz")),
    ...optional("canMisMonExt", readString(el, "CanMisMonExt")),
    ...optional("condicionIvaReceptorId", readOptionalInt(el, "CondicionIVAReceptorId")),
    ...optional(
      "cbtesAsoc",
      list(el, "CbtesAsoc", "CbteAsoc", (a) => ({
        tipo: readInt(a, "Tipo"),
        ptoVta: readInt(a, "PtoVta"),
        nro: readLong(a, "Nro"),
        ...optional("cuit", readString(a, "Cuit")),
        ...optional("cbteFch", readString(a, "CbteFch")),
      })),
    ),
    ...optional(
      "tributos",
      list(el, "Tributos", "Tributo", (t) => ({
        id: readShort(t, "Id"),
        ...optional("desc", readString(t, "Desc")),
        baseImp: readDouble(t, "BaseImp"),
        alic: readDouble(t, "Alic"),
        importe: readDouble(t, "Importe"),
      })),
    ),
    ...optional("iva", list(el, "Iva", "AlicIva", (a) => ({ id: readInt(a, "Id"), baseImp: readDouble(a, "BaseImp"), importe: readDouble(a, "Importe") }))),
    ...optional("opcionales", list(el, "Opcionales", "Opcional", (o) => ({ ...optional("id", readString(o, "Id")), ...optional("valor", readString(o, "Valor")) }))),
    ...optional(
      "compradores",
      list(el, "Compradores", "Comprador", (c) => ({ docTipo: readInt(c, "DocTipo"), docNro: readLong(c, "DocNro"), porcentaje: readDouble(c, "Porcentaje") })),
    ),
    ...optional("periodoAsoc", periodo ? { ...optional("fchDesde", readString(periodo, "FchDesde")), ...optional("fchHasta", readString(periodo, "FchHasta")) } : undefined),
    ...optional("actividades", list(el, "Actividades", "Actividad", (a) => ({ id: readLong(a, "Id") }))),
  };
}

export function readCaeRequest(operation: XmlElement): CaeRequest {
  const req = child(operation, "FeCAEReq");
  const cab = child(req, "FeCabReq");
  return {
    cantReg: readInt(cab, "CantReg"),
    ptoVta: readInt(cab, "PtoVta"),
    cbteTipo: readInt(cab, "CbteTipo"),
    details: childrenNamed(child(req, "FeDetReq"), "FECAEDetRequest").map(readDetail),
  };
}
