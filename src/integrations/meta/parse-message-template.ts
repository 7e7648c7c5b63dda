import { isRecord } from "../whatsapp/http-request";

// A WhatsApp template as Meta (and 360dialog, which mirrors it) describes it.
export type MessageTemplate = {
  id?: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components: unknown[];
};

export type MessageTemplateDefinition = {
  name: string;
  language: string;
  category: "UTILITY" | "MARKETING" | "AUTHENTICATION";
  components: unknown[];
};

export function parseMessageTemplate(value: unknown): MessageTemplate | null {
  if (!isRecord(value) || typeof value.name !== "string") return null;
  return {
    ...(typeof value.id === "string" ? { id: value.id } : {}),
    name: value.name,
    language: typeof value.language === "string" ? value.language : "",
    status: typeof value.status === "string" ? value.status : "UNKNOWN",
    category: typeof value.category === "string" ? value.category : "UNKNOWN",
    components: Array.isArray(value.components) ? value.components : [],
  };
}

// Meta lists under `data`; 360dialog under `waba_templates`.
export function parseMessageTemplateList(body: unknown): MessageTemplate[] {
  const items = isRecord(body) ? (Array.isArray(body.data) ? body.data : Array.isArray(body.waba_templates) ? body.waba_templates : []) : [];
  return items.map(parseMessageTemplate).filter((t): t is MessageTemplate => t !== null);
}
