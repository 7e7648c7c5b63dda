import type { BspProvider } from "@campotech/database";
import type { HealthCheckResult, ProviderError } from "../../integrations/whatsapp";

const NAMES: Record<BspProvider, string> = { META_DIRECT: "Meta", DIALOG_360: "360dialog", TWILIO: "Twilio" };
// Meta 190 (expired/invalid token), Twilio 20003 (authentication), and any 401/403.
const AUTH_CODES = new Set(["190", "20003"]);

// A provider's health probe → one Spanish sentence the owner can act on.
export function describeHealth(provider: BspProvider, health: HealthCheckResult): string {
  const name = NAMES[provider];
  const details = health.details;
  const error = details.error as ProviderError | undefined;
  if (health.healthy) {
    if (provider === "META_DIRECT") {
      const quality = typeof details.qualityRating === "string" ? ` Calidad del número: ${details.qualityRating}.` : "";
      return `Conexión verificada: Meta responde y el número está listo para enviar.${quality}`;
    }
    if (provider === "DIALOG_360") {
      return details.canSendMessage === "LIMITED"
        ? "Conexión verificada con 360dialog, pero el número puede enviar con límites (LIMITED)."
        : "Conexión verificada: 360dialog responde y el número puede enviar mensajes.";
    }
    return "Conexión verificada: la cuenta de Twilio está activa.";
  }
  if (error) {
    if ((error.httpStatus === 401 || error.httpStatus === 403 || AUTH_CODES.has(error.code))) {
      return `${name} rechazó las credenciales: revisá el token o la clave y guardalas de nuevo.`;
    }
    if (error.code === "timeout" || error.code === "network_error" || error.code.startsWith("http_5")) {
      return `No pudimos comunicarnos con ${name} (${error.code}). Probá de nuevo en unos minutos.`;
    }
    return `${name} respondió con un error: ${error.title} (código ${error.code}).`;
  }
  if (provider === "DIALOG_360") return "360dialog indica que el número está bloqueado para enviar mensajes.";
  if (provider === "TWILIO") return `La cuenta de Twilio no está activa (estado: ${String(details.accountStatus ?? "desconocido")}).`;
  return `${name} indica que el número no está disponible.`;
}
