import { z } from "zod";
import { newRecordId } from "../ids.ts";
import type { ArcaFault, ArcaFaultKind, ArcaState } from "./state.ts";
import { isWsfeMethod, WSAA_METHOD } from "./wsfe-methods.ts";

// Fault injection for ARCA (POST /_sandbox/arca/faults). Where each kind applies:
// - WSAA (loginCms): 5xx, timeout, wsaa_unavailable.
// - WSFE, before the method runs: 5xx, timeout, error_502 (not FEDummy, which has no Errors).
// - FECAESolicitar only: reject (next matching record), timeout_after_commit (after an approved record is stored).

export const createArcaFaultSchema = z
  .object({
    kind: z.enum(["5xx", "timeout", "timeout_after_commit", "error_502", "wsaa_unavailable", "reject"]),
    method: z.string().min(1).optional(),
    cuit: z.string().regex(/^\d{11}$/, "la CUIT va con 11 dígitos").optional(),
    count: z.number().int().positive().optional(),
    timeoutMs: z.number().int().min(0).optional(),
    status: z.union([z.literal(500), z.literal(503)]).optional(),
    codes: z.array(z.number().int().positive()).min(1).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const issue = (message: string): void => ctx.addIssue({ code: "custom", message });
    if (f.method !== undefined && f.method !== WSAA_METHOD && !isWsfeMethod(f.method)) issue(`método desconocido "${f.method}": loginCms o un método WSFEv1 que el sandbox emula`);
    if (f.kind === "wsaa_unavailable" && f.method !== undefined && f.method !== WSAA_METHOD) issue("wsaa_unavailable solo aplica a loginCms");
    if (f.kind === "error_502" && (f.method === WSAA_METHOD || f.method === "FEDummy")) issue("error_502 aplica a métodos WSFEv1 con Errors (no loginCms ni FEDummy)");
    if ((f.kind === "reject" || f.kind === "timeout_after_commit") && f.method !== undefined && f.method !== "FECAESolicitar") issue(`${f.kind} solo aplica a FECAESolicitar`);
    if (f.kind === "reject" && !f.codes) issue("reject necesita codes: [números de observación]");
    if (f.kind !== "reject" && f.codes) issue("codes solo va con kind reject");
    if (f.kind !== "5xx" && f.status) issue("status solo va con kind 5xx");
  });

export function addArcaFault(arca: ArcaState, input: z.infer<typeof createArcaFaultSchema>): ArcaFault {
  const fault: ArcaFault = {
    id: newRecordId("afl"),
    kind: input.kind,
    timeoutMs: input.timeoutMs ?? 30_000,
    status: input.status ?? 503,
    hits: 0,
    createdAt: new Date().toISOString(),
    ...(input.method ? { method: input.method } : {}),
    ...(input.cuit ? { cuit: input.cuit } : {}),
    ...(input.count !== undefined ? { remaining: input.count } : {}),
    ...(input.codes ? { codes: input.codes } : {}),
  };
  arca.faults.push(fault);
  return fault;
}

export type ArcaFaultRequest = { service: "wsaa" | "wsfe"; method: string; cuit?: string };

const APPLIES: Record<ArcaFaultKind, (r: ArcaFaultRequest) => boolean> = {
  "5xx": () => true,
  timeout: () => true,
  wsaa_unavailable: (r) => r.service === "wsaa",
  error_502: (r) => r.service === "wsfe" && r.method !== "FEDummy",
  reject: (r) => r.method === "FECAESolicitar",
  timeout_after_commit: (r) => r.method === "FECAESolicitar",
};

/** The first live fault of one of `kinds` that matches the call; consumes one application of it. */
export function takeArcaFault(arca: ArcaState, request: ArcaFaultRequest, kinds: ArcaFaultKind[]): ArcaFault | undefined {
  for (const fault of arca.faults) {
    if (!kinds.includes(fault.kind) || !APPLIES[fault.kind](request)) continue;
    if (fault.remaining !== undefined && fault.remaining <= 0) continue;
    if (fault.method !== undefined && fault.method !== request.method) continue;
    if (fault.cuit !== undefined && fault.cuit !== request.cuit) continue;
    if (fault.remaining !== undefined) fault.remaining -= 1;
    fault.hits += 1;
    return fault;
  }
  return undefined;
}
