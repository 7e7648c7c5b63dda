import { buildArcaQrUrl } from "./build-arca-qr-url";
import type { InvoiceDocument } from "./invoice-document";

// Sample documents for tests and previews: one per voucher the platform issues. The amounts add up the way the
// ARCA request would (reference/ARGENTINA.md §2.10); the CAEs are fictitious.

const responsableInscripto: InvoiceDocument["issuer"] = {
  businessName: "Climatización del Sur S.R.L.",
  tradeName: "FríoSur Service",
  cuit: "30712345671",
  address: "Av. Rivadavia 1234, Piso 2 Of. B, C1033AAN Ciudad Autónoma de Buenos Aires",
  ivaConditionLabel: "IVA Responsable Inscripto",
  grossIncomeNumber: "901-123456-7",
  activityStartDate: "2019-03-01",
  whatsappLink: "https://wa.me/5491123456789",
};

const monotributista: InvoiceDocument["issuer"] = {
  businessName: "Peña Núñez, Martín",
  tradeName: "Electricidad Peña",
  cuit: "20273456784",
  address: "Calle 12 N° 1450, B1900 La Plata, Buenos Aires",
  ivaConditionLabel: "Responsable Monotributo",
  grossIncomeNumber: "20-27345678-4",
  activityStartDate: "2021-08-15",
  whatsappLink: "https://wa.me/5492214567890",
};

function qrFor(
  issuer: InvoiceDocument["issuer"],
  invoice: Pick<InvoiceDocument["invoice"], "issueDate" | "pointOfSale" | "voucherType" | "number" | "cae">,
  totalCents: number,
  receiver: { docType: number; docNumber: string },
): string {
  return buildArcaQrUrl({
    issueDate: invoice.issueDate,
    issuerCuit: issuer.cuit,
    pointOfSale: invoice.pointOfSale,
    voucherType: invoice.voucherType,
    voucherNumber: invoice.number,
    totalCents,
    receiverDocType: receiver.docType,
    receiverDocNumber: receiver.docNumber,
    authorizationCode: invoice.cae,
  });
}

const period = { serviceFrom: "2026-11-01", serviceTo: "2026-11-30", paymentDueDate: "2026-12-10" };

// Responsable inscripto to another RI: net prices, 21 % and 10,5 %.
export function sampleFacturaA(): InvoiceDocument {
  const invoice = {
    letter: "A" as const,
    voucherType: 1,
    kindLabel: "FACTURA",
    pointOfSale: 2,
    number: 15,
    issueDate: "2026-11-30",
    ...period,
    cae: "76481234567890",
    caeDueDate: "2026-12-10",
    associatedLabel: null,
    environmentLabel: null,
  };
  return {
    issuer: responsableInscripto,
    invoice,
    receiver: {
      name: "Constructora Andina S.A.",
      documentLabel: "CUIT",
      documentNumber: "30-70987654-2",
      ivaConditionLabel: "IVA Responsable Inscripto",
      address: "Av. Colón 540, X5000 Córdoba",
    },
    lines: [
      {
        description:
          "Mantenimiento preventivo de equipos de aire acondicionado split 3000 frigorías: limpieza de filtros y serpentinas, control de presión de gas y prueba de funcionamiento",
        quantityMilli: 3_000,
        unitPriceCents: 4_500_000,
        subtotalCents: 13_500_000,
        ivaRateBps: 2100,
      },
      {
        description: "Instalación eléctrica en vivienda en construcción",
        quantityMilli: 1_500,
        unitPriceCents: 123_450,
        subtotalCents: 185_175,
        ivaRateBps: 1050,
      },
      { description: "Repuesto: capacitor de arranque 35 µF", quantityMilli: 2_000, unitPriceCents: 850_000, subtotalCents: 1_700_000, ivaRateBps: 2100 },
    ],
    totals: {
      netCents: 15_385_175,
      exemptCents: 0,
      ivaByRate: [
        { ivaRateBps: 2100, baseCents: 15_200_000, ivaCents: 3_192_000 },
        { ivaRateBps: 1050, baseCents: 185_175, ivaCents: 19_443 },
      ],
      ivaCents: 3_211_443,
      totalCents: 18_596_618,
    },
    legends: [],
    qrUrl: qrFor(responsableInscripto, invoice, 18_596_618, { docType: 80, docNumber: "30709876542" }),
    paymentUrl: null,
  };
}

