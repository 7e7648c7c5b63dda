import { z } from "zod";
import { canonicalWaId } from "./phone.ts";
import { newRecordId } from "./ids.ts";
import { META_ERRORS } from "./meta/errors.ts";
import type { Provider, SandboxState } from "./state.ts";
import { TWILIO_ERRORS } from "./twilio/errors.ts";

// Fault injection: later issues test retries and panic mode against these.

export const createFaultSchema = z.object({
  provider: z.enum(["META_DIRECT", "DIALOG_360", "TWILIO"]).optional(),
  phone: z.string().min(1).optional(),
  phoneNumberId: z.string().min(1).optional(),
  kind: z.string().min(1),
  share: z.number().min(0).max(1).default(1),
  count: z.number().int().positive().optional(),
  timeoutMs: z.number().int().min(0).optional(),
});

export type Fault = {
  id: string;
  provider?: Provider;
  phone?: string;
  phoneNumberId?: string;
  kind: string;
  share: number;
  /** Remaining applications; undefined = unlimited. */
  remaining?: number;
  timeoutMs: number;
  hits: number;
  createdAt: string;
};

export type FaultFamily = "meta" | "twilio" | "any";

export function faultFamily(kind: string): FaultFamily | undefined {
  if (kind === "5xx" || kind === "timeout") return "any";
  if (!/^\d+$/.test(kind)) return undefined;
  const code = Number(kind);
  if (code in META_ERRORS) return "meta";
  if (code in TWILIO_ERRORS) return "twilio";
  return undefined;
}

// Kinds that also hit non-send calls (health, media, templates): they describe the account or the platform, not one
// message. Panic mode's health check must see an expired token or an outage too.
const ACCOUNT_LEVEL = new Set(["190", "0", "3", "10", "200", "368", "131031", "131000", "131016", "1", "2", "5xx", "timeout", "20003", "20500"]);

export function addFault(state: SandboxState, input: z.infer<typeof createFaultSchema>): Fault {
  const fault: Fault = {
    id: newRecordId("flt"),
    kind: input.kind,
    share: input.share,
    timeoutMs: input.timeoutMs ?? 30_000,
    hits: 0,
    createdAt: new Date().toISOString(),
    ...(input.provider ? { provider: input.provider } : {}),
    ...(input.phone ? { phone: canonicalWaId(input.phone) } : {}),
    ...(input.phoneNumberId ? { phoneNumberId: input.phoneNumberId } : {}),
    ...(input.count !== undefined ? { remaining: input.count } : {}),
  };
  state.faults.push(fault);
  return fault;
}

export type FaultRequest = {
  provider: Provider;
  phoneNumberId: string;
  /** Recipient of a send; undefined for mark-as-read and non-send calls. */
  recipient?: string;
  endpoint: "send" | "other";
};

/** Picks the first fault that applies to this request and consumes one of its applications. */
export function takeFault(state: SandboxState, request: FaultRequest): Fault | undefined {
  for (const fault of state.faults) {
    if (fault.remaining !== undefined && fault.remaining <= 0) continue;
    if (fault.provider && fault.provider !== request.provider) continue;
    if (fault.phoneNumberId && fault.phoneNumberId !== request.phoneNumberId) continue;
    const family = faultFamily(fault.kind);
    if (family === "meta" && request.provider === "TWILIO") continue;
    if (family === "twilio" && request.provider !== "TWILIO") continue;
    if (fault.phone) {
      if (request.recipient === undefined || canonicalWaId(request.recipient) !== fault.phone) continue;
    }
    if (request.endpoint === "other" && (fault.phone || !ACCOUNT_LEVEL.has(fault.kind))) continue;
    if (fault.share < 1 && Math.random() >= fault.share) continue;
    if (fault.remaining !== undefined) fault.remaining -= 1;
    fault.hits += 1;
    return fault;
  }
  return undefined;
}

/** Whether a fault kind fails the message after accepting it (failed status webhook) rather than answering an error. */
export function isAsyncFault(kind: string): boolean {
  if (!/^\d+$/.test(kind)) return false;
  const code = Number(kind);
  return Boolean(META_ERRORS[code]?.async ?? TWILIO_ERRORS[code]?.async);
}

/** Holds a response until timeoutMs passes, the client disconnects, or the sandbox resets/closes. */
export function holdFor(ms: number, signals: AbortSignal[]): Promise<"elapsed" | "aborted"> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish("elapsed"), ms);
    const onAbort = (): void => finish("aborted");
    function finish(result: "elapsed" | "aborted"): void {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener("abort", onAbort);
      resolve(result);
    }
    for (const s of signals) {
      if (s.aborted) return finish("aborted");
      s.addEventListener("abort", onAbort, { once: true });
    }
  });
}
