import { randomBytes, randomInt } from "node:crypto";
import type forge from "node-forge";
import { arDateTime } from "./arca-time.ts";
import type { ArcaState, IssuedTicket } from "./state.ts";
import { escapeXml } from "./xml-tree.ts";

// Tickets de Acceso (TA): WSAA's loginTicketResponse and the `sso` token inside, byte-shaped like homologación's
// (4-space indentation, version="1", standalone="yes", times with milliseconds and -03:00).

export const WSAA_SOURCE_DN = "CN=wsaahomo, O=AFIP, C=AR, SERIALNUMBER=CUIT 33693450239";

const KEYWORDS: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "STREET",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.5": "SERIALNUMBER",
  "1.2.840.113549.1.9.1": "EMAILADDRESS",
  "0.9.2342.19200300.100.1.25": "DC",
  "0.9.2342.19200300.100.1.1": "UID",
};

/** A DN as Java's X500Principal.toString() prints it (WSAA is Java): last RDN first, ", " between, upper-case keywords. */
export function javaDn(attributes: forge.pki.CertificateField[]): string {
  return [...attributes]
    .reverse()
    .map((a) => {
      const key = (a.type && KEYWORDS[a.type]) ?? `OID.${a.type ?? "?"}`;
      const value = String(a.value ?? "");
      const quoted = /[,+="\\<>#;]|^\s|\s$/.test(value) ? `"${value.replace(/(["\\])/g, "\\$1")}"` : value;
      return `${key}=${quoted}`;
    })
    .join(", ");
}

/** The TA for this key that still blocks a new one: more life left than the preventive window. */
export function blockingTicket(state: ArcaState, subject: string, service: string, now: number, preventiveWindowMs: number): IssuedTicket | undefined {
  return state.tickets.find((t) => t.subject === subject && t.service === service && t.expirationTime - now > preventiveWindowMs);
}

export function issueTicket(
  state: ArcaState,
  input: { cuit: string; subject: string; service: string; certificateSerial: string; now: number; ttlMs: number },
): IssuedTicket {
  const uniqueId = randomInt(1, 2 ** 32 - 1);
  const generationTime = input.now;
  const expirationTime = input.now + input.ttlMs;
  const token = Buffer.from(tokenXml({ ...input, uniqueId: randomInt(1, 2 ** 32 - 1), generationTime, expirationTime }), "utf8").toString("base64");
  const ticket: IssuedTicket = {
    token,
    // Opaque to clients; ARCA's is an RSA-1024 signature (128 bytes). Only this sandbox's WSFE checks it.
    sign: randomBytes(128).toString("base64"),
    cuit: input.cuit,
    subject: input.subject,
    service: input.service,
    uniqueId,
    generationTime,
    expirationTime,
    certificateSerial: input.certificateSerial,
  };
  state.tickets.push(ticket);
  return ticket;
}

/** The token: base64 of WSAA's `sso` XML; gen_time is 60 s before the TA's generationTime, as in real tokens. */
function tokenXml(t: { cuit: string; subject: string; service: string; uniqueId: number; generationTime: number; expirationTime: number }): string {
  const genTime = Math.floor(t.generationTime / 1000) - 60;
  const expTime = Math.floor(t.expirationTime / 1000);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<sso version="2.0">',
    `    <id src="${escapeXml(WSAA_SOURCE_DN)}" dst="CN=${escapeXml(t.service)}, O=AFIP, C=AR" unique_id="${t.uniqueId}" gen_time="${genTime}" exp_time="${expTime}"/>`,
    '    <operation type="login" value="granted">',
    `        <login entity="33693450239" service="${escapeXml(t.service)}" uid="${escapeXml(t.subject)}" authmethod="cms" regmethod="22">`,
    "            <relations>",
    `                <relation key="${t.cuit}" reltype="4"/>`,
    "            </relations>",
    "        </login>",
    "    </operation>",
    "</sso>",
    "",
  ].join("\n");
}

export function loginTicketResponseXml(t: IssuedTicket): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<loginTicketResponse version="1">',
    "    <header>",
    `        <source>${escapeXml(WSAA_SOURCE_DN)}</source>`,
    `        <destination>${escapeXml(t.subject)}</destination>`,
    `        <uniqueId>${t.uniqueId}</uniqueId>`,
    `        <generationTime>${arDateTime(t.generationTime)}</generationTime>`,
    `        <expirationTime>${arDateTime(t.expirationTime)}</expirationTime>`,
    "    </header>",
    "    <credentials>",
    `        <token>${t.token}</token>`,
    `        <sign>${t.sign}</sign>`,
    "    </credentials>",
    "</loginTicketResponse>",
    "",
  ].join("\n");
}
