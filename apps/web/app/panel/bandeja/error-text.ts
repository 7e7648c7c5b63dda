// Why a message failed, in words the office understands and with what to do next (provider error codes, see
// reference WHATSAPP.md and src/integrations/whatsapp/classify-provider-error.ts).
const EXPLAIN: Record<string, string> = {
  "131047": "Pasaron más de 24 horas desde el último mensaje del cliente: enviá una plantilla aprobada.",
  "131026": "El número no tiene WhatsApp o no puede recibir el mensaje. Probá llamarlo o escribirle por SMS.",
  "131049": "WhatsApp no entregó el mensaje para cuidar la experiencia del cliente (demasiados mensajes de marketing). Probá más tarde.",
  "131050": "El cliente pidió dejar de recibir mensajes de marketing.",
  "131051": "Ese tipo de mensaje no está soportado.",
  "131052": "No se pudo descargar el archivo que mandó el cliente.",
  "131053": "No se pudo subir el archivo: revisá el formato y el tamaño.",
  "131056": "Demasiados mensajes seguidos a este cliente. El sistema reintenta solo en unos segundos.",
  "130429": "Se alcanzó el límite de envíos del número. El sistema reintenta solo.",
  "131030": "El número no está en la lista de destinatarios permitidos del número de prueba.",
  "132000": "Faltan o sobran datos en la plantilla.",
  "132001": "La plantilla no existe en ese idioma: sincronizá las plantillas.",
  "132015": "La plantilla está pausada por baja calidad.",
  "132016": "La plantilla está deshabilitada.",
  "190": "Las credenciales de WhatsApp vencieron o fueron revocadas: el envío está pausado hasta reconectar el número.",
  "131031": "La cuenta de WhatsApp está bloqueada: el envío está pausado (modo pánico).",
  "470": "Pasaron más de 24 horas desde el último mensaje del cliente: enviá una plantilla aprobada.",
};

export function explainError(error: { code: string; title: string | null } | null): string {
  if (!error) return "No se pudo enviar el mensaje.";
  return EXPLAIN[error.code] ?? `No se pudo enviar (${error.code}${error.title ? `: ${error.title}` : ""}).`;
}
