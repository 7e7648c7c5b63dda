// 549 + 10 digits ↔ 54 + 10 digits: the two forms an Argentine mobile shows up in (reference/WHATSAPP.md §7).
export function alternateArgentineWaId(digits: string): string | undefined {
  if (/^549\d{10}$/.test(digits)) return `54${digits.slice(3)}`;
  if (/^54\d{10}$/.test(digits)) return `549${digits.slice(2)}`;
  return undefined;
}
