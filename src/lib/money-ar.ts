// Pesos as people in Argentina type them → integer centavos, and back for an input field. String arithmetic only
// (no `* 100` on floats). Imports nothing, so client components use it. Display amounts with "$ " through
// apps/web/components/invoices/invoice-format.ts (formatMoney) or invoicing's formatMoneyAr.
//
// Accepted: "12.500,50", "12500,50", "12.500", "12500", "$ 12.500,5", "0,99", and a point as the decimal mark when it
// can't be a thousands separator ("1234.5", "12.50"). Rejected (null): empty, negative, more than 2 decimals, bad
// grouping ("1.23,4", "12.50.0"), anything else. "12.500" is twelve thousand five hundred, as people here mean it.
export function parseMoneyAr(input: string): number | null {
  const text = input.replace(/[\s\u00a0]/g, "").replace(/^\$/, "");
  if (!text) return null;
  let units: string;
  let decimals = "";
  const comma = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})$/.exec(text);
  if (comma) {
    units = comma[1]!;
    decimals = comma[2]!;
  } else if (/^\d{1,3}(\.\d{3})+$/.test(text) || /^\d+$/.test(text)) {
    units = text;
  } else {
    const point = /^(\d+)\.(\d{1,2})$/.exec(text);
    if (!point) return null;
    units = point[1]!;
    decimals = point[2]!;
  }
  const cents = Number(units.replace(/\./g, "")) * 100 + Number(decimals.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

// 1250050 → "12.500,50"; 1250000 → "12.500"; 5 → "0,05" (what an edit field starts with).
export function formatMoneyInputAr(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`cents must be a non-negative safe integer, got ${cents}`);
  const centavos = cents % 100;
  const units = String((cents - centavos) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return centavos === 0 ? units : `${units},${String(centavos).padStart(2, "0")}`;
}
