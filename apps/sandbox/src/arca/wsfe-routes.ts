import type { Router } from "../http/router.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { outageReply } from "./fault-replies.ts";
import { takeArcaFault } from "./faults.ts";
import { recordAnswer, recordCall } from "./record-call.ts";
import { runWsfeMethod } from "./run-wsfe-method.ts";
import { solicitarCaeInTransaction } from "./solicitar-cae-in-transaction.ts";
import { FEV1_NS, readSoapRequest, wsfeSoapFault, type SoapRequest } from "./soap-envelope.ts";
import { ERROR_502, waitLatency, wsfeAnswer } from "./wsfe-answer.ts";
import { isWsfeMethod, WSFE_NOT_EMULATED } from "./wsfe-methods.ts";
import { WsfeFormatError } from "./wsfe-read.ts";
import { errorResult } from "./wsfe-xml.ts";
import { wantsWsdl, wsdlReply } from "./wsdl-file.ts";
import { child, toPlain } from "./xml-tree.ts";

// WSFEv1 (homologación: https://wswhomo.afip.gov.ar/wsfev1/service.asmx) under /arca/wsfev1. ASP.NET ASMX: routed
// by SOAPAction, business errors are HTTP 200 inside <Errors>, protocol problems are soap:Client/Server faults.

export const WSFE_PATH = "/arca/wsfev1/service.asmx";

export function registerWsfeRoutes(router: Router, state: SandboxState): void {
  router.on("GET", WSFE_PATH, (ctx) => {
    if (wantsWsdl(ctx)) return wsdlReply("wsfev1.wsdl", `${ctx.origin}${WSFE_PATH}`);
    return { status: 200, text: "<html><body><span><h1>Service</h1></span><p>Metodos del Web Service de Factura Electronica (sandbox de CampoTech).</p></body></html>", contentType: "text/html; charset=utf-8" };
  });

  router.on("POST", WSFE_PATH, async (ctx) => {
    const soapAction = ctx.headers.soapaction?.trim().replace(/^"(.*)"$/, "$1");
    const parsed = readSoapRequest(ctx.rawBody.toString("utf8"));
    const operation = parsed.kind === "ok" ? parsed.operation : undefined;
    const method = soapAction?.startsWith(FEV1_NS) ? soapAction.slice(FEV1_NS.length) : (operation?.name ?? "");
    const record = recordCall(state.arca, ctx, { service: "wsfe", method, ...(soapAction !== undefined ? { soapAction } : {}), body: operation ? toPlain(operation) : null });
    return recordAnswer(record, await answer(state, ctx, soapAction, parsed));
  });
}

function unrecognizedAction(value: string): Reply {
  return wsfeSoapFault(
    "soap:Client",
    `System.Web.Services.Protocols.SoapException: Server did not recognize the value of HTTP Header SOAPAction: ${value}.\n   at System.Web.Services.Protocols.Soap11ServerProtocolHelper.RouteRequest()`,
  );
}

async function answer(state: SandboxState, ctx: RequestContext, soapAction: string | undefined, parsed: SoapRequest): Promise<Reply> {
  const method = soapAction?.startsWith(FEV1_NS) ? soapAction.slice(FEV1_NS.length) : undefined;
  if (method === undefined || (!isWsfeMethod(method) && !(WSFE_NOT_EMULATED as readonly string[]).includes(method))) {
    await waitLatency(state);
    return unrecognizedAction(soapAction ?? "");
  }
  if (!isWsfeMethod(method)) {
    await waitLatency(state);
    return wsfeSoapFault("soap:Server", `System.NotImplementedException: El sandbox de CampoTech no emula ${method}.`);
  }
  if (parsed.kind === "syntax") return { status: 400, text: "" };
  if (parsed.kind === "no-operation" || parsed.operation.name !== method) {
    await waitLatency(state);
    const found = parsed.kind === "ok" ? `<${parsed.operation.name} xmlns='${FEV1_NS}'>` : "The Body";
    return wsfeSoapFault(
      "soap:Client",
      `Server was unable to read request. ---> System.InvalidOperationException: There is an error in XML document. ---> System.InvalidOperationException: ${found} was not expected.`,
    );
  }
  const operation = parsed.operation;
  const cuit = child(child(operation, "Auth"), "Cuit")?.text.trim();
  const fault = takeArcaFault(state.arca, { service: "wsfe", method, ...(cuit ? { cuit } : {}) }, ["5xx", "timeout", "error_502"]);
  if (fault?.kind === "error_502") {
    await waitLatency(state);
    return wsfeAnswer(state, method, errorResult(method, [ERROR_502]));
  }
  if (fault) return outageReply(state, ctx, fault, "wsfe");

  try {
    if (method === "FECAESolicitar") return await solicitarCaeInTransaction(state, ctx, operation);
    const resultXml = runWsfeMethod(state, method, operation);
    await waitLatency(state);
    return wsfeAnswer(state, method, resultXml);
  } catch (error) {
    if (!(error instanceof WsfeFormatError)) throw error;
    if (method !== "FECAESolicitar") await waitLatency(state);
    return wsfeSoapFault("soap:Client", error.message);
  }
}

