import { AppError } from "../../lib/errors";
import { characterCount, WA_LINK_MESSAGE_MAX } from "./wa-link-settings";

export const NO_WHATSAPP_NUMBER =
  "Tu negocio todavía no tiene un número de WhatsApp para el enlace: conectá tu número de WhatsApp Business o cargá el celular del dueño en el equipo.";

// https://wa.me/<digits>?text=<message>: wa.me wants the number in international format as digits only (no "+", no
// spaces, no leading zeros) and the text percent-encoded as UTF-8 — encodeURIComponent, so "&", "?", "#" and "+" in
// the message stay part of it instead of ending or splitting the query.
export function buildWaLink(input: { phone: string | null | undefined; message?: string | null }): string {
  const digits = (input.phone ?? "").replace(/\D/g, "");
  if (!digits) throw new AppError("CONFLICT", { message: NO_WHATSAPP_NUMBER });
  // E.164 allows at most 15 digits; anything under 8 cannot be a reachable number.
  if (digits.length < 8 || digits.length > 15 || digits.startsWith("0")) {
    throw new AppError("INVALID_PHONE", { message: "El número de WhatsApp no es válido: tiene que tener el código de país (54 para Argentina)." });
  }
  const message = input.message?.trim() ?? "";
  if (characterCount(message) > WA_LINK_MESSAGE_MAX) {
    throw new AppError("VALIDATION_FAILED", {
      message: `El mensaje puede tener hasta ${WA_LINK_MESSAGE_MAX} caracteres.`,
      fields: { message: `Hasta ${WA_LINK_MESSAGE_MAX} caracteres.` },
    });
  }
  return message ? `https://wa.me/${digits}?text=${encodeURIComponent(message)}` : `https://wa.me/${digits}`;
}

// "https://wa.me/5491123456789?text=…" → "wa.me/5491123456789": what fits printed under a QR.
export function shortWaLink(link: string): string {
  return link.replace(/^https?:\/\//, "").replace(/\?.*$/, "");
}
