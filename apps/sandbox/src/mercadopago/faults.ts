import { z } from "zod";
import { holdFor } from "../faults.ts";
import { newRecordId } from "../ids.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { invalidToken, mpError } from "./errors.ts";
import type { MercadoPagoFault, MercadoPagoState } from "./state.ts";

// Fault injection for the MercadoPago API (POST /_sandbox/mercadopago/faults): outages, hung calls and tokens that stop
// working, on every API call or only under a path prefix ("/v1/payments", "/oauth/token"…). Browser pages (consent,
// checkout) are never affected.

export const createFaultSchema = z
  .object({
    kind: z.enum(["5xx", "timeout", "401"]),
    path: z.string().regex(/^\//, "path empieza con /").optional(),
    count: z.number().int().positive().optional(),
    status: z.union([z.literal(500), z.literal(502), z.literal(503)]).optional(),
    timeoutMs: z.number().int().min(0).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.status !== undefined && f.kind !== "5xx") ctx.addIssue({ code: "custom", message: "status solo va con kind 5xx" });
    if (f.timeoutMs !== undefined && f.kind !== "timeout") ctx.addIssue({ code: "custom", message: "timeoutMs solo va con kind timeout" });
  });

export function addFault(mp: MercadoPagoState, input: z.infer<typeof createFaultSchema>): MercadoPagoFault {
  const fault: MercadoPagoFault = {
    id: newRecordId("mpf"),
    kind: input.kind,
    status: input.status ?? 500,
    timeoutMs: input.timeoutMs ?? 30_000,
    hits: 0,
    createdAt: new Date().toISOString(),
    // Accept "/mercadopago/v1/payments" as well as "/v1/payments".
    ...(input.path ? { path: input.path.replace(/^\/mercadopago(?=\/)/, "") } : {}),
    ...(input.count !== undefined ? { remaining: input.count } : {}),
  };
  mp.faults.push(fault);
  return fault;
}

/** The first live fault whose path prefix matches `apiPath` (the path without /mercadopago); consumes one use. */
export function takeFault(mp: MercadoPagoState, apiPath: string): MercadoPagoFault | undefined {
  for (const fault of mp.faults) {
    if (fault.remaining !== undefined && fault.remaining <= 0) continue;
    if (fault.path !== undefined && !apiPath.startsWith(fault.path)) continue;
    if (fault.remaining !== undefined) fault.remaining -= 1;
    fault.hits += 1;
    return fault;
  }
  return undefined;
}

export async function faultReply(state: SandboxState, ctx: RequestContext, fault: MercadoPagoFault): Promise<Reply> {
  if (fault.kind === "401") return invalidToken();
  if (fault.kind === "5xx") {
    const error = fault.status === 500 ? "internal_server_error" : fault.status === 502 ? "bad_gateway" : "service_unavailable";
    return mpError(fault.status, error, fault.status === 500 ? "Internal server error" : "Service temporarily unavailable");
  }
  const result = await holdFor(fault.timeoutMs, [ctx.signal, state.lifecycle.signal]);
  if (result === "aborted") return { status: 0, dropped: true };
  return mpError(504, "gateway_timeout", "Gateway Timeout");
}
