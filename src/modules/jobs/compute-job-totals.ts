import { AppError } from "../../lib/errors";

// IVA rates in basis points: 21 %, 10.5 %, 27 % and exempt (reference/ARGENTINA.md §7.3).
export const IVA_RATES_BPS = [2100, 1050, 2700, 0] as const;
export type IvaRateBps = (typeof IVA_RATES_BPS)[number];

// quantity in thousandths (1.5 m → 1500), so every amount stays an integer number of centavos.
export type LineInput = { quantityMilli: number; unitPriceCents: number; ivaRateBps: number };

export type JobTotals = {
  lines: { netCents: number }[];
  byRate: { ivaRateBps: IvaRateBps; baseCents: number; ivaCents: number }[];
  netCents: number;
  ivaCents: number;
  totalCents: number;
};

// Integer division rounded half away from zero: no floating point ever touches money.
function divRound(numerator: number, denominator: number): number {
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  return sign * Math.floor((2 * n + d) / (2 * d));
}

// IVA is computed per rate on the summed base, as ARCA checks it (ImpIVA = Σ AlicIva.Importe over each rate's
// BaseImp), not line by line — so an invoice built from these totals reconciles to the centavo.
export function computeJobTotals(lines: readonly LineInput[]): JobTotals {
  for (const line of lines) {
    if (!Number.isInteger(line.quantityMilli) || line.quantityMilli <= 0) {
      throw new AppError("VALIDATION_FAILED", { message: "La cantidad tiene que ser mayor que cero (hasta 3 decimales).", fields: { quantity: "La cantidad tiene que ser mayor que cero (hasta 3 decimales)." } });
    }
    if (!Number.isInteger(line.unitPriceCents) || line.unitPriceCents < 0) {
      throw new AppError("VALIDATION_FAILED", { message: "El precio unitario tiene que ser un monto en centavos.", fields: { unitPrice: "El precio unitario tiene que ser un monto en centavos." } });
    }
    if (!(IVA_RATES_BPS as readonly number[]).includes(line.ivaRateBps)) {
      throw new AppError("VALIDATION_FAILED", { message: "Alícuota de IVA inválida: 21 %, 10,5 %, 27 % o exento.", fields: { ivaRate: "Alícuota de IVA inválida: 21 %, 10,5 %, 27 % o exento." } });
    }
  }
  const netLines = lines.map((line) => ({ netCents: divRound(line.quantityMilli * line.unitPriceCents, 1000) }));
  const byRate = IVA_RATES_BPS.map((rate) => {
    const baseCents = lines.reduce((sum, line, i) => (line.ivaRateBps === rate ? sum + netLines[i]!.netCents : sum), 0);
    return { ivaRateBps: rate, baseCents, ivaCents: divRound(baseCents * rate, 10_000) };
  }).filter((r) => r.baseCents > 0);
  const netCents = netLines.reduce((sum, l) => sum + l.netCents, 0);
  const ivaCents = byRate.reduce((sum, r) => sum + r.ivaCents, 0);
  return { lines: netLines, byRate, netCents, ivaCents, totalCents: netCents + ivaCents };
}
