import type { Reply, RequestContext } from "../http/types.ts";
import { newFbtraceId } from "../ids.ts";
import type { SandboxState } from "../state.ts";
import { createTemplate } from "../templates/create.ts";
import { templatesFor, type Template } from "../templates/store.ts";
import { graphHeaders } from "./errors.ts";

// GET/POST /{waba-id}/message_templates with Graph's cursor paging.

export function listMetaTemplates(state: SandboxState, wabaId: string, ctx: RequestContext): Reply {
  const q = ctx.query;
  let list = templatesFor(state, wabaId);
  const name = q.get("name");
  if (name) list = list.filter((t) => t.name.includes(name));
  const status = q.get("status");
  if (status) list = list.filter((t) => t.status === status.toUpperCase());
  const language = q.get("language");
  if (language) list = list.filter((t) => t.language === language);
  const limit = Math.min(Math.max(Number(q.get("limit") ?? 25) || 25, 1), 1000);
  const after = q.get("after");
  const start = after ? decodeCursor(after) + 1 : 0;
  const page = list.slice(start, start + limit);
  const json: Record<string, unknown> = { data: page.map(metaTemplateView) };
  if (page.length > 0) {
    const cursors = { before: encodeCursor(start), after: encodeCursor(start + page.length - 1) };
    const paging: Record<string, unknown> = { cursors };
    if (start + page.length < list.length) {
      paging.next = `${ctx.origin}${ctx.path}?limit=${limit}&after=${cursors.after}`;
    }
    json.paging = paging;
  }
  return { status: 200, json, headers: graphHeaders() };
}

export function createMetaTemplate(state: SandboxState, wabaId: string, ctx: RequestContext): Reply {
  const result = createTemplate(state, wabaId, ctx.body.kind === "json" ? ctx.body.value : undefined);
  if (!result.ok) {
    return {
      status: 400,
      json: {
        error: {
          message: "Invalid parameter",
          type: "OAuthException",
          code: 100,
          ...(result.reason === "duplicate" ? { error_subcode: 2388024, error_user_title: "Content in This Language Already Exists" } : {}),
          is_transient: false,
          error_user_msg: result.message,
          fbtrace_id: newFbtraceId(),
        },
      },
    };
  }
  return { status: 200, json: { id: result.template.id, status: result.template.status, category: result.template.category } };
}

export function metaTemplateView(t: Template): Record<string, unknown> {
  return { name: t.name, parameter_format: "POSITIONAL", components: t.components, language: t.language, status: t.status, category: t.category, id: t.id };
}

function encodeCursor(index: number): string {
  return Buffer.from(String(index)).toString("base64url");
}

function decodeCursor(cursor: string): number {
  const n = Number(Buffer.from(cursor, "base64url").toString("utf8"));
  return Number.isInteger(n) && n >= 0 ? n : -1;
}
