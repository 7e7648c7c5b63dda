// The invoice QR of RG 4892/2020 (reference/ARGENTINA.md §3): `<base URL>?p=<standard base64 of the JSON>`, keys in
// the order of ARCA's spec, numbers as JSON numbers. ARCA parses the JSON, but pinning the exact bytes keeps the QR
// reproducible and lets tests compare it with the official example.
export const ARCA_QR_BASE_URL = "https://www.afip.gob.ar/fe/qr/";

// DocTipo 99 with DocNro 0 is the anonymous consumidor final; the spec only asks for the receiver "de corresponder".
const ANONYMOUS_DOC_TYPE = 99;

export type ArcaQrInput = {
  issueDate: string; // CbteFch as YYYY-MM-DD
  issuerCuit: string; // 11 digits
  pointOfSale: number;
  voucherType: number; // CbteTipo
  voucherNumber: number;
  totalCents: number; // ImpTotal in the voucher's currency, integer centavos
  currency?: string; // MonId, "PES" by default
  exchangeRate?: string; // MonCotiz as a decimal string ("1", "65", "1045.5"); "1" by default
  receiverDocType: number; // DocTipo
  receiverDocNumber: string; // DocNro, digits only ("0" for the anonymous consumidor final)
  authorizationType?: "E" | "A"; // "E" = CAE (default), "A" = CAEA
  authorizationCode: string; // the 14-digit CAE/CAEA
  baseUrl?: string; // the host may move to https://www.arca.gob.ar/fe/qr/
};

function digitsToNumber(value: string, pattern: RegExp, what: string): number {
  if (!pattern.test(value)) throw new Error(`${what} must match ${pattern}, got "${value}"`);
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new Error(`${what} ${value} does not fit in a JSON number exactly`);
  return number;
}

function integerInRange(value: number, max: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new Error(`${what} must be an integer 0..${max}, got ${value}`);
  return value;
}

// 1452050 → 14520.5, 1210000 → 12100. The number comes from parsing the decimal text (no `cents / 100`), and with at
// most 15 significant digits (decimal 13+2) it prints back exactly as that text minus trailing zeros.
function centsToJsonNumber(cents: number): number {
  integerInRange(cents, 999_999_999_999_999, "totalCents");
  const text = String(cents).padStart(3, "0");
  return Number(`${text.slice(0, -2)}.${text.slice(-2)}`);
}

function decimalToJsonNumber(value: string, what: string): number {
  if (!/^\d{1,13}(\.\d{1,6})?$/.test(value)) throw new Error(`${what} must be a decimal 13+6, got "${value}"`);
  return Number(value);
}

export function buildArcaQrUrl(input: ArcaQrInput): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.issueDate)) throw new Error(`issueDate must be YYYY-MM-DD, got "${input.issueDate}"`);
  const currency = input.currency ?? "PES";
  if (!/^[A-Z0-9]{3}$/.test(currency)) throw new Error(`currency must be an ARCA MonId, got "${currency}"`);

  const receiverDocNumber = digitsToNumber(input.receiverDocNumber, /^\d{1,20}$/, "receiverDocNumber");
  const anonymous = input.receiverDocType === ANONYMOUS_DOC_TYPE && receiverDocNumber === 0;

  // Object literal order is the serialization order: it follows the spec table.
  const payload = {
    ver: 1,
    fecha: input.issueDate,
    cuit: digitsToNumber(input.issuerCuit, /^\d{11}$/, "issuerCuit"),
    ptoVta: integerInRange(input.pointOfSale, 99_999, "pointOfSale"),
    tipoCmp: integerInRange(input.voucherType, 999, "voucherType"),
    nroCmp: integerInRange(input.voucherNumber, 99_999_999, "voucherNumber"),
    importe: centsToJsonNumber(input.totalCents),
    moneda: currency,
    ctz: decimalToJsonNumber(input.exchangeRate ?? "1", "exchangeRate"),
    ...(anonymous
      ? {}
      : { tipoDocRec: integerInRange(input.receiverDocType, 99, "receiverDocType"), nroDocRec: receiverDocNumber }),
    tipoCodAut: input.authorizationType ?? "E",
    codAut: digitsToNumber(input.authorizationCode, /^\d{14}$/, "authorizationCode"),
  };

  const base64 = Buffer.from(JSON.stringify(payload), "utf8").toString("base64");
  return `${input.baseUrl ?? ARCA_QR_BASE_URL}?p=${base64}`;
}
