import { z } from "zod";
import { TRACKING_MAX_BATCH } from "../../contracts/tracking";

// The tracking.store-positions payload: the points ingest accepted (validated, deduplicated, oldest first).
export const storePositionsSchema = z.object({
  organizationId: z.string().min(1),
  technicianId: z.string().min(1),
  jobId: z.string().min(1),
  positions: z
    .array(
      z.object({
        lat: z.number().min(-90).max(90),
        lng: z.number().min(-180).max(180),
        accuracy: z.number().nullable(),
        speed: z.number().nullable(),
        heading: z.number().nullable(),
        recordedAt: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(TRACKING_MAX_BATCH),
});

export type StorePositionsPayload = z.infer<typeof storePositionsSchema>;
