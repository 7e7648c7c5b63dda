import type { Reply, RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { arcaNow } from "./arca-time.ts";
import { holdThen504 } from "./fault-replies.ts";
import { takeArcaFault } from "./faults.ts";
import { readCaeRequest } from "./read-cae-request.ts";
import { solicitarCae } from "./solicitar-cae.ts";
import { numberingKey } from "./state.ts";
import { authenticate, readAuth, taxpayerOrError, type AuthInput } from "./wsfe-auth.ts";
import { ERROR_502, waitLatency, wsfeAnswer } from "./wsfe-answer.ts";
import { errorResult } from "./wsfe-xml.ts";
import type { XmlElement } from "./xml-tree.ts";

/**
 * FECAESolicitar runs inside its (CUIT, PtoVta, CbteTipo) transaction, which lasts the configured latency: a second
 * request for the same key meanwhile gets ARCA's 502 "Transaccion Activa".
 */
export async function solicitarCaeInTransaction(state: SandboxState, ctx: RequestContext, op: XmlElement): Promise<Reply> {
  const method = "FECAESolicitar";
  const arca = state.arca;
  let auth: AuthInput;
  let request: ReturnType<typeof readCaeRequest>;
  try {
    auth = readAuth(op);
    request = readCaeRequest(op);
  } catch (error) {
    await waitLatency(state);
    throw error;
  }
  const who = authenticate(arca, auth, arcaNow(state));
  if (!who.ok) {
    await waitLatency(state);
    return wsfeAnswer(state, method, errorResult(method, who.errors));
  }
  const taxpayer = taxpayerOrError(arca, who.cuit);
  if (!taxpayer.ok) {
    await waitLatency(state);
    return wsfeAnswer(state, method, errorResult(method, taxpayer.errors));
  }
  const key = numberingKey(who.cuit, request.ptoVta, request.cbteTipo);
  if (arca.inflight.has(key)) {
    await waitLatency(state);
    return wsfeAnswer(state, method, errorResult(method, [ERROR_502]));
  }
  arca.inflight.add(key);
  let outcome: ReturnType<typeof solicitarCae>;
  try {
    await waitLatency(state);
    outcome = solicitarCae({
      arca,
      taxpayer: taxpayer.taxpayer,
      request,
      now: arcaNow(state),
      takeReject: () => takeArcaFault(arca, { service: "wsfe", method, cuit: who.cuit }, ["reject"]),
    });
  } finally {
    arca.inflight.delete(key);
  }
  if (outcome.approved) {
    // The CAE is granted and stored; the client never hears about it (it must reconcile with FECompConsultar).
    const lost = takeArcaFault(arca, { service: "wsfe", method, cuit: who.cuit }, ["timeout_after_commit"]);
    if (lost) return holdThen504(state, ctx, lost.timeoutMs);
  }
  return wsfeAnswer(state, method, outcome.resultXml);
}
