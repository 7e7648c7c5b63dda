import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { AppError } from "../../../lib/errors";
import { EMERGENCY_KINDS, INTENTS } from "../understanding/types";

const slot = z.object({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) });

export const evalCaseSchema = z
  .object({
    text: z.string(),
    intent: z.enum(INTENTS),
    emergency: z.boolean(),
    emergencyKind: z.enum(EMERGENCY_KINDS).optional(),
    entities: z
      .object({
        serviceCode: z.string().optional(),
        serviceType: z.string().optional(),
        date: z.iso.date().optional(),
        weekday: z.number().int().min(0).max(6).optional(),
        dayPart: z.enum(["morning", "afternoon", "evening"]).optional(),
        time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
        slotChoice: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
    context: z.object({ awaitingSlotChoice: z.boolean().optional() }).strict().optional(),
    offeredSlots: z.array(slot).optional(),
    now: z.iso.datetime({ offset: true }).optional(),
    tags: z.array(z.string()).optional(),
  })
  .strict()
  .refine((c) => c.emergency === (c.intent === "emergency"), { message: "emergency must be true exactly for intent emergency" })
  .refine((c) => !c.emergencyKind || c.emergency, { message: "emergencyKind only on emergencies" });

export type EvalCase = z.infer<typeof evalCaseSchema>;

// Reads an evaluation set: JSON Lines (one case per line) or a JSON array. A bad case fails the whole load with its
// line number, so a typo in the data never silently shrinks the set.
export function loadEvalCases(path: string): EvalCase[] {
  if (!existsSync(path)) throw new AppError("NOT_FOUND", { message: `No existe el archivo de evaluación ${path}.` });
  const raw = readFileSync(path, "utf8");
  const rows: { line: number; value: unknown }[] = raw.trimStart().startsWith("[")
    ? (JSON.parse(raw) as unknown[]).map((value, i) => ({ line: i + 1, value }))
    : raw.split("\n").flatMap((text, i) => (text.trim() ? [{ line: i + 1, value: parseLine(text, i + 1, path) }] : []));
  return rows.map(({ line, value }) => {
    const parsed = evalCaseSchema.safeParse(value);
    if (!parsed.success) {
      throw new AppError("VALIDATION_FAILED", {
        message: `Caso inválido en ${path}, línea ${line}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "caso"}: ${i.message}`).join("; ")}`,
      });
    }
    return parsed.data;
  });
}

function parseLine(text: string, line: number, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("VALIDATION_FAILED", { message: `JSON inválido en ${path}, línea ${line}.`, cause: error });
  }
}
