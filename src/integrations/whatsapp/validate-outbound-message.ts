import { outboundMessageSchema } from "../../contracts/whatsapp";
import { AppError } from "../../lib/errors";
import type { BspProvider, ProviderCapabilities, SendInput } from "./types";

// Meta's limits (reference/WHATSAPP.md §2). Checking them here turns a provider round trip that would fail
// with 131009 into an immediate, precise error the composer can show next to the right field.
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  footer: 60,
  headerText: 60,
  replyButtons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButton: 20,
  listSections: 10,
  listRows: 10,
  rowTitle: 24,
  rowId: 200,
  rowDescription: 72,
  sectionTitle: 24,
  caption: 1024,
  callbackDataBytes: 512,
} as const;

export type ValidationIssue = { field: string; message: string };

const PROVIDER_NAMES: Record<BspProvider, string> = { META_DIRECT: "Meta", DIALOG_360: "360dialog", TWILIO: "Twilio" };

// Pure check: returns every problem found (empty when the message can be sent). Field messages are es-AR
// because the web composer shows them to people.
export function validateOutboundMessage(
  input: SendInput,
  target?: { provider: BspProvider; capabilities: ProviderCapabilities },
): ValidationIssue[] {
  const parsed = outboundMessageSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "content", message: issue.message }));
  }
  const issues: ValidationIssue[] = [];
  const { content } = parsed.data;
  const max = (field: string, value: string | undefined, limit: number, what: string): void => {
    if (value !== undefined && length(value) > limit) {
      issues.push({ field, message: `${what} no puede superar ${limit} caracteres.` });
    }
  };

  if (parsed.data.callbackData !== undefined && Buffer.byteLength(parsed.data.callbackData) > WHATSAPP_LIMITS.callbackDataBytes) {
    issues.push({ field: "callbackData", message: `Los datos de seguimiento no pueden superar ${WHATSAPP_LIMITS.callbackDataBytes} bytes.` });
  }

  switch (content.type) {
    case "text":
      max("content.body", content.body, WHATSAPP_LIMITS.textBody, "El mensaje");
      break;
    case "buttons": {
      max("content.body", content.body, WHATSAPP_LIMITS.interactiveBody, "El texto");
      max("content.footer", content.footer, WHATSAPP_LIMITS.footer, "El pie");
      if (content.header?.type === "text") max("content.header.text", content.header.text, WHATSAPP_LIMITS.headerText, "El encabezado");
      if (content.header && content.header.type !== "text") mediaRefIssue("content.header.media", content.header.media, issues);
      if (content.buttons.length > WHATSAPP_LIMITS.replyButtons) {
        issues.push({ field: "content.buttons", message: `WhatsApp permite como máximo ${WHATSAPP_LIMITS.replyButtons} botones.` });
      }
      content.buttons.forEach((button, i) => {
        max(`content.buttons.${i}.title`, button.title, WHATSAPP_LIMITS.buttonTitle, "El título del botón");
        max(`content.buttons.${i}.id`, button.id, WHATSAPP_LIMITS.buttonId, "El id del botón");
      });
      duplicateIds(content.buttons.map((b) => b.id), "content.buttons", issues);
      break;
    }
    case "list": {
      max("content.body", content.body, WHATSAPP_LIMITS.interactiveBody, "El texto");
      max("content.footer", content.footer, WHATSAPP_LIMITS.footer, "El pie");
      max("content.header.text", content.header?.text, WHATSAPP_LIMITS.headerText, "El encabezado");
      max("content.button", content.button, WHATSAPP_LIMITS.listButton, "El botón de la lista");
      if (content.sections.length > WHATSAPP_LIMITS.listSections) {
        issues.push({ field: "content.sections", message: `WhatsApp permite como máximo ${WHATSAPP_LIMITS.listSections} secciones.` });
      }
      const rows = content.sections.flatMap((s) => s.rows);
      if (rows.length === 0) issues.push({ field: "content.sections", message: "La lista necesita al menos una opción." });
      if (rows.length > WHATSAPP_LIMITS.listRows) {
        issues.push({ field: "content.sections", message: `WhatsApp permite como máximo ${WHATSAPP_LIMITS.listRows} opciones en total.` });
      }
      content.sections.forEach((section, s) => {
        if (content.sections.length > 1 && !section.title) {
          issues.push({ field: `content.sections.${s}.title`, message: "Con más de una sección, cada sección necesita un título." });
        }
        max(`content.sections.${s}.title`, section.title, WHATSAPP_LIMITS.sectionTitle, "El título de la sección");
        section.rows.forEach((row, r) => {
          const field = `content.sections.${s}.rows.${r}`;
          max(`${field}.title`, row.title, WHATSAPP_LIMITS.rowTitle, "El título de la opción");
          max(`${field}.id`, row.id, WHATSAPP_LIMITS.rowId, "El id de la opción");
          max(`${field}.description`, row.description, WHATSAPP_LIMITS.rowDescription, "La descripción de la opción");
        });
      });
      duplicateIds(rows.map((r) => r.id), "content.sections", issues);
      break;
    }
    case "media":
      mediaRefIssue("content", content, issues);
      if (content.caption !== undefined && (content.kind === "audio" || content.kind === "sticker")) {
        issues.push({ field: "content.caption", message: "Los audios y stickers no llevan texto." });
      }
      max("content.caption", content.caption, WHATSAPP_LIMITS.caption, "El texto del archivo");
      if (content.filename !== undefined && content.kind !== "document") {
        issues.push({ field: "content.filename", message: "Solo los documentos llevan nombre de archivo." });
      }
      break;
    case "template":
    case "location":
    case "reaction":
      break;
  }

  if (target) issues.push(...capabilityIssues(input, target));
  return issues;
}

