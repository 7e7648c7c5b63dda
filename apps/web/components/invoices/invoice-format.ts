// Argentine formats and Spanish names for the invoicing pages. Safe in client components (no server imports).
// Amounts arrive as integer centavos; dates as "YYYY-MM-DD" (ARCA's calendar days, Buenos Aires).
export type InvoiceStatus = "DRAFT" | "PENDING" | "AUTHORIZING" | "AUTHORIZED" | "REJECTED";

export const INVOICE_STATUS_LABEL: Record<InvoiceStatus, string> = {
  DRAFT: "Borrador",
  PENDING: "Pendiente",
  AUTHORIZING: "Autorizando",
  AUTHORIZED: "Autorizada",
  REJECTED: "Rechazada",
};
export const INVOICE_STATUSES = Object.keys(INVOICE_STATUS_LABEL) as InvoiceStatus[];
export const KIND_LABEL = { INVOICE: "Factura", CREDIT_NOTE: "Nota de crédito" } as const;
export const ENVIRONMENT_LABEL = { HOMOLOGACION: "Homologación", PRODUCCION: "Producción" } as const;

// The document types a receiver may have (ARCA's DocTipo), in the order the office picks them.
export const DOC_TYPE_OPTIONS = [
  { value: 80, label: "CUIT" },
  { value: 86, label: "CUIL" },
  { value: 96, label: "DNI" },
  { value: 99, label: "Consumidor final sin identificar" },
] as const;

const pesos = (decimals: number) => new Intl.NumberFormat("es-AR", { minimumFractionDigits: decimals, maximumFractionDigits: 2 });
const whole = pesos(0);
const cents = pesos(2);
// "$ 45.000", "$ 1.234,50", "−$ 3.000" (a credit note subtracts).
export function formatMoney(amountCents: number): string {
  const abs = Math.abs(amountCents);
  const text = `$ ${(abs % 100 === 0 ? whole : cents).format(abs / 100)}`;
  return amountCents < 0 ? `−${text}` : text;
}

// "2026-12-02" → "02/12/2026".
export function formatDay(isoDay: string | null | undefined): string {
  if (!isoDay) return "—";
  const [y, m, d] = isoDay.slice(0, 10).split("-");
  return y && m && d ? `${d}/${m}/${y}` : isoDay;
}

export const formatRate = (bps: number) => (bps === 0 ? "Exento" : `${new Intl.NumberFormat("es-AR", { maximumFractionDigits: 2 }).format(bps / 100)} %`);
export const formatQuantity = (milli: number) => new Intl.NumberFormat("es-AR", { maximumFractionDigits: 3 }).format(milli / 1000);

// Pesos as people type them here ("45.000", "1.234,50", "45000" or "1234.5") → centavos, or null.
export function parsePesos(input: string): number | null {
  const text = input.trim().replace(/\s|\$/g, "");
  if (!text) return null;
  const normalized = text.includes(",") ? text.replace(/\./g, "").replace(",", ".") : /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, "") : text;
  if (!/^\d+(\.\d{1,2})?$/.test(normalized)) return null;
  return Math.round(Number(normalized) * 100);
}

// "1", "1,5" or "2.25" → thousandths, or null.
export function parseQuantity(input: string): number | null {
  const text = input.trim().replace(",", ".");
  if (!/^\d+(\.\d{1,3})?$/.test(text)) return null;
  const milli = Math.round(Number(text) * 1000);
  return milli > 0 ? milli : null;
}
