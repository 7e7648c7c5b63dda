import type { Router } from "../http/router.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { arcaNow } from "./arca-time.ts";
import { outageReply } from "./fault-replies.ts";
import { takeArcaFault } from "./faults.ts";
import { loginCms } from "./login-cms.ts";
import { recordAnswer, recordCall } from "./record-call.ts";
import { axisFault, readSoapRequest, wsaaFault, wsaaLoginReply } from "./soap-envelope.ts";
import { peekCmsCuit } from "./verify-cms.ts";
import { wantsWsdl, wsdlReply } from "./wsdl-file.ts";
import { child, toPlain } from "./xml-tree.ts";

// WSAA (homologación: https://wsaahomo.afip.gov.ar/ws/services/LoginCms) under /arca/wsaa. Apache Axis 1.4:
// SOAPAction must be present (any value), the operation's namespace is not checked, every fault is HTTP 500.

export const WSAA_PATH = "/arca/wsaa/ws/services/LoginCms";

export function registerWsaaRoutes(router: Router, state: SandboxState): void {
  router.on("GET", WSAA_PATH, (ctx) => {
    if (wantsWsdl(ctx)) return wsdlReply("wsaa.wsdl", `${ctx.origin}${WSAA_PATH}`);
    return { status: 200, text: "<h1>LoginCms</h1>\n<p>Hi there, this is an AXIS service!</p>\n<i>Perhaps there will be a form for invoking the service here...</i>", contentType: "text/html;charset=utf-8" };
  });

  router.on("POST", WSAA_PATH, async (ctx) => {
    const parsed = readSoapRequest(ctx.rawBody.toString("utf8"));
    const operation = parsed.kind === "ok" ? parsed.operation : undefined;
    const record = recordCall(state.arca, ctx, { service: "wsaa", method: operation?.name ?? "", body: operation ? toPlain(operation) : null });
    return recordAnswer(record, await answer(state, ctx, parsed));
  });
}

async function answer(state: SandboxState, ctx: RequestContext, parsed: ReturnType<typeof readSoapRequest>): Promise<Reply> {
  if (ctx.headers.soapaction === undefined) return axisFault("Client.NoSOAPAction", "no SOAPAction header!");
  if (parsed.kind === "syntax") {
    const { error } = parsed;
    return axisFault("soapenv:Server.userException", `org.xml.sax.SAXParseException; lineNumber: ${error.line}; columnNumber: ${error.column}; ${error.message}`);
  }
  if (parsed.kind === "no-operation") return axisFault("soapenv:Server.userException", "org.xml.sax.SAXException: Bad envelope tag or empty Body");
  if (parsed.operation.name !== "loginCms") return axisFault("soapenv:Client", `No such operation '${parsed.operation.name}'`);
  const in0 = child(parsed.operation, "in0");
  if (!in0) return axisFault("soapenv:Server.userException", "javax.ejb.EJBException: java.lang.NullPointerException");

  const arca = state.arca;
  const cuit = arca.faults.some((f) => f.cuit !== undefined) ? peekCmsCuit(in0.text) : undefined;
  const fault = takeArcaFault(arca, { service: "wsaa", method: "loginCms", ...(cuit ? { cuit } : {}) }, ["5xx", "timeout", "wsaa_unavailable"]);
  if (fault) return outageReply(state, ctx, fault, "wsaa");

  const { ticketTtlMs, preventiveWindowMs } = state.config.arca;
  const result = loginCms(arca, in0.text, { now: arcaNow(state), ticketTtlMs, preventiveWindowMs });
  return result.ok ? wsaaLoginReply(result.loginTicketResponse) : wsaaFault(result.code, result.message);
}
