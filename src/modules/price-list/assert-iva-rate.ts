import { AppError } from "../../lib/errors";
import { IVA_RATES_BPS } from "../jobs/compute-job-totals";

export function assertIvaRate(ivaRateBps: number): void {
  if (!(IVA_RATES_BPS as readonly number[]).includes(ivaRateBps)) {
    throw new AppError("VALIDATION_FAILED", { message: "Alícuota de IVA inválida: 21 %, 10,5 %, 27 % o exento.", fields: { ivaRateBps: "21 %, 10,5 %, 27 % o exento." } });
  }
}
