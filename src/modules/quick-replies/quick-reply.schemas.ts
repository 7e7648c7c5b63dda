import { z } from "zod";
import { sanitizeText } from "../../lib/sanitize-text";

// Shortcuts are typed after "/" in the composer, so they stay short, lower-case and free of spaces.
export const quickReplyShortcut = z
  .string({ error: "Escribí el atajo." })
  .trim()
  .regex(/^[a-z0-9-]{2,30}$/, "El atajo lleva de 2 a 30 letras minúsculas, números o guiones, sin la barra (por ejemplo: horarios).");

const title = z.string({ error: "Escribí un título." }).overwrite((s) => sanitizeText(s)).trim().min(1, "Escribí un título.").max(80, "El título puede tener hasta 80 caracteres.");
const body = z.string({ error: "Escribí el texto." }).overwrite((s) => sanitizeText(s)).trim().min(1, "Escribí el texto.").max(4096, "El texto puede tener hasta 4096 caracteres (el límite de WhatsApp).");

export const quickReplyInputSchema = z.object({ shortcut: quickReplyShortcut, title, body }).strict();
export const quickReplyChangesSchema = z
  .object({ shortcut: quickReplyShortcut.optional(), title: title.optional(), body: body.optional() })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, "No hay cambios para guardar.");

export type QuickReplyInput = z.output<typeof quickReplyInputSchema>;
export type QuickReplyChanges = z.output<typeof quickReplyChangesSchema>;
