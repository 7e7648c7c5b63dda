import { parsePhoneNumberFromString } from "libphonenumber-js";

// Argentine numbers reach us as WhatsApp ids (549…), as 54… without the mobile 9, and as people type them
// locally (011 15…, 15…, bare local numbers). Everything is normalized to the WhatsApp E.164 form +549 + 10 digits
// (reference/ARGENTINA.md §6.3). Numbers that cannot be an Argentine mobile (toll-free, foreign, too short) are null.
export function normalizeArgentinePhone(input: string, defaultAreaCode = "11"): string | null {
  let digits = input.replace(/\D/g, "");
  let international = input.trim().startsWith("+");
  if (digits.startsWith("00")) {
    digits = digits.slice(2);
    international = true;
  }
  let rest: string;
  if (international || (digits.startsWith("54") && digits.length >= 12 && digits.length <= 15)) {
    if (!digits.startsWith("54")) return null;
    rest = digits.slice(2);
    if (rest.startsWith("9")) rest = rest.slice(1);
    if (rest.startsWith("0")) rest = rest.slice(1);
  } else {
    rest = digits.startsWith("0") ? digits.slice(1) : digits;
    const localLength = 10 - defaultAreaCode.length;
    if (rest.length === 11 && rest.startsWith("9")) rest = rest.slice(1);
    else if (rest.startsWith("15") && rest.length === 2 + localLength) rest = defaultAreaCode + rest.slice(2);
    else if (rest.length === localLength) rest = defaultAreaCode + rest;
  }
  if (rest.length === 12) rest = stripMobilePrefix15(rest) ?? "";
  if (!/^(11|2|3)\d+$/.test(rest) || rest.length !== 10) return null;
  return `+549${rest}`;
}

// area + "15" + subscriber: only the numbering plan knows where the area code ends, so libphonenumber decides.
function stripMobilePrefix15(nationalWith15: string): string | null {
  const parsed = parsePhoneNumberFromString(`0${nationalWith15}`, "AR");
  const national = parsed?.nationalNumber;
  if (!national || national.length !== 11 || !national.startsWith("9")) return null;
  return national.slice(1);
}

// WhatsApp ids are E.164 without the plus sign.
export function toWaId(e164: string): string {
  return e164.replace(/^\+/, "");
}

// "+5491112345678" → "+54 9 11 1234-5678" for people; the area code length comes from the numbering plan.
export function formatArgentinePhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational().replace(/ (\d{4}) (\d{4})$/, " $1-$2") : e164;
}

// "+5491155550203" → "11 5555-0203": how people in Argentina write a mobile (area code without the 0, no "15", the
// subscriber number split before its last four digits); the area code length comes from the numbering plan. Foreign
// numbers keep their international form; anything unparseable is shown as it came.
export function formatPhoneForPeople(e164: string | null | undefined): string {
  if (!e164) return "";
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  if (parsed.countryCallingCode !== "54") return parsed.formatInternational();
  const national = parsed.nationalNumber.startsWith("9") ? parsed.nationalNumber.slice(1) : parsed.nationalNumber;
  const landline = parsePhoneNumberFromString(`+54${national}`);
  return landline?.formatNational().replace(/^0/, "") ?? national;
}
