import type { ArcaState, IssuedTicket, Obs } from "./state.ts";
import type { Taxpayer } from "./taxpayers.ts";
import { readLong, readString } from "./wsfe-read.ts";
import { child, parseXml, type XmlElement } from "./xml-tree.ts";

// WSFEv1's Auth {Token, Sign, Cuit}, checked in the order homologación shows: Auth present → token readable → token
// dates → token/sign pair → represented CUIT among the token's relations. Failures are Errors (HTTP 200), not faults.

export type AuthInput = { present: boolean; token?: string; sign?: string; cuit: number };

/** Read with the rest of the request (a non-numeric Cuit is a deserialization fault, before any check). */
export function readAuth(operation: XmlElement): AuthInput {
  const auth = child(operation, "Auth");
  if (!auth) return { present: false, cuit: 0 };
  const token = readString(auth, "Token");
  const sign = readString(auth, "Sign");
  return { present: true, cuit: readLong(auth, "Cuit"), ...(token !== undefined ? { token } : {}), ...(sign !== undefined ? { sign } : {}) };
}

export type Authenticated = { ok: true; cuit: string; ticket: IssuedTicket } | { ok: false; errors: Obs[] };

const err600 = (msg: string): Authenticated => ({ ok: false, errors: [{ code: 600, msg: `ValidacionDeToken: ${msg}` }] });

export function authenticate(arca: ArcaState, auth: AuthInput, now: number): Authenticated {
  if (!auth.present) return { ok: false, errors: [{ code: 500, msg: "Campo Auth no fue ingresado o esta mal formado." }] };
  if (!auth.token || !auth.sign) return err600("Parametro nulo o vacio");
  const times = tokenTimes(auth.token);
  if (!times) {
    return err600(
      "No valido token. Excepcion: CargarStringBase64Token: Excepción: CargarNodos: Error al cargar token XML. Excepcion: Data at the root level is invalid. Line 1, position 1.",
    );
  }
  const nowUtc = Math.floor(now / 1000);
  if (nowUtc < times.genTime || nowUtc > times.expTime) {
    return err600(`No validaron las fechas del token. GenTime=${times.genTime}, ExpTime=${times.expTime}, NowUTC=${nowUtc}`);
  }
  const ticket = arca.tickets.find((t) => t.token === auth.token && t.sign === auth.sign);
  if (!ticket || ticket.service !== "wsfe") return err600("No se corresponden token con firma");
  const cuit = String(auth.cuit);
  if (cuit !== ticket.cuit) return { ok: false, errors: [{ code: 601, msg: "CUIT representada no incluida en Token" }] };
  return { ok: true, cuit, ticket };
}

/** gen_time/exp_time of an `sso` token, or undefined when it is not base64 of one. */
function tokenTimes(token: string): { genTime: number; expTime: number } | undefined {
  const compact = token.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  try {
    const root = parseXml(Buffer.from(compact, "base64").toString("utf8"));
    const id = child(root, "id");
    const genTime = Number(id?.attrs.gen_time);
    const expTime = Number(id?.attrs.exp_time);
    if (root.name !== "sso" || !Number.isFinite(genTime) || !Number.isFinite(expTime)) return undefined;
    return { genTime, expTime };
  } catch {
    return undefined;
  }
}

export function taxpayerOrError(arca: ArcaState, cuit: string): { ok: true; taxpayer: Taxpayer } | { ok: false; errors: Obs[] } {
  const taxpayer = arca.taxpayers.get(cuit);
  if (taxpayer) return { ok: true, taxpayer };
  return { ok: false, errors: [{ code: 10000, msg: `El contribuyente ${cuit} no se encuentra habilitado a emitir comprobantes electrónicos.` }] };
}
