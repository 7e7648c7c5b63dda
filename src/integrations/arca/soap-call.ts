import type { Agent } from "node:https";
import { join } from "node:path";
import * as soap from "soap";
import { repositoryRoot } from "../../lib/env";
import { measureExternalCall } from "../../lib/metrics/external-call-metrics";
import { ArcaError } from "./arca-error";

// One parsed client per (WSDL, endpoint), built from the WSDLs in ./wsdl — nothing ever fetches a WSDL.
const clients = new Map<string, Promise<soap.Client>>();
// Found from the repository root, not import.meta.url: a bundler (Next) would rewrite a computed asset URL.
const WSDL = { wsaa: "wsaa.wsdl", wsfe: "wsfev1.wsdl" } as const;

function clientFor(service: keyof typeof WSDL, endpoint: string): Promise<soap.Client> {
  const key = `${service} ${endpoint}`;
  let client = clients.get(key);
  if (!client) {
    const path = join(repositoryRoot(), "src", "integrations", "arca", "wsdl", WSDL[service]);
    client = soap.createClientAsync(path, { endpoint, disableCache: true, returnFault: true });
    clients.set(key, client);
    client.catch(() => clients.delete(key));
  }
  return client;
}

export type SoapCallOptions = { endpoint: string; timeoutMs: number; agent?: Agent };

// Calls one operation; maps SOAP faults, HTTP failures, timeouts and network errors to ArcaError. Argument objects
// must list their fields in the WSDL's sequence order: that is the order they are written in.
export async function soapCall<T>(service: keyof typeof WSDL, method: string, args: unknown, options: SoapCallOptions): Promise<T> {
  const client = await clientFor(service, options.endpoint);
  const fn = (client as unknown as Record<string, (a: unknown, o: unknown) => Promise<[T]>>)[`${method}Async`];
  if (!fn) throw new Error(`${service} has no operation ${method}`);
  // Counted at the transport: "ok" means ARCA answered (a WSFE answer carrying Errors included); failures by kind.
  const call = { service: "arca" as const, operation: `${service}.${method}`, resultOf: (error: unknown) => (error as ArcaError).kind };
  return measureExternalCall(call, async () => {
    try {
      const [result] = await fn.call(client, args, { timeout: options.timeoutMs, ...(options.agent ? { httpsAgent: options.agent } : {}) });
      return result;
    } catch (error) {
      throw toArcaError(error, service, method);
    }
  });
}

type SoapFault = { faultcode?: string | number; faultstring?: string };
type SoapFailure = {
  code?: string;
  message?: string;
  response?: { status?: number };
  root?: { Envelope?: { Body?: { Fault?: SoapFault } } };
  Fault?: SoapFault;
};

function toArcaError(error: unknown, service: "wsaa" | "wsfe", method: string): ArcaError {
  const failure = error as SoapFailure;
  const fault = failure.root?.Envelope?.Body?.Fault ?? failure.Fault;
  // A non-XML error page (IIS's 503, a proxy's 502) comes back from the soap library as a "fault" whose code is the
  // HTTP status: an outage, not ARCA's verdict.
  const httpStatus = failure.response?.status ?? (/^\d{3}$/.test(String(fault?.faultcode ?? "")) ? Number(fault!.faultcode) : undefined);
  if (fault?.faultcode && /^\d{3}$/.test(String(fault.faultcode))) {
    return new ArcaError("http", `http_${httpStatus}`, `ARCA respondió HTTP ${httpStatus} (${service} ${method})`, { status: httpStatus, service, method });
  }
  if (fault?.faultcode) {
    // Axis answers "ns1:coe.alreadyAuthenticated"; ASP.NET "soap:Client" / "soap:Server".
    const code = String(fault.faultcode).replace(/^[\w-]+:(?=[\w.])/, "");
    return new ArcaError("fault", code, fault.faultstring ?? code, { status: failure.response?.status, service, method });
  }
  if (failure.code === "ECONNABORTED" || failure.code === "ETIMEDOUT" || /timeout/i.test(failure.message ?? "")) {
    return new ArcaError("timeout", "timeout", `ARCA no respondió a tiempo (${service} ${method})`, { service, method });
  }
  if (failure.response?.status) {
    return new ArcaError("http", `http_${failure.response.status}`, `ARCA respondió HTTP ${failure.response.status} (${service} ${method})`, {
      status: failure.response.status, service, method,
    });
  }
  return new ArcaError("network", failure.code ?? "network", `No se pudo conectar con ARCA (${service} ${method}): ${failure.message ?? "error de red"}`, { service, method });
}
