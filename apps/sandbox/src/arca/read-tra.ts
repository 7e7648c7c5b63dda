import { parseXsdDateTime } from "./arca-time.ts";
import { parseXml, type XmlElement } from "./xml-tree.ts";

// The TRA (loginTicketRequest) inside the CMS: its schema (WSAA spec 1.2.2: no namespace, case-sensitive names) and
// its time window. A schema problem is `xml.bad`; the detail after the colon is ours, in es-AR.

export type Tra = { uniqueId: number; generationTime: number; expirationTime: number; service: string; source?: string; destination?: string };
export type TraFault = { code: "xml.bad" | "xml.version.notSupported" | "xml.generationTime.invalid" | "xml.expirationTime.expired" | "xml.expirationTime.invalid"; message: string };

const HOUR_MS = 60 * 60 * 1000;
/** Tolerance for a client clock slightly ahead of ours (the spec has none; NTP-synced clients still drift a little). */
export const GENERATION_SKEW_MS = 5 * 60 * 1000;

const bad = (detail: string): { ok: false; fault: TraFault } => ({
  ok: false,
  fault: { code: "xml.bad", message: `No se ha podido interpretar el XML contra el SCHEMA: ${detail}` },
});

const HEADER_FIELDS = new Set(["source", "destination", "uniqueId", "generationTime", "expirationTime"]);

export function readTra(content: Buffer): { ok: true; tra: Tra } | { ok: false; fault: TraFault } {
  let root: XmlElement;
  try {
    root = parseXml(content.toString("utf8"));
  } catch {
    return bad("el contenido firmado no es XML bien formado.");
  }
  if (root.name !== "loginTicketRequest") return bad(`el elemento raíz es <${root.name}> y tiene que ser <loginTicketRequest>.`);
  const version = root.attrs.version;
  if (version !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(version.trim())) return bad(`version="${version}" no es un decimal.`);
    if (Number(version) !== 1) return { ok: false, fault: { code: "xml.version.notSupported", message: "La versión del documento no es soportada" } };
  }
  const unexpected = root.children.find((c) => c.name !== "header" && c.name !== "service");
  if (unexpected) return bad(`<${unexpected.name}> no está permitido en loginTicketRequest.`);
  const headers = root.children.filter((c) => c.name === "header");
  const services = root.children.filter((c) => c.name === "service");
  if (headers.length !== 1 || services.length !== 1) return bad("loginTicketRequest tiene que tener exactamente un <header> y un <service>.");
  const header = headers[0] as XmlElement;
  const fields = new Map<string, string>();
  for (const field of header.children) {
    if (!HEADER_FIELDS.has(field.name)) return bad(`<${field.name}> no está permitido en header.`);
    if (fields.has(field.name)) return bad(`<${field.name}> aparece más de una vez.`);
    if (field.children.length > 0) return bad(`<${field.name}> tiene que ser texto.`);
    fields.set(field.name, field.text.trim());
  }
  const uniqueId = fields.get("uniqueId");
  if (uniqueId === undefined || !/^\d+$/.test(uniqueId) || Number(uniqueId) > 4294967295) return bad("header/uniqueId falta o no es un xsd:unsignedInt.");
  const generation = fields.get("generationTime");
  const generationTime = generation === undefined ? undefined : parseXsdDateTime(generation);
  if (generationTime === undefined) return bad("header/generationTime falta o no es un xsd:dateTime válido.");
  const expiration = fields.get("expirationTime");
  const expirationTime = expiration === undefined ? undefined : parseXsdDateTime(expiration);
  if (expirationTime === undefined) return bad("header/expirationTime falta o no es un xsd:dateTime válido.");
  const service = (services[0] as XmlElement).text.trim();
  if (!/^[A-Za-z][A-Za-z0-9_-]{2,31}$/.test(service)) return bad(`service "${service}" no cumple el patrón del schema (3 a 32 caracteres).`);
  const source = fields.get("source");
  const destination = fields.get("destination");
  return {
    ok: true,
    tra: { uniqueId: Number(uniqueId), generationTime, expirationTime, service, ...(source ? { source } : {}), ...(destination ? { destination } : {}) },
  };
}

/** generationTime not in the future (beyond the skew) nor older than 24 h; expirationTime ahead, but at most 24 h. */
export function checkTraWindow(tra: Tra, now: number): TraFault | undefined {
  if (tra.generationTime > now + GENERATION_SKEW_MS || tra.generationTime < now - 24 * HOUR_MS) {
    return { code: "xml.generationTime.invalid", message: "generationTime posee formato o dato inválido (ej: en el futuro o más de 24 horas de antigüedad)" };
  }
  if (tra.expirationTime <= now) return { code: "xml.expirationTime.expired", message: "El tiempo de expiración es inferior a la hora actual" };
  if (tra.expirationTime > now + 24 * HOUR_MS) return { code: "xml.expirationTime.invalid", message: "El tiempo de expiración del documento es superior a 24 horas" };
  return undefined;
}
