import { holdFor } from "../faults.ts";
import type { Reply } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { arcaNow, arDateTime7 } from "./arca-time.ts";
import { wsfeReply } from "./soap-envelope.ts";
import type { Obs } from "./state.ts";

// Shared by every WSFEv1 answer: the configured latency and the envelope stamped with the sandbox's clock.

export const ERROR_502: Obs = { code: 502, msg: "Error interno de base de datos - Autorizador CAE - Transaccion Activa" };

/** config.arca.latencyMs; a reset or close cuts it short. */
export async function waitLatency(state: SandboxState): Promise<void> {
  const ms = state.config.arca.latencyMs;
  if (ms > 0) await holdFor(ms, [state.lifecycle.signal]);
}

export function wsfeAnswer(state: SandboxState, method: string, resultXml: string): Reply {
  return wsfeReply(method, resultXml, arDateTime7(arcaNow(state)));
}
