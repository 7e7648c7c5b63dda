import type { TemplateContent } from "../../contracts/whatsapp";
import { AppError } from "../../lib/errors";
import { DEFAULT_TWILIO_CONTENT_SIDS } from "./default-content-sids";

// On Twilio a template is a Content resource (HX…), one per language. The account's credentials JSON may carry
// `contentSids` keyed "name.language" or "name"; the built-in defaults match the sandbox's templates.
// A name that already is a ContentSid is used as is.
export function resolveContentSid(template: TemplateContent, accountSids: Record<string, string> = {}): string {
  if (/^HX[0-9a-f]{32}$/i.test(template.name)) return template.name;
  const language = template.language ?? "es_AR";
  const sids = { ...DEFAULT_TWILIO_CONTENT_SIDS, ...accountSids };
  const sid = sids[`${template.name}.${language}`] ?? sids[template.name];
  if (sid) return sid;
  throw new AppError("VALIDATION_FAILED", {
    detail: `TWILIO: no ContentSid for template ${template.name} (${language})`,
    fields: { "content.name": `No hay una plantilla de Twilio (ContentSid) configurada para "${template.name}".` },
  });
}
