import type { Handler, Reply, RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { faultReply, takeFault } from "./faults.ts";
import { recordAnswer, recordRequest } from "./record-request.ts";

/** A handler's answer, plus (OAuth) the precise reason for a refusal that only the recorded request shows. */
export type ApiReply = Reply & { reason?: string };

export const API_PREFIX = "/mercadopago";

/** Wraps an API handler (not the browser pages): records the call and applies injected faults before it runs. */
export function apiRoute(state: SandboxState, handler: (ctx: RequestContext) => Promise<ApiReply> | ApiReply): Handler {
  return async (ctx) => {
    const mp = state.mercadopago;
    const record = recordRequest(mp, ctx);
    const fault = takeFault(mp, ctx.path.slice(API_PREFIX.length));
    if (fault) return recordAnswer(record, await faultReply(state, ctx, fault));
    const { reason, ...reply } = await handler(ctx);
    return recordAnswer(record, reply, reason);
  };
}

/** Request fields from a JSON object or a form, as strings (POST /oauth/token accepts both). */
export function fieldsOf(ctx: RequestContext): Record<string, string> | undefined {
  if (ctx.body.kind === "form") {
    return Object.fromEntries(Object.entries(ctx.body.fields).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? "") : v]));
  }
  if (ctx.body.kind === "none") return {};
  if (ctx.body.kind !== "json" || typeof ctx.body.value !== "object" || ctx.body.value === null || Array.isArray(ctx.body.value)) return undefined;
  return Object.fromEntries(
    Object.entries(ctx.body.value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
}
