import { ymdToDay } from "./arca-time.ts";
import { ALLOWED_ASSOCIATIONS, CREDIT_NOTES, DEBIT_NOTES, REMITO_TYPES } from "./catalogs.ts";
import { findInvoice } from "./numbering.ts";
import type { StoredInvoice } from "./state.ts";
import { cents, money, type Reject } from "./validate-cae-amounts.ts";
import type { DetailVerdict, DetailInput } from "./validate-cae-detail.ts";

// Notes and their associated comprobantes (10040, 10197, 10198): the association must be allowed for the type, the
// comprobante must exist for that CUIT, and credit notes cannot credit more than what is left of it.

export function checkAssociations(input: DetailInput, verdict: DetailVerdict, cbteDay: number | undefined, reject: Reject): void {
  const { arca, taxpayer, cbteTipo, detail: d } = input;
  const isNote = CREDIT_NOTES.has(cbteTipo) || DEBIT_NOTES.has(cbteTipo);
  const asocs = d.cbtesAsoc ?? [];
  if (!isNote && d.periodoAsoc !== undefined) reject(10198, "Las facturas no deben informar PeriodoAsoc.");
  if (isNote && asocs.length === 0 && d.periodoAsoc === undefined) {
    reject(10197, "Las notas de debito y de credito deben informar el comprobante asociado (CbtesAsoc) o el periodo (PeriodoAsoc).");
  }
  if (isNote && d.periodoAsoc !== undefined) {
    const desde = ymdToDay(d.periodoAsoc.fchDesde ?? "");
    const hasta = ymdToDay(d.periodoAsoc.fchHasta ?? "");
    if (desde === undefined || hasta === undefined || hasta < desde || (cbteDay !== undefined && hasta > cbteDay)) {
      reject(10204, "PeriodoAsoc: FchDesde y FchHasta van con formato yyyymmdd, FchDesde <= FchHasta y FchHasta no posterior a CbteFch.");
    }
  }

  const allowed = ALLOWED_ASSOCIATIONS[cbteTipo] ?? [];
  const found: StoredInvoice[] = [];
  for (const a of asocs) {
    const label = `${a.tipo}-${String(a.ptoVta).padStart(5, "0")}-${String(a.nro).padStart(8, "0")}`;
    if (!allowed.includes(a.tipo)) {
      reject(10040, `Un comprobante tipo ${cbteTipo} no puede asociar comprobantes tipo ${a.tipo} (asociado ${label}).`);
      continue;
    }
    if (REMITO_TYPES.has(a.tipo)) continue;
    const cuit = a.cuit?.trim() || taxpayer.cuit;
    const invoice = findInvoice(arca, cuit, a.ptoVta, a.tipo, a.nro);
    if (!invoice) reject(10040, `El comprobante asociado ${label} no existe para la CUIT ${cuit}.`);
    else found.push(invoice);
  }

  if (!CREDIT_NOTES.has(cbteTipo) || found.length === 0) return;
  // A credit note cannot credit more than what its associated comprobantes still have left.
  let pending = cents(d.impTotal);
  const available = found.reduce((acc, inv) => acc + Math.max(0, cents(inv.detail.impTotal) - inv.creditedCents), 0);
  if (pending > available) {
    reject(
      10040,
      `El ImpTotal de la nota de credito (${money(pending)}) supera el saldo de los comprobantes asociados (${money(available)}: su ImpTotal menos lo acreditado por notas de credito anteriores).`,
    );
    return;
  }
  for (const invoice of found) {
    const take = Math.min(pending, Math.max(0, cents(invoice.detail.impTotal) - invoice.creditedCents));
    if (take > 0) verdict.credits.push({ invoice, cents: take });
    pending -= take;
  }
}
