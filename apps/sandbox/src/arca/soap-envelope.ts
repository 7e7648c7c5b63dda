import type { Reply } from "../http/types.ts";
import { child, escapeXml, parseXml, XmlSyntaxError, type XmlElement } from "./xml-tree.ts";

// SOAP 1.1 envelopes as ARCA's two stacks write them: WSAA is Apache Axis 1.4 (Java), WSFEv1 is ASP.NET ASMX (IIS).

export type SoapRequest =
  | { kind: "ok"; operation: XmlElement }
  | { kind: "syntax"; error: XmlSyntaxError }
  | { kind: "no-operation" };

/** Reads Envelope/Body/<operation> by local names, whatever the prefixes or the envelope namespace. */
export function readSoapRequest(raw: string): SoapRequest {
  let envelope: XmlElement;
  try {
    envelope = parseXml(raw);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { kind: "syntax", error };
    throw error;
  }
  const body = envelope.name === "Envelope" ? child(envelope, "Body") : undefined;
  const operation = body?.children[0];
  if (!operation) return { kind: "no-operation" };
  return { kind: "ok", operation };
}

const SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
const XSD = "http://www.w3.org/2001/XMLSchema";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const AXIS_NS = "http://xml.apache.org/axis/";
export const WSAA_NS = "http://wsaa.view.sua.dvadac.desein.afip.gov";
export const FEV1_NS = "http://ar.gov.afip.dif.FEV1/";
/** Shown where real faults name the WSAA node (wsaaext0.homo.afip.gov.ar), so nobody mistakes the sandbox for ARCA. */
export const SANDBOX_WSAA_HOST = "wsaa-sandbox.campotech.local";

const AXIS_CONTENT_TYPE = "text/xml;charset=utf-8";
const ASMX_CONTENT_TYPE = "text/xml; charset=utf-8";

function axisEnvelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns:xsd="${XSD}" xmlns:xsi="${XSI}"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

export function wsaaLoginReply(loginTicketResponseXml: string): Reply {
  const body = `<loginCmsResponse xmlns="${WSAA_NS}"><loginCmsReturn>${escapeXml(loginTicketResponseXml)}</loginCmsReturn></loginCmsResponse>`;
  return { status: 200, text: axisEnvelope(body), contentType: AXIS_CONTENT_TYPE };
}

/**
 * An Axis fault, HTTP 500. WSAA's own codes ("cms.bad", "coe.alreadyAuthenticated"…) go out as `ns1:<code>` with ns1
 * bound to Axis' namespace and a LoginFault detail; Axis' generic faults use `soapenv:` codes or `ns1:Client.*`.
 */
export function axisFault(faultcode: string, faultstring: string, options: { loginFault?: boolean } = {}): Reply {
  const codeXml = faultcode.startsWith("soapenv:")
    ? `<faultcode>${escapeXml(faultcode)}</faultcode>`
    : `<faultcode xmlns:ns1="${AXIS_NS}">ns1:${escapeXml(faultcode)}</faultcode>`;
  const exception = options.loginFault ? `<ns2:exceptionName xmlns:ns2="${AXIS_NS}">gov.afip.desein.dvadac.sua.view.wsaa.LoginFault</ns2:exceptionName>` : "";
  const detail = `<detail>${exception}<ns3:hostname xmlns:ns3="${AXIS_NS}">${SANDBOX_WSAA_HOST}</ns3:hostname></detail>`;
  const body = `<soapenv:Fault>${codeXml}<faultstring>${escapeXml(faultstring)}</faultstring>${detail}</soapenv:Fault>`;
  return { status: 500, text: axisEnvelope(body), contentType: AXIS_CONTENT_TYPE };
}

/** WSAA's business faults (always with the LoginFault detail). */
export function wsaaFault(code: string, message: string): Reply {
  return axisFault(code, message, { loginFault: true });
}

function asmxEnvelope(header: string, body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP_ENV}" xmlns:xsi="${XSI}" xmlns:xsd="${XSD}">${header}<soap:Body>${body}</soap:Body></soap:Envelope>`;
}

/**
 * A WSFEv1 answer: `<{Method}Response xmlns="http://ar.gov.afip.dif.FEV1/"><{Method}Result>…`, on one line, with the
 * informative FEHeaderInfo header every non-fault answer carries (ambiente names the sandbox, not an ARCA node).
 */
export function wsfeReply(method: string, resultXml: string, fecha: string): Reply {
  const header = `<soap:Header><FEHeaderInfo xmlns="${FEV1_NS}"><ambiente>Sandbox CampoTech - local</ambiente><fecha>${fecha}</fecha><id>7.0.0.53</id></FEHeaderInfo></soap:Header>`;
  const body = `<${method}Response xmlns="${FEV1_NS}"><${method}Result>${resultXml}</${method}Result></${method}Response>`;
  return { status: 200, text: asmxEnvelope(header, body), contentType: ASMX_CONTENT_TYPE };
}

/** An ASMX SoapException: HTTP 500, no FEHeaderInfo, .NET's message and a one-line stack. */
export function wsfeSoapFault(code: "soap:Client" | "soap:Server", message: string): Reply {
  const body = `<soap:Fault><faultcode>${code}</faultcode><faultstring>${escapeXml(message)}</faultstring><detail /></soap:Fault>`;
  return { status: 500, text: asmxEnvelope("", body), contentType: ASMX_CONTENT_TYPE };
}
