import { countPlaceholders, templateBodyText } from "./build-template-message";
import { DEFAULT_TEMPLATES, type TemplateVariable } from "./default-templates";
import { templateVariableValue, type TemplateContext } from "./resolve-template-variables";

// What the inbox knows about a conversation when a person picks a template: enough to prefill its fields.
export type ComposerContext = TemplateContext & { jobNumber?: number; organizationName?: string };

// One {{n}} of a template as the composer asks for it: a name people understand and a value to start from.
export type TemplateField = { index: number; label: string; value: string; example: string | null };

const VARIABLE_LABELS: Record<TemplateVariable, string> = {
  customerName: "Nombre del cliente",
  jobDate: "Fecha del turno",
  jobTime: "Hora del turno",
  technicianName: "Técnico",
  amount: "Importe",
  link: "Enlace",
  dueDate: "Fecha de vencimiento",
  code: "Código",
  alertTitle: "Título del aviso",
  alertBody: "Texto del aviso",
};

// Business-created templates only have the names their authors gave the variables (Meta's named parameters); the
// usual words are enough to prefill the obvious ones.
const NAME_HINTS: [RegExp, (ctx: ComposerContext) => string | undefined][] = [
  [/empresa|negocio|organiz|comercio/, (ctx) => ctx.organizationName],
  [/t[eé]cnico/, (ctx) => templateVariableValue("technicianName", ctx)],
  [/nombre|cliente/, (ctx) => templateVariableValue("customerName", ctx)],
  [/fecha|d[ií]a/, (ctx) => templateVariableValue("jobDate", ctx)],
  [/hora/, (ctx) => templateVariableValue("jobTime", ctx)],
  [/trabajo|n[uú]mero|orden/, (ctx) => (ctx.jobNumber === undefined ? undefined : String(ctx.jobNumber))],
];

type BodyExample = { body_text?: unknown; body_text_named_params?: unknown };

function bodyExample(components: unknown): BodyExample {
  const list = Array.isArray(components) ? (components as { type?: unknown; example?: unknown }[]) : [];
  const body = list.find((c) => typeof c === "object" && c !== null && String(c.type).toUpperCase() === "BODY");
  return typeof body?.example === "object" && body.example !== null ? (body.example as BodyExample) : {};
}

const humanize = (name: string) => {
  const words = name.replace(/[_-]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "";
};

function businessFields(components: unknown, count: number, ctx: ComposerContext): TemplateField[] {
  const example = bodyExample(components);
  const positional = Array.isArray(example.body_text) && Array.isArray(example.body_text[0]) ? (example.body_text[0] as unknown[]) : [];
  const named = Array.isArray(example.body_text_named_params) ? (example.body_text_named_params as { param_name?: unknown; example?: unknown }[]) : [];
  return Array.from({ length: count }, (_, i) => {
    const paramName = typeof named[i]?.param_name === "string" ? (named[i]!.param_name as string) : "";
    const sample = named[i]?.example ?? positional[i];
    const hint = paramName ? NAME_HINTS.find(([pattern]) => pattern.test(paramName.toLowerCase())) : undefined;
    return {
      index: i + 1,
      label: humanize(paramName) || `Dato ${i + 1}`,
      value: hint?.[1](ctx) ?? "",
      example: typeof sample === "string" && sample.trim() ? sample.trim() : null,
    };
  });
}

// The fields of a template, in {{n}} order. The system templates know what each variable is; for the others the
// author's parameter names (or "Dato n") and examples are all there is.
export function templateFields(template: { name: string; components: unknown }, ctx: ComposerContext): TemplateField[] {
  const count = countPlaceholders(templateBodyText(template.components));
  const system = DEFAULT_TEMPLATES.find((t) => t.name === template.name);
  if (!system || system.variables.length !== count) return businessFields(template.components, count, ctx);
  return system.variables.map((variable, i) => ({
    index: i + 1,
    label: VARIABLE_LABELS[variable],
    value: templateVariableValue(variable, ctx) ?? "",
    example: null,
  }));
}
