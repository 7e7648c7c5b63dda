// Credentials and phone numbers inside free text (error messages, URLs, breadcrumbs). Each pattern names what it
// removes so a scrubbed report still says what was there.
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\b(bearer|basic)\s+[\w\-.~+/=]+/gi, "$1 [REDACTED]"],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, "[jwt]"],
  // MercadoPago access tokens and keys, Meta (Graph) tokens, OpenAI keys.
  [/\b(APP_USR|TEST)-[\w-]{10,}/g, "[mercadopago-token]"],
  [/\bEA[A-Z][A-Za-z0-9]{20,}/g, "[meta-token]"],
  [/\bsk-[\w-]{16,}/g, "[api-key]"],
  [/\b((?:access_|refresh_|id_)?token|api_?key|secret|password|otp|code|signature|sig)=([^&\s"']+)/gi, "$1=[REDACTED]"],
  // One-time codes as people see them: "Tu código es 123456", "OTP: 4821".
  [/\b(c[oó]digo|code|otp|pin)(\D{0,20}?)\d{4,8}\b/gi, "$1$2[code]"],
];

// Anything that could be a phone number: 8 to 15 digits, optionally after "+", in groups split by spaces, hyphens
// or parentheses (+54 9 11 5555-0203, 5491155550203, 11 15 5555 0203, (011) 4555-0203, 15-5555-0203).
const PHONE_LIKE = /(?<![\w-])\+?\(?\d[\d\s()-]{6,20}\d(?![\w-])/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function scrubPhones(text: string): string {
  return text.replace(PHONE_LIKE, (match) => {
    const digits = match.replace(/\D/g, "").length;
    if (digits < 8 || digits > 15 || ISO_DATE.test(match.trim())) return match;
    // Keep the whitespace the match swallowed at its edges so sentences stay readable.
    return `${match.match(/^\s*/)?.[0] ?? ""}[phone]${match.match(/\s*$/)?.[0] ?? ""}`;
  });
}

export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return scrubPhones(out);
}
