import { z } from "zod";

const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

// What a person types in the dashboard to propose a template. Checked here, in Spanish, with the rules Meta would
// otherwise reject with an English error after a round trip: numbered variables {{1}}…{{n}} without gaps, one
// example per variable, and no variable at the very start or end of the text.
export const templateInputSchema = z
  .object({
    name: z.string().trim().regex(/^[a-z0-9_]{1,512}$/, "Usá solo minúsculas, números y guiones bajos (por ejemplo: recordatorio_visita)."),
    category: z.enum(["UTILITY", "MARKETING", "AUTHENTICATION"], { error: "La categoría tiene que ser UTILITY, MARKETING o AUTHENTICATION." }),
    language: z.string().trim().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "El idioma no es válido (por ejemplo: es_AR, es, en_US).").default("es_AR"),
    body: z.string({ error: "Escribí el texto del mensaje." }).trim().min(1, "Escribí el texto del mensaje.").max(1024, "El texto puede tener hasta 1024 caracteres."),
    examples: z.array(z.string().trim().min(1, "Cada ejemplo necesita un valor.").max(200, "Cada ejemplo puede tener hasta 200 caracteres.")).max(50).default([]),
    accountId: z.string().min(1).optional().describe("Número de WhatsApp donde se registra; por defecto, el activo de la organización"),
  })
  .strict()
  .superRefine((input, ctx) => {
    const numbers = [...input.body.matchAll(PLACEHOLDER)].map((m) => Number(m[1]));
    const count = numbers.length ? Math.max(...numbers) : 0;
    for (let n = 1; n <= count; n++) {
      if (!numbers.includes(n)) {
        ctx.addIssue({ code: "custom", path: ["body"], message: `Las variables van numeradas desde {{1}} sin saltear: falta {{${n}}}.` });
        return;
      }
    }
    if (/^\{\{\s*\d+\s*\}\}/.test(input.body) || /\{\{\s*\d+\s*\}\}$/.test(input.body)) {
      ctx.addIssue({ code: "custom", path: ["body"], message: "El texto no puede empezar ni terminar con una variable." });
    }
    if (input.examples.length !== count) {
      ctx.addIssue({
        code: "custom",
        path: ["examples"],
        message: count ? `Hace falta un ejemplo por cada variable: ${count} (se enviaron ${input.examples.length}).` : "El texto no tiene variables: no hacen falta ejemplos.",
      });
    }
  });

export type TemplateInput = z.output<typeof templateInputSchema>;
