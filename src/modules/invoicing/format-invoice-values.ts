// es-AR formats for the printed invoice, computed from integers only: money is integer centavos, quantities integer
// thousandths, dates "YYYY-MM-DD" strings. messaging/format-ar.ts's formatArs prints the same "$ 1.234,50" but goes
// through `cents / 100` and Intl; a fiscal document should not depend on float rounding or the ICU build.

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new Error(`${what} must be a safe integer, got ${value}`);
}

// "1234567" → "1.234.567"
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

// 123450 → "1.234,50"; 4500000 → "45.000" (decimals only when there are centavos, like formatArs).
export function formatAmountAr(cents: number): string {
  assertSafeInteger(cents, "cents");
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const centavos = abs % 100;
  const units = groupThousands(String((abs - centavos) / 100)); // exact: the dividend is a multiple of 100
  return centavos === 0 ? `${sign}${units}` : `${sign}${units},${String(centavos).padStart(2, "0")}`;
}

// 123450 → "$ 1.234,50"; -150 → "$ -1,50" (same sign placement as formatArs).
export function formatMoneyAr(cents: number): string {
  return `$ ${formatAmountAr(cents)}`;
}

// 1500 → "1,5"; 1000 → "1"; 2125 → "2,125"; 1234000 → "1.234" (up to 3 decimals, trailing zeros dropped).
export function formatQuantityAr(quantityMilli: number): string {
  assertSafeInteger(quantityMilli, "quantityMilli");
  const sign = quantityMilli < 0 ? "-" : "";
  const abs = Math.abs(quantityMilli);
  const milli = abs % 1000;
  const units = groupThousands(String((abs - milli) / 1000));
  const fraction = String(milli).padStart(3, "0").replace(/0+$/, "");
  return fraction ? `${sign}${units},${fraction}` : `${sign}${units}`;
}

// 2100 → "21%"; 1050 → "10,5%"; 250 → "2,5%"; 0 → "0%".
export function formatRateAr(rateBps: number): string {
  assertSafeInteger(rateBps, "rateBps");
  if (rateBps < 0) throw new Error(`rateBps must not be negative, got ${rateBps}`);
  const hundredths = rateBps % 100;
  const fraction = String(hundredths).padStart(2, "0").replace(/0+$/, "");
  return `${(rateBps - hundredths) / 100}${fraction ? `,${fraction}` : ""}%`;
}

// "2026-11-30" → "30/11/2026". The invoice dates are already Buenos Aires calendar dates: no Date, no time zone.
export function formatDateYmdAr(ymd: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) throw new Error(`invalid date "${ymd}" (expected YYYY-MM-DD)`);
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
}

// 2 → "00002" (punto de venta, 5 digits as RG 1415 prints it).
export function formatPointOfSale(pointOfSale: number): string {
  assertSafeInteger(pointOfSale, "pointOfSale");
  return String(pointOfSale).padStart(5, "0");
}

// 15 → "00000015" (comprobante number, 8 digits).
export function formatVoucherNumber(voucherNumber: number): string {
  assertSafeInteger(voucherNumber, "voucherNumber");
  return String(voucherNumber).padStart(8, "0");
}

// 6 → "06" (the "COD." under the letter).
export function formatVoucherTypeCode(voucherType: number): string {
  assertSafeInteger(voucherType, "voucherType");
  return String(voucherType).padStart(2, "0");
}
