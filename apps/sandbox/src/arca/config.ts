import { z } from "zod";

// ARCA behaviour knobs: start values here, changed at runtime with POST /_sandbox/arca/config, restored on reset.
export type ArcaConfig = {
  /** TA lifetime WSAA grants (ARCA: 12 h). */
  ticketTtlMs: number;
  /** A new TA for the same certificate DN and service is refused while the current one has more life than this
   * (homologación's documented "lapso preventivo": 10 min; production: 2 min). */
  preventiveWindowMs: number;
  /** Shifts the sandbox's "now" for WSAA and WSFE (certificate dates, TRA window, TA expiry, CbteFch window). */
  clockOffsetMs: number;
  /** Added to every WSFE answer; FECAESolicitar holds its (CUIT, PtoVta, CbteTipo) transaction for it. */
  latencyMs: number;
};

export function defaultArcaConfig(): ArcaConfig {
  return { ticketTtlMs: 12 * 60 * 60 * 1000, preventiveWindowMs: 10 * 60 * 1000, clockOffsetMs: 0, latencyMs: 0 };
}

export const arcaConfigPatchSchema = z
  .object({
    ticketTtlMs: z.number().int().min(1).optional(),
    preventiveWindowMs: z.number().int().min(0).optional(),
    clockOffsetMs: z.number().int().optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
  })
  .strict();
