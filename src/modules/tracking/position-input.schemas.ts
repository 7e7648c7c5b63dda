import { z } from "zod";
import type { PositionInput } from "../../contracts/tracking";

// What a phone may send (src/contracts/tracking.ts). Ranges are physical ones; the batch bound and the clock check
// are ingest's (they need the 413 and "now").
export const positionInputSchema = z
  .object({
    lat: z.number().min(-90, "La latitud va de -90 a 90.").max(90, "La latitud va de -90 a 90."),
    lng: z.number().min(-180, "La longitud va de -180 a 180.").max(180, "La longitud va de -180 a 180."),
    accuracy: z.number().min(0, "La precisión va de 0 a 10000 m.").max(10_000, "La precisión va de 0 a 10000 m.").nullable().optional(),
    speed: z.number().min(0, "La velocidad va de 0 a 100 m/s.").max(100, "La velocidad va de 0 a 100 m/s.").nullable().optional(),
    heading: z.number().min(0, "El rumbo va de 0 a 360°.").max(360, "El rumbo va de 0 a 360°.").nullable().optional(),
    recordedAt: z.iso.datetime({ offset: true, message: "recordedAt tiene que ser una fecha ISO 8601." }),
  })
  .strict() satisfies z.ZodType<PositionInput>;

export const positionBatchSchema = z
  .object({ positions: z.array(positionInputSchema).min(1, "Mandá al menos una posición.") })
  .strict();
