import { z } from "zod";
import { takeFault } from "../faults.ts";
import type { Router } from "../http/router.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import { deleteMedia, getMediaInfo, mediaBytes, uploadMedia } from "../meta/media-routes.ts";
import { applyFault } from "../outbound/fault-reply.ts";
import { handleMetaSend } from "../outbound/meta-send.ts";
import type { BusinessNumber, SandboxState } from "../state.ts";
import { createTemplate } from "../templates/create.ts";
import { templatesFor, type Template } from "../templates/store.ts";

// 360dialog's Cloud API proxy (waba-v2.360dialog.io) under /d360: Meta's bodies, one D360-API-KEY per number,
// 360dialog's own envelope for its layer's errors.

export function d360Error(status: number, message: string): Reply {
  return { status, json: { meta: { success: false, http_code: status, developer_message: message } } };
}

function caller(state: SandboxState, ctx: RequestContext): BusinessNumber | undefined {
  const key = ctx.headers["d360-api-key"];
  if (!key) return undefined;
  return state.numbers.find((n) => n.provider === "DIALOG_360" && n.apiKey === key);
}

type Authed = (number: BusinessNumber, ctx: RequestContext) => Promise<Reply> | Reply;

function authed(state: SandboxState, endpoint: "send" | "other", handler: Authed): (ctx: RequestContext) => Promise<Reply> {
  return async (ctx) => {
    const number = caller(state, ctx);
    if (!number) return d360Error(401, "Invalid api key");
    if (endpoint === "other") {
      const fault = takeFault(state, { provider: "DIALOG_360", phoneNumberId: number.phoneNumberId, endpoint: "other" });
      if (fault) {
        const outcome = await applyFault(state, ctx, fault, "meta");
        if (outcome.kind === "reply") return outcome.reply;
      }
    }
    return handler(number, ctx);
  };
}

const webhookSchema = z.object({ url: z.url(), headers: z.record(z.string(), z.string()).optional() });

export function registerDialog360Routes(router: Router, state: SandboxState): void {
  router.on("POST", "/d360/messages", authed(state, "send", (n, ctx) => handleMetaSend(state, n, ctx)));
  router.on("POST", "/d360/media", authed(state, "other", (n, ctx) => uploadMedia(state, n, ctx)));

  router.on("GET", "/d360/health_status", authed(state, "other", (n) => ({ status: 200, json: healthStatus(n) })));

  router.on("GET", "/d360/v1/configs/webhook", authed(state, "other", (n) => ({ status: 200, json: { url: n.webhookUrl, headers: n.webhookHeaders } })));
  router.on(
    "POST",
    "/d360/v1/configs/webhook",
    authed(state, "other", (n, ctx) => {
      const parsed = webhookSchema.safeParse(ctx.body.kind === "json" ? ctx.body.value : undefined);
      if (!parsed.success) return d360Error(400, "Invalid webhook config: 'url' must be a valid URL");
      n.webhookUrl = parsed.data.url;
      n.webhookHeaders = parsed.data.headers ?? {};
      return { status: 200, json: { url: n.webhookUrl, headers: n.webhookHeaders } };
    }),
  );

  router.on("GET", "/d360/v1/configs/templates", authed(state, "other", (n, ctx) => listTemplates(state, n, ctx)));
  router.on(
    "POST",
    "/d360/v1/configs/templates",
    authed(state, "other", (n, ctx) => {
      const result = createTemplate(state, n.wabaId, ctx.body.kind === "json" ? ctx.body.value : undefined);
      if (!result.ok) return d360Error(400, result.message);
      return { status: 201, json: d360TemplateView(result.template) };
    }),
  );

  // Download: Meta's lookaside URL with the host swapped for 360dialog's, still behind the D360 key.
  router.on(
    "GET",
    "/d360/whatsapp_business/attachments",
    authed(state, "other", (n, ctx) => {
      const media = state.media.get(ctx.query.get("mid") ?? "");
      if (!media || media.owner !== n.phoneNumberId) return d360Error(404, "Media not found");
      return mediaBytes(media);
    }),
  );

  router.on(
    "GET",
    "/d360/:mediaId",
    authed(state, "other", (n, ctx) =>
      getMediaInfo(state, n, ctx, ctx.params.mediaId ?? "", () => `${ctx.origin}/d360/whatsapp_business/attachments/`),
    ),
  );
  router.on("DELETE", "/d360/:mediaId", authed(state, "other", (n, ctx) => deleteMedia(state, n, ctx.params.mediaId ?? "")));
}

function healthStatus(n: BusinessNumber): Record<string, unknown> {
  const available = { can_send_message: "AVAILABLE" };
  return {
    health_status: {
      can_send_message: "AVAILABLE",
      entities: [
        { entity_type: "PHONE_NUMBER", id: n.phoneNumberId, ...available },
        { entity_type: "WABA", id: n.wabaId, ...available },
        { entity_type: "BUSINESS", id: `3${n.wabaId.slice(1)}`, ...available },
        { entity_type: "APP", id: "400000000000001", ...available },
      ],
    },
    id: n.phoneNumberId,
  };
}

function listTemplates(state: SandboxState, n: BusinessNumber, ctx: RequestContext): Reply {
  const all = templatesFor(state, n.wabaId);
  const limit = Math.max(1, Number(ctx.query.get("limit") ?? 1000) || 1000);
  const offset = Math.max(0, Number(ctx.query.get("offset") ?? 0) || 0);
  const page = all.slice(offset, offset + limit);
  return {
    status: 200,
    json: { count: page.length, filters: {}, limit, offset, sort: ["id"], total: all.length, waba_templates: page.map(d360TemplateView) },
  };
}

function d360TemplateView(t: Template): Record<string, unknown> {
  const status: Record<Template["status"], string> = {
    APPROVED: "approved",
    PENDING: "submitted",
    REJECTED: "rejected",
    PAUSED: "paused",
    DISABLED: "disabled",
  };
  return {
    category: t.category,
    components: t.components,
    id: t.id,
    language: t.language,
    name: t.name,
    namespace: `sandbox_${t.wabaId}`,
    quality_score: { score: "UNKNOWN" },
    rejected_reason: "NONE",
    status: status[t.status],
  };
}
