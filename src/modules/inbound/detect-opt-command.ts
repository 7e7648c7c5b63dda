// BAJA / STOP / "no me escriban más" opt a customer out of business-initiated messages; ALTA opts back in.
// Only a whole message counts ("la baja presión del agua" is not an opt-out): lower-cased, accents, punctuation,
// emoji and repeated spaces removed first, so "¡BAJA!", "Baja." and "no me escriban mas" all match.
const OPT_OUT = new Set([
  "baja", "stop", "darme de baja", "dar de baja", "quiero darme de baja", "dame de baja", "denme de baja",
  "no me escriban mas", "no me escriban", "no me escribas mas", "no me escriban nunca mas", "no quiero mas mensajes",
  "no me manden mas mensajes", "no me envien mas mensajes", "basta", "unsubscribe",
]);
const OPT_IN = new Set(["alta", "start", "darme de alta", "quiero darme de alta", "volver a recibir mensajes"]);

export type OptCommand = "opt_out" | "opt_in";

export function normalizeCommandText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function detectOptCommand(text: string | undefined): OptCommand | null {
  if (!text || text.length > 80) return null;
  const normalized = normalizeCommandText(text);
  if (OPT_OUT.has(normalized)) return "opt_out";
  if (OPT_IN.has(normalized)) return "opt_in";
  return null;
}

export const OPT_OUT_CONFIRMATION = "Listo, no te vamos a enviar más mensajes. Si querés volver a recibirlos, escribí ALTA.";
export const OPT_IN_CONFIRMATION = "¡Listo! Vas a volver a recibir nuestros mensajes. Si querés dejar de recibirlos, escribí BAJA.";