// The throwing form used by every provider's send(): content problems are the caller's bug or the person's
// input, never worth a retry, so they surface as one AppError listing every field.
export function assertValidOutboundMessage(
  input: SendInput,
  target: { provider: BspProvider; capabilities: ProviderCapabilities },
): void {
  const issues = validateOutboundMessage(input, target);
  if (issues.length === 0) return;
  throw new AppError("VALIDATION_FAILED", {
    detail: `${target.provider}: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`,
    fields: Object.fromEntries(issues.map((i) => [i.field, i.message])),
  });
}

function capabilityIssues(
  input: SendInput,
  { provider, capabilities }: { provider: BspProvider; capabilities: ProviderCapabilities },
): ValidationIssue[] {
  const name = PROVIDER_NAMES[provider];
  const { content } = input;
  if (!capabilities.contentTypes.has(content.type)) {
    const why =
      content.type === "buttons" || content.type === "list"
        ? `${name} solo envía botones y listas como plantillas de contenido: usá una plantilla.`
        : `${name} no permite enviar este tipo de mensaje (${content.type}).`;
    return [{ field: "content.type", message: why }];
  }
  if (content.type === "media" && content.id !== undefined && !capabilities.mediaById) {
    return [{ field: "content.id", message: `${name} no envía archivos por id: usá un enlace público (link).` }];
  }
  return [];
}

function mediaRefIssue(field: string, media: { id?: string | undefined; link?: string | undefined }, issues: ValidationIssue[]): void {
  if ((media.id === undefined) === (media.link === undefined)) {
    issues.push({ field: `${field}.id`, message: "Indicá el archivo por id o por link, uno de los dos." });
  }
}

function duplicateIds(ids: string[], field: string, issues: ValidationIssue[]): void {
  if (new Set(ids).size !== ids.length) issues.push({ field, message: "Los ids de las opciones no pueden repetirse." });
}

// WhatsApp counts characters, not UTF-16 units: an emoji is one.
function length(value: string): number {
  return Array.from(value).length;
}
