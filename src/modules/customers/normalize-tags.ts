import { AppError } from "../../lib/errors";

export const MAX_TAG_LENGTH = 30;
export const MAX_TAGS_PER_CUSTOMER = 20;

// "  Consorcio   VIP " → "consorcio vip": one spelling per label, so filtering by "Consorcio" finds "consorcio".
export function normalizeTag(raw: string): string {
  return raw.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("es-AR");
}

// Normalized, de-duplicated and checked; the first bad tag is named in the (Spanish) refusal.
export function normalizeTags(raw: readonly string[]): string[] {
  const tags: string[] = [];
  for (const value of raw) {
    const tag = normalizeTag(value);
    if (!tag) throw new AppError("VALIDATION_FAILED", { message: "La etiqueta no puede quedar vacía.", fields: { tags: "La etiqueta no puede quedar vacía." } });
    if (tag.length > MAX_TAG_LENGTH) {
      const message = `La etiqueta «${tag.slice(0, 40)}» es muy larga: como mucho ${MAX_TAG_LENGTH} caracteres.`;
      throw new AppError("VALIDATION_FAILED", { message, fields: { tags: message } });
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
