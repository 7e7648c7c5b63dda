import type { InvoiceKind, IssuerIvaCondition } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { formatCuit, normalizeCuit } from "../../lib/cuit";
import type { InvoiceLetter } from "./invoice-document";

// Who issues what (reference/ARGENTINA.md §2.5, §2.7, §7.4), as data: the receiver's IVA condition
// (CondicionIVAReceptorId, RG 5616) with the classes ARCA accepts for it, the voucher codes and the document types.
export const RECEIVER_IVA_CONDITIONS: Record<number, { label: string; classes: readonly InvoiceLetter[] }> = {
  1: { label: "IVA Responsable Inscripto", classes: ["A", "C"] },
  4: { label: "IVA Sujeto Exento", classes: ["B", "C"] },
  5: { label: "Consumidor Final", classes: ["B", "C"] },
  6: { label: "Responsable Monotributo", classes: ["A", "C"] },
  7: { label: "Sujeto No Categorizado", classes: ["B", "C"] },
  8: { label: "Proveedor del Exterior", classes: ["B", "C"] },
  9: { label: "Cliente del Exterior", classes: ["B", "C"] },
  10: { label: "IVA Liberado – Ley N° 19.640", classes: ["B", "C"] },
  13: { label: "Monotributista Social", classes: ["A", "C"] },
  15: { label: "IVA No Alcanzado", classes: ["B", "C"] },
  16: { label: "Monotributo Trabajador Independiente Promovido", classes: ["A", "C"] },
};

export const ISSUER_CONDITION_LABELS: Record<IssuerIvaCondition, string> = {
  RESPONSABLE_INSCRIPTO: "IVA Responsable Inscripto",
  MONOTRIBUTO: "Responsable Monotributo",
  EXENTO: "IVA Sujeto Exento",
};

export const DOC_TYPES = { CUIT: 80, CUIL: 86, DNI: 96, NONE: 99 } as const;
export const DOC_TYPE_LABELS: Record<number, string> = { 80: "CUIT", 86: "CUIL", 96: "DNI", 99: "Consumidor final" };

const VOUCHER_TYPES: Record<InvoiceLetter, Record<InvoiceKind, number>> = {
  A: { INVOICE: 1, CREDIT_NOTE: 3 },
  B: { INVOICE: 6, CREDIT_NOTE: 8 },
  C: { INVOICE: 11, CREDIT_NOTE: 13 },
};

export function voucherTypeOf(letter: InvoiceLetter, kind: InvoiceKind): number {
  return VOUCHER_TYPES[letter]![kind]!;
}

export function voucherLabel(letter: string, kind: InvoiceKind): string {
  return `${kind === "CREDIT_NOTE" ? "Nota de Crédito" : "Factura"} ${letter}`;
}

// ARCA's AlicIva ids for the rates we invoice (0 % exempt goes to ImpOpEx, not to the Iva array).
export const IVA_ID_BY_BPS: Record<number, number> = { 2100: 5, 1050: 4, 2700: 6, 500: 8, 250: 9 };

// A responsable inscripto issues A to another RI or a monotributista and B to everyone else; monotributistas and
// exempt issuers issue C only.
export function invoiceLetterFor(issuer: IssuerIvaCondition, receiverIvaConditionId: number): InvoiceLetter {
  if (issuer !== "RESPONSABLE_INSCRIPTO") return "C";
  return [1, 6, 13, 16].includes(receiverIvaConditionId) ? "A" : "B";
}

export type ReceiverInput = { docType: number; docNumber: string; ivaConditionId: number };

// The receiver as ARCA will check it, or a Spanish 400 naming the field before anything is sent.
export function normalizeReceiver(receiver: ReceiverInput, letter: InvoiceLetter): { docType: number; docNumber: string; ivaConditionId: number } {
  const fail = (field: string, message: string): never => {
    throw new AppError("VALIDATION_FAILED", { message, fields: { [field]: message } });
  };
  const condition = RECEIVER_IVA_CONDITIONS[receiver.ivaConditionId];
  if (!condition) fail("ivaConditionId", "Elegí la condición frente al IVA del cliente.");
  if (!condition!.classes.includes(letter)) {
    fail("ivaConditionId", `Un cliente "${condition!.label}" no puede recibir una factura ${letter}.`);
  }
  switch (receiver.docType) {
    case DOC_TYPES.CUIT:
    case DOC_TYPES.CUIL: {
      const cuit = normalizeCuit(receiver.docNumber);
      if (!cuit) fail("docNumber", "El CUIT no es válido: revisá los 11 dígitos y el dígito verificador.");
      return { docType: receiver.docType, docNumber: cuit!, ivaConditionId: receiver.ivaConditionId };
    }
    case DOC_TYPES.DNI: {
      if (letter === "A") fail("docType", "La factura A necesita el CUIT del cliente.");
      const dni = receiver.docNumber.replace(/[\s.]/g, "");
      if (!/^\d{7,8}$/.test(dni)) fail("docNumber", "El DNI tiene 7 u 8 dígitos.");
      return { docType: DOC_TYPES.DNI, docNumber: String(Number(dni)), ivaConditionId: receiver.ivaConditionId };
    }
    case DOC_TYPES.NONE: {
      if (letter === "A") fail("docType", "La factura A necesita el CUIT del cliente.");
      if (receiver.ivaConditionId !== 5) fail("docType", "Sin documento solo se puede facturar a un consumidor final.");
      return { docType: DOC_TYPES.NONE, docNumber: "0", ivaConditionId: 5 };
    }
    default:
      return fail("docType", "El tipo de documento tiene que ser CUIT, CUIL, DNI o ninguno (consumidor final).");
  }
}

export function formatDocument(docType: number, docNumber: string): string | null {
  if (docType === DOC_TYPES.NONE) return null;
  if (docType === DOC_TYPES.CUIT || docType === DOC_TYPES.CUIL) return formatCuit(docNumber);
  return Number(docNumber).toLocaleString("es-AR");
}
