// Everything the printed (PDF) invoice shows, already decided: the PDF renderer formats, it never computes taxes or
// chooses the class. Money in integer centavos, dates as Buenos Aires calendar dates "YYYY-MM-DD".
export type InvoiceLetter = "A" | "B" | "C";

export type InvoiceDocument = {
  issuer: {
    businessName: string; // razón social
    tradeName: string | null; // nombre de fantasía (the organization's name), shown when it differs
    cuit: string; // 11 digits
    address: string; // domicilio comercial
    ivaConditionLabel: string; // "IVA Responsable Inscripto", "Responsable Monotributo", "IVA Sujeto Exento"
    grossIncomeNumber: string | null; // Ingresos Brutos
    activityStartDate: string | null; // inicio de actividades, YYYY-MM-DD
    whatsappLink: string | null; // https://wa.me/54911…
  };
  invoice: {
    letter: InvoiceLetter;
    voucherType: number; // ARCA CbteTipo: 1, 3, 6, 8, 11, 13
    kindLabel: string; // "FACTURA" | "NOTA DE CRÉDITO"
    pointOfSale: number;
    number: number;
    issueDate: string;
    serviceFrom: string;
    serviceTo: string;
    paymentDueDate: string;
    cae: string;
    caeDueDate: string;
    // For a credit note: the invoice it cancels, e.g. "Factura B 0002-00000015 del 2026-11-30".
    associatedLabel: string | null;
    environmentLabel: string | null; // "HOMOLOGACIÓN — sin validez fiscal" outside production, else null
  };
  receiver: {
    name: string;
    documentLabel: string; // "CUIT" | "DNI" | "Consumidor final"
    documentNumber: string | null; // formatted as people read it (30-71234567-1, 28.123.456) or null
    ivaConditionLabel: string; // "Consumidor Final", "IVA Responsable Inscripto", …
    address: string | null;
  };
  lines: {
    description: string;
    quantityMilli: number; // 1500 = 1,5
    // What the line shows as unit price and subtotal: net of IVA for class A, IVA included for B and C.
    unitPriceCents: number;
    subtotalCents: number;
    ivaRateBps: number | null; // shown for class A only (2100 = 21 %); null otherwise
  }[];
  totals: {
    // Class A: net, IVA per rate, exempt, total. Class B: total with "IVA contenido" (Ley 27.743). Class C: total.
    netCents: number;
    exemptCents: number;
    ivaByRate: { ivaRateBps: number; baseCents: number; ivaCents: number }[];
    ivaCents: number;
    totalCents: number;
  };
  legends: string[]; // printed under the totals, e.g. the Ley 27.743 and Ley 27.618 texts
  qrUrl: string; // https://www.afip.gob.ar/fe/qr/?p=… (RG 4892/2020)
  paymentUrl: string | null; // a MercadoPago link when there is one (shown as a second QR)
  // The organization's wa.me link as a "¿Consultas?" QR, when its plan includes the QR (wa-links module decides).
  whatsappQr?: { url: string; phoneDisplay: string } | null;
};
