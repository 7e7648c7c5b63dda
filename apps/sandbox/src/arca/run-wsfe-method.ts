import type { SandboxState } from "../state.ts";
import { arcaNow } from "./arca-time.ts";
import { authenticate, readAuth, taxpayerOrError } from "./wsfe-auth.ts";
import type { WsfeMethod } from "./wsfe-methods.ts";
import { CATALOG_METHODS, catalogResult, condicionIvaReceptorResult, feDummyResult, ptosVentaResult, totXRequestResult } from "./wsfe-params.ts";
import { compConsultarResult, ultimoAutorizadoResult } from "./wsfe-queries.ts";
import { readInt, readLong, readString } from "./wsfe-read.ts";
import { errorResult } from "./wsfe-xml.ts";
import { child, type XmlElement } from "./xml-tree.ts";

// Every WSFEv1 method but FECAESolicitar: deserialize (a WsfeFormatError escapes to the route), authenticate, and
// return the method's Result body.

export function runWsfeMethod(state: SandboxState, method: Exclude<WsfeMethod, "FECAESolicitar">, op: XmlElement): string {
  if (method === "FEDummy") return feDummyResult();
  const auth = readAuth(op);
  const input = readInput(method, op);
  const who = authenticate(state.arca, auth, arcaNow(state));
  if (!who.ok) return errorResult(method, who.errors);
  const catalog = CATALOG_METHODS[method];
  if (catalog) return catalogResult(catalog.rowName, catalog.rows);
  if (method === "FECompTotXRequest") return totXRequestResult();
  if (method === "FEParamGetCondicionIvaReceptor") return condicionIvaReceptorResult(input.claseCmp);
  const arca = state.arca;
  const taxpayer = taxpayerOrError(arca, who.cuit);
  if (!taxpayer.ok) return errorResult(method, taxpayer.errors);
  if (method === "FEParamGetPtosVenta") return ptosVentaResult(taxpayer.taxpayer);
  if (method === "FECompUltimoAutorizado") return ultimoAutorizadoResult(arca, taxpayer.taxpayer, input.ptoVta, input.cbteTipo);
  return compConsultarResult(arca, who.cuit, input.cbteTipo, input.cbteNro, input.ptoVta);
}

function readInput(method: WsfeMethod, op: XmlElement): { ptoVta: number; cbteTipo: number; cbteNro: number; claseCmp?: string } {
  if (method === "FECompUltimoAutorizado") return { ptoVta: readInt(op, "PtoVta"), cbteTipo: readInt(op, "CbteTipo"), cbteNro: 0 };
  if (method === "FECompConsultar") {
    const req = child(op, "FeCompConsReq");
    return { cbteTipo: readInt(req, "CbteTipo"), cbteNro: readLong(req, "CbteNro"), ptoVta: readInt(req, "PtoVta") };
  }
  const claseCmp = readString(op, "ClaseCmp");
  return { ptoVta: 0, cbteTipo: 0, cbteNro: 0, ...(claseCmp !== undefined ? { claseCmp } : {}) };
}
