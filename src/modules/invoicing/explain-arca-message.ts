import type { ArcaError, ArcaMessage } from "../../integrations/arca";

// What ARCA's codes mean for the person who has to fix them, in plain Spanish (reference/ARGENTINA.md §2.8, §1.4).
// ARCA's own text is always kept and shown next to this; an unknown code gets a generic sentence.
const WSFE: Record<number, string> = {
  600: "ARCA no aceptó el ticket de acceso. Se pide uno nuevo automáticamente; si sigue, revisá que el certificado sea del ambiente elegido.",
  601: "El CUIT de la conexión no está autorizado por el certificado. En ARCA, asociá el certificado al servicio de facturación electrónica (wsfe) para este CUIT.",
  602: "ARCA no tiene ese comprobante.",
  502: "ARCA estaba procesando otro comprobante del mismo punto de venta. Se reintenta solo.",
  10000: "El CUIT no está habilitado para emitir este tipo de comprobante electrónico (revisá la condición frente al IVA y el domicilio fiscal electrónico en ARCA).",
  10005: "El punto de venta no existe o no es de tipo web services (RECE). Crealo en ARCA y elegilo en Configuración → ARCA.",
  10013: "La factura A necesita el CUIT del cliente.",
  10015: "El documento del cliente no es válido para ARCA (un CUIT con dígito verificador incorrecto o que no figura en el padrón).",
  10016: "La numeración o la fecha no coinciden con el último comprobante autorizado. Se vuelve a consultar y se reintenta solo.",
  10017: "El cliente no figura como inscripto en IVA o monotributo en ARCA: revisá su condición frente al IVA.",
  10023: "El IVA total no coincide con la suma de las alícuotas.",
  10040: "El comprobante asociado no es válido para esta nota de crédito.",
  10047: "Una factura C no puede llevar IVA.",
  10048: "El importe total no coincide con la suma de neto, exento, tributos e IVA.",
  10049: "Para servicios hay que informar las fechas del servicio y el vencimiento de pago.",
  10061: "El neto gravado no coincide con la suma de las bases de IVA.",
  10063: "El cliente no figura activo en IVA o monotributo en ARCA.",
  10069: "El documento del cliente no puede ser el mismo CUIT que emite.",
  10071: "Una factura C no lleva detalle de IVA.",
  10197: "La nota de crédito tiene que indicar la factura que acredita.",
  10217: "Factura A a un monotributista: el comprobante lleva la leyenda de la Ley 27.618.",
  10242: "La condición frente al IVA del cliente no es un valor que ARCA acepte.",
  10243: "La condición frente al IVA del cliente no corresponde a esta clase de factura.",
  10245: "ARCA pide la condición frente al IVA del cliente (RG 5616).",
  10246: "Falta la condición frente al IVA del cliente, obligatoria por la RG 5616.",
};

const WSAA: Record<string, string> = {
  "coe.alreadyAuthenticated": "ARCA todavía considera vigente un ticket anterior de este certificado. Se usa el guardado y se vuelve a pedir en unos minutos.",
  "coe.notAuthorized": "El certificado no está autorizado para el servicio de facturación electrónica: asocialo a «wsfe» en el Administrador de Relaciones de ARCA.",
  "cms.cert.untrusted": "El certificado no es de la autoridad de este ambiente: ¿es de homologación y la conexión está en producción (o al revés)?",
  "cms.cert.expired": "El certificado venció: generá uno nuevo en ARCA y subilo.",
  "cms.cert.invalid": "El certificado todavía no es válido (fecha de inicio futura).",
  "cms.sign.invalid": "La firma no corresponde al certificado: ¿la clave privada es la del certificado?",
  "cms.bad": "ARCA no pudo leer el pedido firmado.",
  "xml.generationTime.invalid": "El reloj del servidor está desfasado con ARCA.",
  "xml.expirationTime.expired": "El reloj del servidor está desfasado con ARCA.",
  "wsaa.unavailable": "El servicio de autenticación de ARCA no está disponible. Se reintenta solo.",
  "wsn.unavailable": "El servicio de facturación de ARCA no está disponible. Se reintenta solo.",
};

export function explainArcaMessage(message: ArcaMessage): string {
  return WSFE[message.code] ?? "ARCA rechazó el comprobante con este código: revisá el mensaje de ARCA y corregí los datos.";
}

export function explainArcaError(error: ArcaError): string {
  if (error.kind === "timeout") return "ARCA no respondió a tiempo. Se reintenta solo; si pasa seguido, ARCA puede estar caído.";
  if (error.kind === "network") return "No se pudo conectar con ARCA (red o dirección del servicio).";
  if (error.kind === "http") return `ARCA respondió con un error (HTTP ${error.details.status ?? "?"}). Se reintenta solo.`;
  const known = error.kind === "fault" ? WSAA[error.code] : WSFE[Number(error.code)];
  return `${known ?? "ARCA devolvió un error"} (ARCA: ${error.code} — ${error.message})`;
}
