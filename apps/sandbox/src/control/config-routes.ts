import { z } from "zod";
import type { Router } from "../http/router.ts";
import { json, type RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";

const delay = z.number().int().min(0);

const patchSchema = z
  .object({
    statusDelaysMs: z.object({ sent: delay.optional(), delivered: delay.nullable().optional(), read: delay.nullable().optional() }).optional(),
    batchStatuses: z.boolean().optional(),
    batchWindowMs: delay.optional(),
    outOfOrder: z.union([z.boolean(), z.enum(["read-before-delivered", "omit-delivered", "reverse"])]).optional(),
    duplicateDeliveries: z.boolean().optional(),
    webhookRetry: z.object({ baseMs: delay.optional(), maxAttempts: z.number().int().min(1).max(50).optional() }).optional(),
    webhookTimeoutMs: z.number().int().min(1).optional(),
    templateApprovalDelayMs: delay.nullable().optional(),
    metaEnforceWindow: z.boolean().optional(),
    metaEscapeSlashes: z.boolean().optional(),
  })
  .strict();

export function bodyOf(ctx: RequestContext): unknown {
  return ctx.body.kind === "json" ? ctx.body.value : ctx.body.kind === "none" ? {} : undefined;
}

export function registerConfigRoutes(router: Router, state: SandboxState): void {
  router.on("GET", "/_sandbox/config", () => json(200, runtimeView(state)));
  router.on("POST", "/_sandbox/config", (ctx) => {
    const parsed = patchSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "invalid config", issues: parsed.error.issues });
    const patch = parsed.data;
    const c = state.config;
    // Nested objects merge so a test can change one delay without restating the others.
    if (patch.statusDelaysMs) c.statusDelaysMs = { ...c.statusDelaysMs, ...definedOnly(patch.statusDelaysMs) };
    if (patch.webhookRetry) c.webhookRetry = { ...c.webhookRetry, ...definedOnly(patch.webhookRetry) };
    if (patch.batchStatuses !== undefined) c.batchStatuses = patch.batchStatuses;
    if (patch.batchWindowMs !== undefined) c.batchWindowMs = patch.batchWindowMs;
    if (patch.outOfOrder !== undefined) c.outOfOrder = patch.outOfOrder;
    if (patch.duplicateDeliveries !== undefined) c.duplicateDeliveries = patch.duplicateDeliveries;
    if (patch.webhookTimeoutMs !== undefined) c.webhookTimeoutMs = patch.webhookTimeoutMs;
    if (patch.templateApprovalDelayMs !== undefined) c.templateApprovalDelayMs = patch.templateApprovalDelayMs;
    if (patch.metaEnforceWindow !== undefined) c.metaEnforceWindow = patch.metaEnforceWindow;
    if (patch.metaEscapeSlashes !== undefined) c.metaEscapeSlashes = patch.metaEscapeSlashes;
    return json(200, runtimeView(state));
  });
}

function definedOnly<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** Runtime knobs only; secrets stay out of the control API. */
function runtimeView(state: SandboxState): Record<string, unknown> {
  const c = state.config;
  return {
    statusDelaysMs: c.statusDelaysMs,
    batchStatuses: c.batchStatuses,
    batchWindowMs: c.batchWindowMs,
    outOfOrder: c.outOfOrder,
    duplicateDeliveries: c.duplicateDeliveries,
    webhookRetry: c.webhookRetry,
    webhookTimeoutMs: c.webhookTimeoutMs,
    templateApprovalDelayMs: c.templateApprovalDelayMs,
    metaEnforceWindow: c.metaEnforceWindow,
    metaEscapeSlashes: c.metaEscapeSlashes,
    publicBaseUrl: c.publicBaseUrl,
    metaGraphApiVersion: c.metaGraphApiVersion,
  };
}