// Responsable inscripto to an identified consumidor final: prices with IVA included, MercadoPago link.
export function sampleFacturaB(): InvoiceDocument {
  const invoice = {
    letter: "B" as const,
    voucherType: 6,
    kindLabel: "FACTURA",
    pointOfSale: 2,
    number: 16,
    issueDate: "2026-11-30",
    ...period,
    cae: "76481234567891",
    caeDueDate: "2026-12-10",
    associatedLabel: null,
    environmentLabel: null,
  };
  return {
    issuer: responsableInscripto,
    invoice,
    receiver: {
      name: "María José Ñañez",
      documentLabel: "DNI",
      documentNumber: "28.123.456",
      ivaConditionLabel: "Consumidor Final",
      address: "Calle 50 N° 742, B1900 La Plata",
    },
    lines: [
      { description: "Reparación de lavarropas: cambio de bomba de desagote", quantityMilli: 1_000, unitPriceCents: 4_500_000, subtotalCents: 4_500_000, ivaRateBps: null },
      { description: "Visita técnica a domicilio", quantityMilli: 1_000, unitPriceCents: 1_234_550, subtotalCents: 1_234_550, ivaRateBps: null },
    ],
    // 57.345,50 at 21 %: neto 47.392,98, IVA contenido 9.952,52.
    totals: { netCents: 4_739_298, exemptCents: 0, ivaByRate: [{ ivaRateBps: 2100, baseCents: 4_739_298, ivaCents: 995_252 }], ivaCents: 995_252, totalCents: 5_734_550 },
    legends: [],
    qrUrl: qrFor(responsableInscripto, invoice, 5_734_550, { docType: 96, docNumber: "28123456" }),
    paymentUrl: "https://www.mercadopago.com.ar/checkout/v1/redirect?pref_id=1234567890-5f0e6b2c-7a1d-4c55-9b1e-2f3a4b5c6d7e",
  };
}

// Monotributista to an anonymous consumidor final: no IVA anywhere. `lineCount` makes a long one for pagination.
export function sampleFacturaC(lineCount = 2): InvoiceDocument {
  const invoice = {
    letter: "C" as const,
    voucherType: 11,
    kindLabel: "FACTURA",
    pointOfSale: 1,
    number: 238,
    issueDate: "2026-11-28",
    ...period,
    cae: "76471234567892",
    caeDueDate: "2026-12-08",
    associatedLabel: null,
    environmentLabel: null,
  };
  const base = [
    { description: "Destapación de cañería de cocina con máquina", quantityMilli: 1_000, unitPriceCents: 3_800_000, subtotalCents: 3_800_000, ivaRateBps: null },
    { description: "Cable unipolar 2,5 mm² (metros)", quantityMilli: 12_500, unitPriceCents: 95_000, subtotalCents: 1_187_500, ivaRateBps: null },
  ];
  const lines = Array.from({ length: lineCount }, (_, i) => {
    const line = base[i % base.length] ?? base[0]!;
    return lineCount > base.length ? { ...line, description: `${i + 1}. ${line.description}` } : line;
  });
  const totalCents = lines.reduce((sum, line) => sum + line.subtotalCents, 0);
  return {
    issuer: monotributista,
    invoice,
    receiver: {
      name: "Consumidor final",
      documentLabel: "Consumidor final",
      documentNumber: null,
      ivaConditionLabel: "Consumidor Final",
      address: null,
    },
    lines,
    totals: { netCents: totalCents, exemptCents: 0, ivaByRate: [], ivaCents: 0, totalCents },
    legends: [],
    qrUrl: qrFor(monotributista, invoice, totalCents, { docType: 99, docNumber: "0" }),
    paymentUrl: null,
  };
}

// Credit note cancelling part of a Factura B, rendered in homologación.
export function sampleNotaDeCreditoB(): InvoiceDocument {
  const invoice = {
    letter: "B" as const,
    voucherType: 8,
    kindLabel: "NOTA DE CRÉDITO",
    pointOfSale: 2,
    number: 3,
    issueDate: "2026-12-02",
    ...period,
    paymentDueDate: "2026-12-02",
    cae: "76491234567893",
    caeDueDate: "2026-12-12",
    associatedLabel: "Factura B 0002-00000016 del 2026-11-30",
    environmentLabel: "HOMOLOGACIÓN — sin validez fiscal",
  };
  return {
    issuer: responsableInscripto,
    invoice,
    receiver: sampleFacturaB().receiver,
    lines: [{ description: "Bonificación por demora en la visita técnica", quantityMilli: 1_000, unitPriceCents: 500_000, subtotalCents: 500_000, ivaRateBps: null }],
    // 5.000 at 21 %: neto 4.132,23, IVA contenido 867,77.
    totals: { netCents: 413_223, exemptCents: 0, ivaByRate: [{ ivaRateBps: 2100, baseCents: 413_223, ivaCents: 86_777 }], ivaCents: 86_777, totalCents: 500_000 },
    legends: [],
    qrUrl: qrFor(responsableInscripto, invoice, 500_000, { docType: 96, docNumber: "28123456" }),
    paymentUrl: null,
  };
}
