import { AppError } from "../../lib/errors";
import { computeJobTotals, type LineInput } from "../jobs/compute-job-totals";
import type { InvoiceLetter } from "./invoice-document";
import { IVA_ID_BY_BPS } from "./voucher-rules";

export type InvoiceAmounts = {
  lines: { netCents: number }[];
  netCents: number; // ImpNeto: taxed base (A/B), the whole subtotal (C)
  exemptCents: number; // ImpOpEx
  ivaByRate: { ivaRateBps: number; baseCents: number; ivaCents: number }[]; // the Iva array (A/B only)
  ivaCents: number; // ImpIVA
  totalCents: number; // ImpTotal
};

// The amounts ARCA checks, satisfied by construction (reference/ARGENTINA.md §2.4): for A and B, IVA per rate on the
// summed base of that rate (10023/10061/10051), exempt lines in ImpOpEx, ImpTotal = ImpNeto + ImpOpEx + ImpIVA (10048);
// for C (a monotributista's or an exempt issuer's price is final), everything in ImpNeto and no IVA at all
// (10047/10071). Line prices are net of IVA, as the price list keeps them; integer centavos throughout.
export function computeInvoiceAmounts(lines: readonly LineInput[], letter: InvoiceLetter): InvoiceAmounts {
  if (lines.length === 0) {
    throw new AppError("VALIDATION_FAILED", { message: "La factura necesita al menos un ítem con precio.", fields: { lines: "Agregá al menos un ítem." } });
  }
  const totals = computeJobTotals(letter === "C" ? lines.map((l) => ({ ...l, ivaRateBps: 0 })) : lines);
  if (totals.totalCents <= 0) {
    throw new AppError("VALIDATION_FAILED", { message: "El total de la factura tiene que ser mayor que cero.", fields: { lines: "El total tiene que ser mayor que cero." } });
  }
  if (letter === "C") {
    return { lines: totals.lines, netCents: totals.netCents, exemptCents: 0, ivaByRate: [], ivaCents: 0, totalCents: totals.netCents };
  }
  for (const rate of totals.byRate) {
    if (rate.ivaRateBps !== 0 && IVA_ID_BY_BPS[rate.ivaRateBps] === undefined) {
      throw new AppError("VALIDATION_FAILED", { message: `La alícuota de IVA ${rate.ivaRateBps / 100} % no se puede facturar.` });
    }
  }
  const taxed = totals.byRate.filter((r) => r.ivaRateBps !== 0);
  const exemptCents = totals.byRate.find((r) => r.ivaRateBps === 0)?.baseCents ?? 0;
  const netCents = taxed.reduce((sum, r) => sum + r.baseCents, 0);
  const ivaCents = taxed.reduce((sum, r) => sum + r.ivaCents, 0);
  return { lines: totals.lines, netCents, exemptCents, ivaByRate: taxed, ivaCents, totalCents: netCents + exemptCents + ivaCents };
}
