// CUIT/CUIL check digit (ARGENTINA.md §4): weights 5,4,3,2,7,6,5,4,3,2, mod 11; 11 → 0; 10 is invalid (strict rule,
// ARCA re-prefixes those people to 23 so every issued CUIT passes).
const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

export function isValidCuit(value: string | number): boolean {
  const s = String(value);
  if (!/^\d{11}$/.test(s)) return false;
  const digits = s.split("").map(Number);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * (digits[i] as number), 0);
  let dv = 11 - (sum % 11);
  if (dv === 11) dv = 0;
  if (dv === 10) return false;
  return dv === digits[10];
}
