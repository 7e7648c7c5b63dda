import { holdFor } from "../faults.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { axisFault, wsaaFault, wsfeSoapFault } from "./soap-envelope.ts";
import type { ArcaFault } from "./state.ts";

// What an injected outage looks like on the wire: IIS's HTTP.sys page in front of WSFE, a balancer page in front of
// WSAA, a SOAP Server fault, a held connection, or WSAA's own wsaa.unavailable.

const IIS_503 =
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n<BODY><h2>Service Unavailable</h2>\r\n<hr><p>HTTP Error 503. The service is unavailable.</p>\r\n</BODY></HTML>\r\n';
const BALANCER_503 = "<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request. Please try again later.</p></body></html>";
const GATEWAY_504 = "<html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway Time-out</h1><p>The server didn't respond in time.</p></body></html>";

/** Holds the answer `ms` or until the client disconnects (then nothing is written) or the sandbox resets; then 504. */
export async function holdThen504(state: SandboxState, ctx: RequestContext, ms: number): Promise<Reply> {
  const result = await holdFor(ms, [ctx.signal, state.lifecycle.signal]);
  if (result === "aborted") return { status: 0, dropped: true };
  return { status: 504, text: GATEWAY_504, contentType: "text/html" };
}

export async function outageReply(state: SandboxState, ctx: RequestContext, fault: ArcaFault, service: "wsaa" | "wsfe"): Promise<Reply> {
  if (fault.kind === "timeout") return holdThen504(state, ctx, fault.timeoutMs);
  if (fault.kind === "wsaa_unavailable") {
    return wsaaFault("wsaa.unavailable", "El servicio de autenticación/autorización se encuentra momentáneamente fuera de servicio");
  }
  // 5xx
  if (fault.status === 503) return { status: 503, text: service === "wsfe" ? IIS_503 : BALANCER_503, contentType: "text/html" };
  return service === "wsfe"
    ? wsfeSoapFault("soap:Server", "Server was unable to process request. ---> System.Data.SqlClient.SqlException: Timeout expired.")
    : axisFault("soapenv:Server", "java.lang.RuntimeException: Internal Server Error");
}
