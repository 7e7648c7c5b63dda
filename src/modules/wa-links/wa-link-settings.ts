import { z } from "zod";

// The prefilled message lives in Organization.settings.waLink.message (JSON, next to the other settings) — no column
// for one short text. Absent means "use the default", which follows the business's name when it changes.
export const WA_LINK_MESSAGE_MAX = 300;

// Counted in characters people see (code points), not UTF-16 units: an emoji is one character, not two.
export const characterCount = (text: string) => [...text].length;

export const waLinkMessageSchema = z
  .string()
  .trim()
  .refine((text) => characterCount(text) <= WA_LINK_MESSAGE_MAX, { message: `El mensaje puede tener hasta ${WA_LINK_MESSAGE_MAX} caracteres.` })
  // Control characters (other than line breaks) would travel invisibly into the customer's chat box.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((text) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(text), { message: "El mensaje tiene caracteres que no se pueden usar." });

// PUT body: a message, or null / "" to go back to the default.
export const waLinkMessageInputSchema = z.object({ message: waLinkMessageSchema.nullable() }).strict();
export type WaLinkMessageInput = z.infer<typeof waLinkMessageInputSchema>;

const storedSchema = z.object({ waLink: z.object({ message: waLinkMessageSchema.optional() }).default({}) });

// A malformed settings blob must not break the link: it reads as "no custom message".
export function storedWaLinkMessage(settings: unknown): string | null {
  const parsed = storedSchema.safeParse(settings ?? {});
  const message = parsed.success ? parsed.data.waLink.message : undefined;
  return message ? message : null;
}

export function defaultWaLinkMessage(businessName: string): string {
  return `Hola ${businessName.trim()}, quiero consultar por un trabajo`;
}
