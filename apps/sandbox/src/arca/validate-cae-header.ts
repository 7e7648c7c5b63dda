import { CBTE_TIPOS, classOf } from "./catalogs.ts";
import type { CaeRequest } from "./read-cae-request.ts";
import type { Obs } from "./state.ts";
import { allowedCbteTipos, type Taxpayer } from "./taxpayers.ts";

// FECAESolicitar's header (FeCabReq) and issuer checks: any failure rejects the whole request through Errors.

export function validateCaeHeader(req: CaeRequest, taxpayer: Taxpayer): Obs[] {
  const errors: Obs[] = [];
  if (req.cantReg < 1 || req.cantReg > 9998) errors.push({ code: 10001, msg: "El campo CantReg debe estar comprendido entre 1 y 9998." });
  else if (req.cantReg !== req.details.length) {
    errors.push({ code: 10002, msg: "La cantidad de registros informada en CantReg no coincide con la cantidad de comprobantes del detalle (FECAEDetRequest)." });
  } else if (req.cantReg !== 1) errors.push({ code: 10001, msg: "El sandbox de CampoTech autoriza un comprobante por pedido: CantReg debe ser 1." });
  if (req.ptoVta < 1 || req.ptoVta > 99998) errors.push({ code: 10004, msg: "El campo PtoVta debe estar comprendido entre 1 y 99998." });
  else if (!taxpayer.pointsOfSale.some((p) => p.number === req.ptoVta && p.type === "RECE")) {
    errors.push({
      code: 10005,
      msg: `El punto de venta ${req.ptoVta} no se encuentra habilitado a usar el presente WS: tiene que estar dado de alta y ser del tipo RECE. Consultar metodo FEParamGetPtosVenta.`,
    });
  }
  if (!CBTE_TIPOS.some((t) => t.id === req.cbteTipo)) errors.push({ code: 10007, msg: "El campo CbteTipo no es valido. Consultar metodo FEParamGetTiposCbte." });
  else if (!allowedCbteTipos(taxpayer.ivaCondition).includes(req.cbteTipo)) errors.push({ code: 10000, msg: notAllowedMessage(taxpayer, req.cbteTipo) });
  return errors;
}

function notAllowedMessage(taxpayer: Taxpayer, cbteTipo: number): string {
  if (taxpayer.ivaCondition === "RESPONSABLE_INSCRIPTO") {
    return classOf(cbteTipo) === "C"
      ? `El contribuyente ${taxpayer.cuit} es Responsable Inscripto: emite comprobantes clase A y B, no clase C (tipo ${cbteTipo}).`
      : `El sandbox no emula el tipo de comprobante ${cbteTipo}: un Responsable Inscripto emite facturas y notas A (1, 2, 3) y B (6, 7, 8).`;
  }
  const condition = taxpayer.ivaCondition === "MONOTRIBUTO" ? "monotributista" : "exento en IVA";
  return classOf(cbteTipo)
    ? `El contribuyente ${taxpayer.cuit} es ${condition}: no puede emitir comprobantes clase ${classOf(cbteTipo)}, solo clase C (11, 12, 13).`
    : `El sandbox no emula el tipo de comprobante ${cbteTipo}: un contribuyente ${condition} emite facturas y notas C (11, 12, 13).`;
}
