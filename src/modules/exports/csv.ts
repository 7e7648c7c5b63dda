// CSV as RFC 4180 writes it (comma separator, CRLF line ends, fields with a comma, quote or line break quoted and
// inner quotes doubled), opened by a UTF-8 byte order mark so Excel reads "Gómez" and "ñ" right.
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | null | undefined;

// A text cell a spreadsheet would run as a formula (=, +, -, @, and the tab/CR tricks OWASP lists) gets a leading
// apostrophe: a customer called "=HYPERLINK(…)" is shown as text, never evaluated. Numbers we produce are left alone.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
