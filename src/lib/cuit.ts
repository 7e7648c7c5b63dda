const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const PREFIXES = new Set(["20", "23", "24", "27", "30", "33", "34", "50", "51", "55"]);

// Strict check-digit rule (reference/ARGENTINA.md §4): a remainder that yields 10 is invalid, because ARCA
// re-issues those CUITs with prefix 23.
export function cuitCheckDigit(first10: string): number | null {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first10[i]), 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  if (digit === 10) return null;
  return digit;
}

// Returns the 11 digits of a valid CUIT/CUIL, or null. Accepts "30-71234567-1", "30712345671", spaces.
export function normalizeCuit(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, "");
  if (!/^\d{11}$/.test(digits) || !PREFIXES.has(digits.slice(0, 2))) return null;
  return cuitCheckDigit(digits.slice(0, 10)) === Number(digits[10]) ? digits : null;
}

export function formatCuit(digits: string): string {
  return `${digits.slice(0, 2)}-${digits.slice(2, 10)}-${digits.slice(10)}`;
}
