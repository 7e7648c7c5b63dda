import { z } from "zod";
import { safeText, sanitizeText } from "../../lib/sanitize-text";
import { SYNC_NOTE_MAX_LENGTH, SYNC_PUSH_MAX_BATCH } from "../../contracts/sync";
import { JOB_STATES } from "../jobs/job-state-machine";

// The server's reading of src/contracts/sync.ts's mutations: what the phone may push, with Spanish messages.
const base = {
  mutationId: z.uuid("El identificador del cambio tiene que ser un UUID."),
  createdAt: z.iso.datetime({ offset: true, message: "La fecha tiene que ser ISO 8601." }),
  jobId: z.string().min(1).max(100),
};
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "El hash tiene que ser SHA-256 en hexadecimal (minúsculas).");
// Free text from the phone is sanitised like every other entry point (src/lib/sanitize-text.ts); not trimmed.
const text = z.string().overwrite((s) => sanitizeText(s)).max(SYNC_NOTE_MAX_LENGTH, `Hasta ${SYNC_NOTE_MAX_LENGTH} caracteres.`);

export const syncMutationSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("transition"), to: z.enum(JOB_STATES), note: safeText().max(1000).optional() }).strict(),
  z.object({
    ...base, type: z.literal("set_line_items"), baseLinesVersion: z.string().max(64),
    lines: z.array(z.object({
      priceListItemId: z.string().min(1).optional(),
      description: safeText().min(1).max(500).optional(),
      quantityMilli: z.number().int().positive(),
      unitPriceCents: z.number().int().nonnegative().optional(),
      ivaRateBps: z.number().int().optional(),
    }).strict()).max(200),
  }).strict(),
  z.object({ ...base, type: z.literal("set_text"), field: z.enum(["notes", "description"]), value: text, base: text }).strict(),
  z.object({ ...base, type: z.literal("attach"), kind: z.enum(["PHOTO", "SIGNATURE"]), sha256 }).strict(),
  z.object({
    ...base, type: z.literal("log_time"), entryId: z.uuid("El identificador del registro tiene que ser un UUID."),
    minutes: z.number().int().optional(), startedAt: z.iso.datetime({ offset: true }).optional(), endedAt: z.iso.datetime({ offset: true }).optional(),
  }).strict(),
  z.object({ ...base, type: z.literal("set_location"), lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict(),
]);

export const syncPushSchema = z.object({
  mutations: z.array(syncMutationSchema).min(1, "Mandá al menos un cambio.").max(SYNC_PUSH_MAX_BATCH, `Mandá como mucho ${SYNC_PUSH_MAX_BATCH} cambios por pedido.`),
}).strict();

export type SyncMutationInput = z.output<typeof syncMutationSchema>;
