// WSFEv1 operations: the ones the sandbox answers, and the rest of the WSDL's, which get a clear "not emulated" fault
// instead of ASMX's unknown-SOAPAction fault (their SOAPAction is real).

export const WSFE_METHODS = [
  "FEDummy",
  "FEParamGetTiposCbte",
  "FEParamGetTiposIva",
  "FEParamGetTiposDoc",
  "FEParamGetTiposConcepto",
  "FEParamGetTiposMonedas",
  "FEParamGetTiposTributos",
  "FEParamGetPtosVenta",
  "FEParamGetCondicionIvaReceptor",
  "FECompTotXRequest",
  "FECompUltimoAutorizado",
  "FECAESolicitar",
  "FECompConsultar",
] as const;

export type WsfeMethod = (typeof WSFE_METHODS)[number];

export const WSFE_NOT_EMULATED = [
  "FECAEARegInformativo",
  "FECAEASolicitar",
  "FECAEASinMovimientoConsultar",
  "FECAEASinMovimientoInformar",
  "FECAEAConsultar",
  "FEParamGetCotizacion",
  "FEParamGetTiposOpcional",
  "FEParamGetTiposPaises",
  "FEParamGetActividades",
] as const;

export function isWsfeMethod(name: string): name is WsfeMethod {
  return (WSFE_METHODS as readonly string[]).includes(name);
}

export const WSAA_METHOD = "loginCms";
