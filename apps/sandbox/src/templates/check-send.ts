import type { Reply } from "../http/types.ts";
import { graphParamError, metaError } from "../meta/errors.ts";
import { findTemplate, placeholders, renderText, type Template } from "./store.ts";
import type { SandboxState } from "../state.ts";

type Param = Record<string, unknown>;
type RequestComponent = { type?: unknown; sub_type?: unknown; index?: unknown; parameters?: unknown };

export type TemplateCheck = { ok: true; template: Template; rendered: string } | { ok: false; reply: Reply };

/** Meta's checks on a template send: exists and approved in that language, parameter counts, formats, lengths. */
export function checkTemplateSend(state: SandboxState, wabaId: string, input: unknown): TemplateCheck {
  const t = (input ?? {}) as { name?: unknown; language?: { code?: unknown }; components?: unknown };
  if (typeof t.name !== "string" || t.name === "") return fail(graphParamError("The parameter template['name'] is required."));
  const code = t.language?.code;
  if (typeof code !== "string" || code === "") return fail(graphParamError("The parameter template['language']['code'] is required."));
  const template = findTemplate(state, wabaId, t.name, code);
  if (!template || template.status === "PENDING" || template.status === "REJECTED") {
    return fail(metaError(132001, `template name (${t.name}) does not exist in ${code}`));
  }
  if (template.status === "PAUSED") return fail(metaError(132015));
  if (template.status === "DISABLED") return fail(metaError(132016));
  const components = Array.isArray(t.components) ? (t.components as RequestComponent[]) : [];
  const byType = (type: string): RequestComponent | undefined =>
    components.find((c) => typeof c.type === "string" && c.type.toLowerCase() === type);

  let rendered = "";
  for (const part of ["header", "body"] as const) {
    const defined = template.components.find((c) => c.type.toLowerCase() === part);
    const params = paramsOf(byType(part));
    if (part === "header" && defined?.format && defined.format !== "TEXT") {
      const media = params[0];
      const kind = defined.format.toLowerCase();
      const got = typeof media?.type === "string" ? media.type.toUpperCase() : "UNKNOWN";
      if (!media || media.type !== kind) return fail(metaError(132012, `header: Format mismatch, expected ${defined.format}, received ${got}`));
      continue;
    }
    const expected = placeholders(defined?.text);
    if (params.length !== expected.length) {
      return fail(metaError(132000, `${part}: number of localizable_params (${params.length}) does not match the expected number of params (${expected.length})`));
    }
    const values: Record<string, string> = {};
    for (const [i, p] of params.entries()) {
      const value = paramText(p);
      if (value === undefined) return fail(metaError(131008, `Parameter of type ${String(p.type ?? "unknown")} is missing ${String(p.type ?? "a")} value`));
      if (/[\n\t]| {5,}/.test(value)) {
        return fail(metaError(131009, "Param text cannot have new-line/tab characters or more than 4 consecutive spaces"));
      }
      const key = typeof p.parameter_name === "string" ? p.parameter_name : (expected[i] ?? String(i + 1));
      values[key] = value;
    }
    if (part === "body") rendered = renderText(defined?.text ?? "", values);
  }
  if (rendered.length > 1024) return fail(metaError(132005, "Hydrated text of the template body exceeds 1024 characters"));

  const buttons = template.components.find((c) => c.type === "BUTTONS")?.buttons ?? [];
  for (const [i, button] of buttons.entries()) {
    if (button.type !== "URL" || placeholders(button.url).length === 0) continue;
    const given = components.find((c) => String(c.type).toLowerCase() === "button" && String(c.sub_type).toLowerCase() === "url" && String(c.index) === String(i));
    const params = paramsOf(given);
    if (params.length !== 1 || paramText(params[0] as Param) === undefined) {
      return fail(metaError(131008, `buttons: Button at index ${i} of type Url requires a parameter`));
    }
  }
  return { ok: true, template, rendered };
}

function fail(reply: Reply): TemplateCheck {
  return { ok: false, reply };
}

function paramsOf(component: RequestComponent | undefined): Param[] {
  return Array.isArray(component?.parameters) ? (component.parameters as Param[]) : [];
}

/** The text a parameter contributes; undefined when its value is missing or empty. */
function paramText(p: Param): string | undefined {
  const pick = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);
  switch (p.type) {
    case "text":
      return pick(p.text);
    case "currency":
      return pick((p.currency as Param | undefined)?.fallback_value);
    case "date_time":
      return pick((p.date_time as Param | undefined)?.fallback_value);
    case "payload":
      return pick(p.payload);
    default:
      return undefined;
  }
}
