import { randomInt } from "node:crypto";
import { invoiceKey, numberingKey, type ArcaState, type StoredInvoice } from "./state.ts";

// Correlative numbering per (CUIT, PtoVta, CbteTipo) and the authorized comprobantes behind it. ARCA keeps no
// idempotency: resending an authorized request is a numbering error (10016), which FECompConsultar resolves.

export function lastAuthorized(arca: ArcaState, cuit: string, ptoVta: number, cbteTipo: number): { last: number; lastDate?: string } {
  const entry = arca.numbering.get(numberingKey(cuit, ptoVta, cbteTipo));
  return entry ? { last: entry.last, lastDate: entry.lastDate } : { last: 0 };
}

export function findInvoice(arca: ArcaState, cuit: string, ptoVta: number, cbteTipo: number, nro: number): StoredInvoice | undefined {
  return arca.invoices.get(invoiceKey(cuit, ptoVta, cbteTipo, nro));
}

/** Stores an approved comprobante and advances its numbering. */
export function commitInvoice(arca: ArcaState, invoice: StoredInvoice): void {
  arca.invoices.set(invoiceKey(invoice.cuit, invoice.ptoVta, invoice.cbteTipo, invoice.cbteNro), invoice);
  arca.numbering.set(numberingKey(invoice.cuit, invoice.ptoVta, invoice.cbteTipo), { last: invoice.cbteNro, lastDate: invoice.detail.cbteFch });
}

/** A fresh 14-digit CAE, unique within the sandbox (real ones look like 71263951827464). */
export function newCae(arca: ArcaState): string {
  for (;;) {
    const cae = `7${String(randomInt(0, 10 ** 6)).padStart(6, "0")}${String(randomInt(0, 10 ** 7)).padStart(7, "0")}`;
    if (!arca.caes.has(cae)) {
      arca.caes.add(cae);
      return cae;
    }
  }
}
