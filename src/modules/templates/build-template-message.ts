import type { TemplateContent } from "../../contracts/whatsapp";
import { AppError } from "../../lib/errors";

export type StoredTemplate = { name: string; language: string; components: unknown };

// The body text of a stored template ("Hola {{1}}, …"), wherever the provider put it.
export function templateBodyText(components: unknown): string {
  const list = Array.isArray(components) ? components : [];
  const body = list.find((c) => typeof c === "object" && c !== null && String((c as { type?: string }).type).toUpperCase() === "BODY");
  return typeof (body as { text?: unknown } | undefined)?.text === "string" ? (body as { text: string }).text : "";
}

export function countPlaceholders(text: string): number {
  const numbers = [...text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1]));
  return numbers.length ? Math.max(...numbers) : 0;
}

// Parameters in, provider-neutral template content out, plus the text the customer will read (stored on the
// message and used for SMS fallback). The parameter count is checked here so a mismatch never reaches the
// provider (Meta would answer 132000).
export function buildTemplateMessage(
  template: StoredTemplate,
  params: readonly string[],
): { content: TemplateContent; preview: string } {
  const body = templateBodyText(template.components);
  const expected = countPlaceholders(body);
  if (params.length !== expected) {
    throw new AppError("VALIDATION_FAILED", {
      message: `La plantilla ${template.name} necesita ${expected} valores y se enviaron ${params.length}.`,
    });
  }
  const preview = body.replace(/\{\{\s*(\d+)\s*\}\}/g, (_, n: string) => params[Number(n) - 1] ?? "");
  const content: TemplateContent = {
    type: "template",
    name: template.name,
    language: template.language,
    components: expected ? [{ type: "body", parameters: params.map((text) => ({ type: "text" as const, text })) }] : [],
  };
  return { content, preview };
}
