import { newGraphId } from "../ids.ts";
import type { SandboxState } from "../state.ts";

export type TemplateStatus = "APPROVED" | "PENDING" | "REJECTED" | "PAUSED" | "DISABLED";
export type TemplateComponent = {
  type: "HEADER" | "BODY" | "FOOTER" | "BUTTONS";
  format?: "TEXT" | "IMAGE" | "VIDEO" | "DOCUMENT" | "LOCATION";
  text?: string;
  buttons?: { type: string; text: string; url?: string; phone_number?: string; otp_type?: string }[];
  example?: unknown;
};
export type Template = {
  id: string;
  name: string;
  language: string;
  status: TemplateStatus;
  category: "UTILITY" | "MARKETING" | "AUTHENTICATION";
  components: TemplateComponent[];
  wabaId: string;
  createdAt: string;
};

type Seed = Pick<Template, "name" | "category" | "components">;

// Built-in approved es_AR templates, the ones the platform's notifications use. Every WABA starts with them.
const BUILT_IN: Seed[] = [
  {
    name: "job_scheduled",
    category: "UTILITY",
    components: [
      { type: "BODY", text: "Hola {{1}}, tu turno quedó agendado para el {{2}} a las {{3}}. Técnico: {{4}}." },
      { type: "FOOTER", text: "CampoTech" },
    ],
  },
  {
    name: "invoice_ready",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Hola {{1}}, tu factura por {{2}} ya está disponible. Podés verla y pagarla acá: {{3}}" }],
  },
  {
    name: "payment_confirmed",
    category: "UTILITY",
    components: [{ type: "BODY", text: "¡Gracias {{1}}! Recibimos tu pago de {{2}}." }],
  },
  {
    name: "payment_reminder",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Hola {{1}}, te recordamos que tenés un saldo pendiente de {{2}} que vence el {{3}}. Podés verlo y pagarlo acá: {{4}}" }],
  },
  {
    name: "welcome",
    category: "UTILITY",
    components: [{ type: "BODY", text: "¡Hola {{1}}! Gracias por escribirnos. Contanos en qué te podemos ayudar." }],
  },
  {
    name: "otp_code",
    category: "AUTHENTICATION",
    components: [
      { type: "BODY", text: "{{1}} es tu código de verificación." },
      {
        type: "BUTTONS",
        buttons: [{ type: "URL", text: "Copiar código", url: "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}" }],
      },
    ],
  },
  // Appended, never inserted: a template's position is its Twilio Content SID (twilio/content.ts).
  {
    name: "technician_on_the_way",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Hola {{1}}, {{2}} ya está en camino. Seguí su llegada acá: {{3}}" }],
  },
  {
    name: "job_completed",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Hola {{1}}, {{2}} terminó el trabajo. ¡Gracias por elegirnos!" }],
  },
  {
    name: "job_reminder",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Hola {{1}}, te recordamos tu turno del {{2}} a las {{3}}. Técnico: {{4}}." }],
  },
  {
    name: "staff_alert",
    category: "UTILITY",
    components: [{ type: "BODY", text: "CampoTech · {{1}}: {{2}}" }],
  },
];

export const BUILT_IN_TEMPLATE_NAMES = BUILT_IN.map((t) => t.name);

/** The WABA's templates, seeded with the built-ins on first use. */
export function templatesFor(state: SandboxState, wabaId: string): Template[] {
  let list = state.templates.get(wabaId);
  if (!list) {
    const createdAt = new Date(0).toISOString();
    list = BUILT_IN.map((seed) => ({ ...structuredClone(seed), id: newGraphId(), language: "es_AR", status: "APPROVED", wabaId, createdAt }));
    state.templates.set(wabaId, list);
  }
  return list;
}

export function findTemplate(state: SandboxState, wabaId: string, name: string, language: string): Template | undefined {
  return templatesFor(state, wabaId).find((t) => t.name === name && t.language === language);
}

/** Distinct {{n}} / {{named}} placeholders in a text. */
export function placeholders(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set([...text.matchAll(/\{\{\s*([\w]+)\s*\}\}/g)].map((m) => m[1] as string))];
}

export function renderText(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([\w]+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}
