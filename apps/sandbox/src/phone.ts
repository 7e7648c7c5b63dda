// WhatsApp's canonical id for Argentine mobiles carries the 9 after the country code (reference §7): Meta answers
// contacts[0].wa_id = "549…" even when the business sent to "54…".
export function canonicalWaId(input: string): string {
  const digits = input.replace(/\D/g, "");
  if (/^54\d{10}$/.test(digits) && !digits.startsWith("549")) return `549${digits.slice(2)}`;
  return digits;
}

/** Loose E.164 check: 8-15 digits, optional "+", no other characters. */
export function isValidPhone(input: string): boolean {
  return /^\+?\d{8,15}$/.test(input.trim());
}

/** "whatsapp:+5491155550123" → { channel: "whatsapp", digits: "5491155550123" }. */
export function parseTwilioAddress(address: string): { channel: "whatsapp" | "sms"; e164: string; digits: string } | undefined {
  const whatsapp = address.startsWith("whatsapp:");
  const e164 = whatsapp ? address.slice("whatsapp:".length) : address;
  if (!/^\+\d{8,15}$/.test(e164)) return undefined;
  return { channel: whatsapp ? "whatsapp" : "sms", e164, digits: e164.slice(1) };
}
