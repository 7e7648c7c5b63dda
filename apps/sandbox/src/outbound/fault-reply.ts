import { holdFor, isAsyncFault, type Fault } from "../faults.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import { metaError, newFbtraceIdBody } from "../meta/errors.ts";
import type { SandboxState } from "../state.ts";
import { twilioError } from "../twilio/errors.ts";

export type FaultOutcome = { kind: "reply"; reply: Reply } | { kind: "async"; code: number };

/** Turns a matched fault into the provider's answer: an error body, a held response, or an async failure code. */
export async function applyFault(state: SandboxState, ctx: RequestContext, fault: Fault, family: "meta" | "twilio"): Promise<FaultOutcome> {
  if (fault.kind === "timeout") {
    const result = await holdFor(fault.timeoutMs, [ctx.signal, state.lifecycle.signal]);
    if (result === "aborted") return { kind: "reply", reply: { status: 0, dropped: true } };
    // Still connected after the hold: answer like a gateway that gave up.
    return {
      kind: "reply",
      reply: family === "twilio" ? twilioError(20500, "Gateway Timeout") : { status: 504, json: newFbtraceIdBody(2, "Service temporarily unavailable") },
    };
  }
  if (fault.kind === "5xx") {
    return { kind: "reply", reply: family === "twilio" ? twilioError(20500) : metaError(131016) };
  }
  const code = Number(fault.kind);
  if (isAsyncFault(fault.kind)) return { kind: "async", code };
  return { kind: "reply", reply: family === "twilio" ? twilioError(code) : metaError(code) };
}
