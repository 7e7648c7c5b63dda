import type { Router } from "../http/router.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import { takeFault } from "../faults.ts";
import { applyFault } from "../outbound/fault-reply.ts";
import { handleMetaSend } from "../outbound/meta-send.ts";
import type { BusinessNumber, SandboxState } from "../state.ts";
import { graphHeaders, invalidTokenError, unknownObjectError } from "./errors.ts";
import { deleteMedia, downloadMedia, getMediaInfo, uploadMedia } from "./media-routes.ts";
import { createMetaTemplate, listMetaTemplates } from "./template-routes.ts";

// Graph API emulation under /meta. Bearer tokens are per phone number (the org's system-user token in real life).

function bearer(ctx: RequestContext): string | undefined {
  const header = ctx.headers.authorization;
  if (header?.toLowerCase().startsWith("bearer ")) return header.slice(7).trim();
  return ctx.query.get("access_token") ?? undefined;
}

export function metaCaller(state: SandboxState, ctx: RequestContext): BusinessNumber | undefined {
  const token = bearer(ctx);
  if (!token) return undefined;
  return state.numbers.find((n) => n.provider === "META_DIRECT" && n.accessToken === token);
}

const VERSION = /^v\d+\.\d+$/;

/** Auth, version and account-level faults shared by every Graph endpoint. */
async function guard(state: SandboxState, ctx: RequestContext, endpoint: "send" | "other"): Promise<BusinessNumber | Reply> {
  const caller = metaCaller(state, ctx);
  if (!caller) return invalidTokenError();
  if (ctx.params.version !== undefined && !VERSION.test(ctx.params.version)) return unknownObjectError(ctx.params.version, "get");
  if (endpoint === "other") {
    const fault = takeFault(state, { provider: "META_DIRECT", phoneNumberId: caller.phoneNumberId, endpoint: "other" });
    if (fault) {
      const outcome = await applyFault(state, ctx, fault, "meta");
      if (outcome.kind === "reply") return outcome.reply;
    }
  }
  return caller;
}

function isReply(v: BusinessNumber | Reply): v is Reply {
  return "status" in v && typeof v.status === "number";
}

export function registerMetaRoutes(router: Router, state: SandboxState): void {
  router.on("GET", "/meta/media-download/:token", (ctx) => downloadMedia(state, ctx, metaCaller(state, ctx)));

  router.on("POST", "/meta/:version/:phoneNumberId/messages", async (ctx) => {
    const caller = await guard(state, ctx, "send");
    if (isReply(caller)) return caller;
    if (caller.phoneNumberId !== ctx.params.phoneNumberId) return unknownObjectError(ctx.params.phoneNumberId ?? "", "post");
    return handleMetaSend(state, caller, ctx);
  });

  router.on("POST", "/meta/:version/:phoneNumberId/media", async (ctx) => {
    const caller = await guard(state, ctx, "other");
    if (isReply(caller)) return caller;
    if (caller.phoneNumberId !== ctx.params.phoneNumberId) return unknownObjectError(ctx.params.phoneNumberId ?? "", "post");
    return uploadMedia(state, caller, ctx);
  });

  router.on("GET", "/meta/:version/:wabaId/message_templates", async (ctx) => {
    const caller = await guard(state, ctx, "other");
    if (isReply(caller)) return caller;
    if (caller.wabaId !== ctx.params.wabaId) return unknownObjectError(ctx.params.wabaId ?? "", "get");
    return listMetaTemplates(state, caller.wabaId, ctx);
  });

  router.on("POST", "/meta/:version/:wabaId/message_templates", async (ctx) => {
    const caller = await guard(state, ctx, "other");
    if (isReply(caller)) return caller;
    if (caller.wabaId !== ctx.params.wabaId) return unknownObjectError(ctx.params.wabaId ?? "", "post");
    return createMetaTemplate(state, caller.wabaId, ctx);
  });

  // GET /{id}: a phone number (health check) or a media id (download step 1).
  router.on("GET", "/meta/:version/:id", async (ctx) => {
    const caller = await guard(state, ctx, "other");
    if (isReply(caller)) return caller;
    const id = ctx.params.id ?? "";
    if (id === caller.phoneNumberId) return { status: 200, json: onlyFields(phoneNumberHealth(caller), ctx.query.get("fields")), headers: graphHeaders() };
    if (id === caller.wabaId) return { status: 200, json: { id, name: caller.verifiedName, currency: "USD", timezone_id: "1", message_template_namespace: `sandbox_${id}` } };
    return getMediaInfo(state, caller, ctx, id, (m) => `${ctx.origin}/meta/media-download/${m.downloadToken}`);
  });

  router.on("DELETE", "/meta/:version/:id", async (ctx) => {
    const caller = await guard(state, ctx, "other");
    if (isReply(caller)) return caller;
    return deleteMedia(state, caller, ctx.params.id ?? "");
  });
}

export function phoneNumberHealth(n: BusinessNumber): Record<string, unknown> {
  return {
    verified_name: n.verifiedName,
    display_phone_number: formatDisplay(n.displayPhoneNumber),
    quality_rating: "GREEN",
    code_verification_status: "VERIFIED",
    platform_type: "CLOUD_API",
    throughput: { level: "STANDARD" },
    messaging_limit_tier: "TIER_250",
    name_status: "APPROVED",
    id: n.phoneNumberId,
  };
}

/** Graph returns only the requested `fields` (plus id) when the caller asks for some. */
function onlyFields(object: Record<string, unknown>, fields: string | null): Record<string, unknown> {
  if (!fields) return object;
  const wanted = new Set([...fields.split(",").map((f) => f.trim()), "id"]);
  return Object.fromEntries(Object.entries(object).filter(([k]) => wanted.has(k)));
}

/** Graph shows display numbers formatted, e.g. "+54 11 5263-0000". */
function formatDisplay(digits: string): string {
  const m = /^54(9?)(11)(\d{4})(\d{4})$/.exec(digits);
  return m ? `+54 ${m[1] ? "9 " : ""}${m[2]} ${m[3]}-${m[4]}` : `+${digits}`;
}
