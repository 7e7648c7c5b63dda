import type { Agent } from "node:https";
import { fileURLToPath } from "node:url";
import * as soap from "soap";
import { ArcaError } from "./arca-error";

// One parsed client per (WSDL, endpoint), built from the WSDLs in ./wsdl — nothing ever fetches a WSDL.
const clients = new Map<string, Promise<soap.Client>>();
const WSDL = { wsaa: "./wsdl/wsaa.wsdl", wsfe: "./wsdl/wsfev1.wsdl" } as const;

function clientFor(service: keyof typeof WSDL, endpoint: string): Promise<soap.Client> {
  const key = `${service} ${endpoint}`;
  let client = clients.get(key);
  if (!client) {
    const path = fileURLToPath(new URL(WSDL[service], import.meta.url));
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
  try {
    const [result] = await fn.call(client, args, { timeout: options.timeoutMs, ...(options.agent ? { httpsAgent: options.agent } : {}) });
    return result;
  } catch (error) {
    throw toArcaError(error, service, method);
  }
}

type SoapFailure = {
  code?: string;
  message?: string;
  response?: { status?: number };
  root?: { Envelope?: { Body?: { Fault?: { faultcode?: string; faultstring?: string } } } };
  Fault?: { faultcode?: string; faultstring?: string };
};

function toArcaError(error: unknown, service: "wsaa" | "wsfe", method: string): ArcaError {
  const failure = error as SoapFailure;
  const fault = failure.root?.Envelope?.Body?.Fault ?? failure.Fault;
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
