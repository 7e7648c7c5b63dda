import type { CaeDetail } from "./read-cae-request.ts";
import { builtInTaxpayers, type Taxpayer } from "./taxpayers.ts";

// Everything the ARCA emulation remembers. POST /_sandbox/reset replaces it with a fresh one (built-in taxpayers only).

export type IssuedTicket = {
  token: string;
  sign: string;
  /** The represented CUIT (certificate subject serialNumber "CUIT n"): the token's only relation. */
  cuit: string;
  /** Certificate subject DN, Java style ("SERIALNUMBER=CUIT 20…, CN=…"): with service, the TA's key. */
  subject: string;
  service: string;
  uniqueId: number;
  generationTime: number;
  expirationTime: number;
  certificateSerial: string;
};

export type Obs = { code: number; msg: string };

export type StoredInvoice = {
  cuit: string;
  ptoVta: number;
  cbteTipo: number;
  cbteNro: number;
  /** Every field of the request, with CbteFch filled in when it was omitted. */
  detail: CaeDetail & { cbteFch: string };
  cae: string;
  caeFchVto: string;
  fchProceso: string;
  observaciones: Obs[];
  /** Cents already credited by later credit notes that associate this comprobante. */
  creditedCents: number;
  authorizedAt: string;
};

export type ArcaFaultKind = "5xx" | "timeout" | "timeout_after_commit" | "error_502" | "wsaa_unavailable" | "reject";

export type ArcaFault = {
  id: string;
  kind: ArcaFaultKind;
  method?: string;
  cuit?: string;
  /** Remaining applications; undefined = until deleted. */
  remaining?: number;
  timeoutMs: number;
  /** 5xx: 503 (an IIS/balancer HTML page, default) or 500 (a SOAP Server fault). */
  status: 500 | 503;
  /** reject: observation codes for the rejected record. */
  codes?: number[];
  hits: number;
  createdAt: string;
};

export type ArcaRecordedRequest = {
  id: string;
  service: "wsaa" | "wsfe";
  method: string;
  soapAction?: string;
  /** The operation element as plain JSON (local names). */
  body: unknown;
  rawXml: string;
  receivedAt: string;
  response: { status: number; body: string | null };
};

export type ArcaState = {
  taxpayers: Map<string, Taxpayer>;
  tickets: IssuedTicket[];
  /** `${cuit}|${ptoVta}|${cbteTipo}` → last authorized number and its CbteFch. */
  numbering: Map<string, { last: number; lastDate: string }>;
  /** `${cuit}|${ptoVta}|${cbteTipo}|${nro}` → what was authorized. */
  invoices: Map<string, StoredInvoice>;
  /** FECAESolicitar transactions in flight, by numbering key (ARCA's 502 "Transaccion Activa"). */
  inflight: Set<string>;
  faults: ArcaFault[];
  requests: ArcaRecordedRequest[];
  caes: Set<string>;
};

export function createArcaState(): ArcaState {
  return {
    taxpayers: new Map(builtInTaxpayers().map((t) => [t.cuit, t])),
    tickets: [],
    numbering: new Map(),
    invoices: new Map(),
    inflight: new Set(),
    faults: [],
    requests: [],
    caes: new Set(),
  };
}

export function numberingKey(cuit: string, ptoVta: number, cbteTipo: number): string {
  return `${cuit}|${ptoVta}|${cbteTipo}`;
}

export function invoiceKey(cuit: string, ptoVta: number, cbteTipo: number, nro: number): string {
  return `${cuit}|${ptoVta}|${cbteTipo}|${nro}`;
}
