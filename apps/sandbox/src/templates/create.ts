import { z } from "zod";
import { newGraphId } from "../ids.ts";
import { schedule, type SandboxState } from "../state.ts";
import { templateStatusEnvelope } from "../webhooks/envelope.ts";
import { sendMetaWebhook } from "../webhooks/send.ts";
import { templatesFor, type Template, type TemplateComponent } from "./store.ts";

const componentSchema = z
  .object({
    type: z.string().transform((s) => s.toUpperCase()).pipe(z.enum(["HEADER", "BODY", "FOOTER", "BUTTONS"])),
    format: z.string().transform((s) => s.toUpperCase()).pipe(z.enum(["TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION"])).optional(),
    text: z.string().optional(),
    buttons: z.array(z.object({ type: z.string(), text: z.string() }).loose()).optional(),
    example: z.unknown().optional(),
  })
  .loose();

export const createTemplateSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, "name must contain only lowercase letters, numbers and underscores"),
  language: z.string().min(2),
  category: z.string().transform((s) => s.toUpperCase()).pipe(z.enum(["UTILITY", "MARKETING", "AUTHENTICATION"])),
  components: z.array(componentSchema).refine((c) => c.some((x) => x.type === "BODY"), "components must include a BODY"),
  allow_category_change: z.boolean().optional(),
});

export type CreateTemplateResult = { ok: true; template: Template } | { ok: false; reason: "duplicate" | "invalid"; message: string };

/** Creates a PENDING template and, like Meta's review, approves it later with a message_template_status_update webhook. */
export function createTemplate(state: SandboxState, wabaId: string, input: unknown): CreateTemplateResult {
  const parsed = createTemplateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid", message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  const list = templatesFor(state, wabaId);
  const { name, language, category, components } = parsed.data;
  if (list.some((t) => t.name === name && t.language === language)) {
    return { ok: false, reason: "duplicate", message: `There is already ${language} content for this template. You can create a new template and try again.` };
  }
  const template: Template = {
    id: newGraphId(),
    name,
    language,
    category,
    status: "PENDING",
    components: components as TemplateComponent[],
    wabaId,
    createdAt: new Date().toISOString(),
  };
  list.push(template);
  const delay = state.config.templateApprovalDelayMs;
  if (delay !== null) schedule(state, delay, () => approve(state, template));
  return { ok: true, template };
}

function approve(state: SandboxState, template: Template): void {
  template.status = "APPROVED";
  const value = {
    event: "APPROVED",
    message_template_id: Number(template.id),
    message_template_name: template.name,
    message_template_language: template.language,
    message_template_category: template.category,
    reason: "NONE",
  };
  for (const number of state.numbers) {
    if (number.wabaId !== template.wabaId || number.provider === "TWILIO") continue;
    void sendMetaWebhook(state, number, "template", templateStatusEnvelope(template.wabaId, value));
  }
}
