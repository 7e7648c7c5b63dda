import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";
import type { TestSandbox } from "./helpers.ts";

// ARCA test kit: keys, CSRs, certificates from the sandbox's WSASS, CMS signed with node-forge exactly as
// ARGENTINA.md §1.3 prescribes, and hand-written SOAP envelopes (the real client does not exist yet).

export const ARCA = { ri: "30712345671", mono: "20267565393", exento: "27234567891" } as const;
export const WSAA_PATH = "/arca/wsaa/ws/services/LoginCms";
export const WSFE_PATH = "/arca/wsfev1/service.asmx";
export const FEV1 = "http://ar.gov.afip.dif.FEV1/";
export const AXIS_NS = "http://xml.apache.org/axis/";
const HOUR = 60 * 60 * 1000;

export type Keys = { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey };

/** RSA 2048 from node:crypto (fast), handed to node-forge. */
export function newKeys(): Keys {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

export type SubjectOptions = { cuit?: string | null; cn?: string; serialNumber?: string };

function subjectAttrs(options: SubjectOptions): forge.pki.CertificateField[] {
  const attrs: forge.pki.CertificateField[] = [
    { shortName: "C", value: "AR" },
    { shortName: "O", value: "CampoTech Test" },
    { shortName: "CN", value: options.cn ?? "campotech-test" },
  ];
  const serial = options.serialNumber ?? (options.cuit === null ? undefined : `CUIT ${options.cuit ?? ARCA.ri}`);
  if (serial !== undefined) attrs.push({ type: "2.5.4.5", value: serial });
  return attrs;
}

/** The CSR WSASS asks for: /C=AR/O=…/CN=…/serialNumber=CUIT n, signed with SHA-256. */
export function csrPem(keys: Keys, options: SubjectOptions = {}): string {
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = keys.publicKey;
  csr.setSubject(subjectAttrs(options));
  csr.sign(keys.privateKey, forge.md.sha256.create());
  return forge.pki.certificationRequestToPem(csr);
}

export async function issueCertificate(sb: TestSandbox, keys: Keys, options: SubjectOptions & { notBefore?: Date; notAfter?: Date } = {}): Promise<forge.pki.Certificate> {
  const res = await sb.call("POST", "/_sandbox/arca/certificates", {
    json: {
      csr: csrPem(keys, options),
      ...(options.notBefore ? { notBefore: options.notBefore.toISOString() } : {}),
      ...(options.notAfter ? { notAfter: options.notAfter.toISOString() } : {}),
    },
  });
  if (res.status !== 201) throw new Error(`certificate: ${res.status} ${res.text}`);
  return forge.pki.certificateFromPem(res.json.certificate);
}

export function selfSignedCertificate(keys: Keys, options: SubjectOptions = {}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = "0a1b2c3d";
  cert.validity.notBefore = new Date(Date.now() - HOUR);
  cert.validity.notAfter = new Date(Date.now() + 24 * HOUR);
  cert.setSubject(subjectAttrs(options));
  cert.setIssuer(subjectAttrs(options));
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return cert;
}

/** An xsd:dateTime in Buenos Aires time with an explicit -03:00 offset. */
export function arIso(ms: number): string {
  return `${new Date(ms - 3 * HOUR).toISOString().slice(0, 19)}-03:00`;
}

export function traXml(options: { now?: number; service?: string; generationTime?: string; expirationTime?: string; uniqueId?: number } = {}): string {
  const now = options.now ?? Date.now();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<loginTicketRequest version="1.0">',
    "  <header>",
    `    <uniqueId>${options.uniqueId ?? Math.floor(now / 1000) % 4294967295}</uniqueId>`,
    `    <generationTime>${options.generationTime ?? arIso(now - 60_000)}</generationTime>`,
    `    <expirationTime>${options.expirationTime ?? arIso(now + 10 * 60_000)}</expirationTime>`,
    "  </header>",
    `  <service>${options.service ?? "wsfe"}</service>`,
    "</loginTicketRequest>",
  ].join("\n");
}

export const OIDS = {
  data: "1.2.840.113549.1.7.1",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
} as const;

export type SignOptions = { digest?: "sha256" | "sha1"; includeCertificate?: boolean; detached?: boolean; signerKey?: forge.pki.rsa.PrivateKey };

/** CMS SignedData, TRA attached, signer certificate inside, contentType/messageDigest/signingTime signed; DER → base64. */
export function signTraDer(tra: string, cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey, options: SignOptions = {}): string {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(tra, "utf8");
  if (options.includeCertificate !== false) p7.addCertificate(cert);
  p7.addSigner({
    key: options.signerKey ?? key,
    certificate: cert,
    digestAlgorithm: options.digest === "sha1" ? OIDS.sha1 : OIDS.sha256,
    authenticatedAttributes: [
      { type: OIDS.contentType, value: OIDS.data },
      { type: OIDS.messageDigest },
      { type: OIDS.signingTime, value: new Date().toISOString() },
    ],
  });
  p7.sign(options.detached ? { detached: true } : undefined);
  return forge.asn1.toDer(p7.toAsn1()).getBytes();
}

export function signTra(tra: string, cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey, options: SignOptions = {}): string {
  return forge.util.encode64(signTraDer(tra, cert, key, options));
}

export function wsaaEnvelope(in0: string): string {
  return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsaa="http://wsaa.view.sua.dvadac.desein.afip.gov"><soapenv:Header/><soapenv:Body><wsaa:loginCms><wsaa:in0>${in0}</wsaa:in0></wsaa:loginCms></soapenv:Body></soapenv:Envelope>`;
}

export async function callWsaa(sb: TestSandbox, in0: string, options: { soapAction?: string | null; envelope?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "text/xml; charset=utf-8" };
  if (options.soapAction !== null) headers.soapaction = options.soapAction ?? '""';
  return sb.call("POST", WSAA_PATH, { headers, body: options.envelope ?? wsaaEnvelope(in0) });
}

export function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** First element's text by local name (any prefix), or undefined. */
export function tag(text: string, name: string): string | undefined {
  const m = new RegExp(`<(?:[\\w-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`).exec(text);
  return m?.[1];
}

export function tags(text: string, name: string): string[] {
  return [...text.matchAll(new RegExp(`<(?:[\\w-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`, "g"))].map((m) => m[1] as string);
}

export function fault(text: string): { faultcode?: string; faultstring?: string } {
  return { faultcode: tag(text, "faultcode"), faultstring: tag(text, "faultstring") && unescapeXml(tag(text, "faultstring") as string) };
}

export type Credentials = { token: string; sign: string; cuit: string; generationTime: string; expirationTime: string; ta: string };

export function readTa(responseText: string): Credentials & { source: string; destination: string; uniqueId: string } {
  const ta = unescapeXml(tag(responseText, "loginCmsReturn") ?? "");
  const token = tag(ta, "token") ?? "";
  const tokenXml = Buffer.from(token, "base64").toString("utf8");
  return {
    ta,
    token,
    sign: tag(ta, "sign") ?? "",
    cuit: /relation key="(\d{11})"/.exec(tokenXml)?.[1] ?? "",
    source: tag(ta, "source") ?? "",
    destination: tag(ta, "destination") ?? "",
    uniqueId: tag(ta, "uniqueId") ?? "",
    generationTime: tag(ta, "generationTime") ?? "",
    expirationTime: tag(ta, "expirationTime") ?? "",
  };
}

/** One key pair and certificate per CUIT for a whole test file (certificates survive resets: they are just signed). */
export function certificateCache(getSb: () => TestSandbox) {
  const cache = new Map<string, Promise<{ keys: Keys; cert: forge.pki.Certificate }>>();
  return (cuit: string, cn = "campotech-test") => {
    const key = `${cuit}|${cn}`;
    let entry = cache.get(key);
    if (!entry) {
      entry = (async () => {
        const keys = newKeys();
        return { keys, cert: await issueCertificate(getSb(), keys, { cuit, cn }) };
      })();
      cache.set(key, entry);
    }
    return entry;
  };
}

export async function login(sb: TestSandbox, identity: { keys: Keys; cert: forge.pki.Certificate }, now = Date.now()): Promise<Credentials> {
  const res = await callWsaa(sb, signTra(traXml({ now }), identity.cert, identity.keys.privateKey));
  if (res.status !== 200) throw new Error(`loginCms: ${res.status} ${res.text}`);
  return readTa(res.text);
}

export function authXml(c: { token: string; sign: string; cuit: string }, prefix = "ar"): string {
  const p = prefix ? `${prefix}:` : "";
  return `<${p}Auth><${p}Token>${c.token}</${p}Token><${p}Sign>${c.sign}</${p}Sign><${p}Cuit>${c.cuit}</${p}Cuit></${p}Auth>`;
}

export function wsfeEnvelope(method: string, inner: string): string {
  return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ar="${FEV1}"><soapenv:Header/><soapenv:Body><ar:${method}>${inner}</ar:${method}></soapenv:Body></soapenv:Envelope>`;
}

export async function callWsfe(sb: TestSandbox, method: string, inner: string, options: { soapAction?: string | null; envelope?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "text/xml; charset=utf-8" };
  if (options.soapAction !== null) headers.soapaction = options.soapAction ?? `"${FEV1}${method}"`;
  return sb.call("POST", WSFE_PATH, { headers, body: options.envelope ?? wsfeEnvelope(method, inner) });
}

export function errs(text: string): { code: number; msg: string }[] {
  const errors = tag(text, "Errors") ?? "";
  return [...errors.matchAll(/<Err><Code>(\d+)<\/Code><Msg>([\s\S]*?)<\/Msg><\/Err>/g)].map((m) => ({ code: Number(m[1]), msg: unescapeXml(m[2] as string) }));
}

export function obs(text: string): { code: number; msg: string }[] {
  const list = tag(text, "Observaciones") ?? "";
  return [...list.matchAll(/<Obs><Code>(\d+)<\/Code><Msg>([\s\S]*?)<\/Msg><\/Obs>/g)].map((m) => ({ code: Number(m[1]), msg: unescapeXml(m[2] as string) }));
}

/** yyyymmdd in Buenos Aires, `days` from today. */
export function arDate(days = 0, base = Date.now()): string {
  return new Date(base - 3 * HOUR + days * 24 * HOUR).toISOString().slice(0, 10).replace(/-/g, "");
}

const DETAIL_ORDER = [
  "Concepto",
  "DocTipo",
  "DocNro",
  "CbteDesde",
  "CbteHasta",
  "CbteFch",
  "ImpTotal",
  "ImpTotConc",
  "ImpNeto",
  "ImpOpEx",
  "ImpTrib",
  "ImpIVA",
  "FchServDesde",
  "FchServHasta",
  "FchVtoPago",
  "MonId",
  "MonCotiz",
  "CanMisMonExt",
  "CondicionIVAReceptorId",
] as const;

type DetailKey = (typeof DETAIL_ORDER)[number];

/** FECAEDetRequest's simple fields (null leaves one out) plus the header and the arrays. */
export type InvoiceFields = Partial<Record<DetailKey, string | number | null>> & {
  cbteTipo?: number;
  ptoVta?: number;
  cantReg?: number;
  iva?: { id: number; baseImp: string | number; importe: string | number }[] | null;
  tributos?: { id: number; desc?: string; baseImp: string | number; alic: string | number; importe: string | number }[];
  cbtesAsoc?: { tipo: number; ptoVta: number; nro: number; cuit?: string; cbteFch?: string }[];
  periodoAsoc?: { fchDesde: string; fchHasta: string };
  extraDetail?: string;
};

/**
 * FECAESolicitar's inner XML. Defaults: Factura B (6), PtoVta 1, services (Concepto 2) to a consumidor final,
 * $121,000 with 21 % IVA (ARGENTINA.md §2.9 (a)). A field set to null is left out.
 */
export function caeRequestXml(creds: { token: string; sign: string; cuit: string }, fields: InvoiceFields = {}): string {
  const defaults: Record<DetailKey, string | number | null> = {
    Concepto: 2,
    DocTipo: 99,
    DocNro: 0,
    CbteDesde: 1,
    CbteHasta: fields.CbteHasta ?? fields.CbteDesde ?? 1,
    CbteFch: arDate(),
    ImpTotal: "121000.00",
    ImpTotConc: "0.00",
    ImpNeto: "100000.00",
    ImpOpEx: "0.00",
    ImpTrib: "0.00",
    ImpIVA: "21000.00",
    FchServDesde: arDate(-20),
    FchServHasta: arDate(-1),
    FchVtoPago: arDate(10),
    MonId: "PES",
    MonCotiz: 1,
    CanMisMonExt: null,
    CondicionIVAReceptorId: 5,
  };
  const detail = DETAIL_ORDER.map((k): [DetailKey, string | number | null | undefined] => [k, k in fields ? fields[k] : defaults[k]])
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `<ar:${k}>${v}</ar:${k}>`)
    .join("");
  const asocs = fields.cbtesAsoc
    ? `<ar:CbtesAsoc>${fields.cbtesAsoc
        .map(
          (a) =>
            `<ar:CbteAsoc><ar:Tipo>${a.tipo}</ar:Tipo><ar:PtoVta>${a.ptoVta}</ar:PtoVta><ar:Nro>${a.nro}</ar:Nro>${a.cuit ? `<ar:Cuit>${a.cuit}</ar:Cuit>` : ""}${a.cbteFch ? `<ar:CbteFch>${a.cbteFch}</ar:CbteFch>` : ""}</ar:CbteAsoc>`,
        )
        .join("")}</ar:CbtesAsoc>`
    : "";
  const tributos = fields.tributos
    ? `<ar:Tributos>${fields.tributos
        .map(
          (t) =>
            `<ar:Tributo><ar:Id>${t.id}</ar:Id>${t.desc ? `<ar:Desc>${t.desc}</ar:Desc>` : ""}<ar:BaseImp>${t.baseImp}</ar:BaseImp><ar:Alic>${t.alic}</ar:Alic><ar:Importe>${t.importe}</ar:Importe></ar:Tributo>`,
        )
        .join("")}</ar:Tributos>`
    : "";
  const ivaRows = fields.iva === undefined ? [{ id: 5, baseImp: "100000.00", importe: "21000.00" }] : fields.iva;
  const iva = ivaRows
    ? `<ar:Iva>${ivaRows.map((a) => `<ar:AlicIva><ar:Id>${a.id}</ar:Id><ar:BaseImp>${a.baseImp}</ar:BaseImp><ar:Importe>${a.importe}</ar:Importe></ar:AlicIva>`).join("")}</ar:Iva>`
    : "";
  const periodo = fields.periodoAsoc
    ? `<ar:PeriodoAsoc><ar:FchDesde>${fields.periodoAsoc.fchDesde}</ar:FchDesde><ar:FchHasta>${fields.periodoAsoc.fchHasta}</ar:FchHasta></ar:PeriodoAsoc>`
    : "";
  return (
    authXml(creds) +
    `<ar:FeCAEReq><ar:FeCabReq><ar:CantReg>${fields.cantReg ?? 1}</ar:CantReg><ar:PtoVta>${fields.ptoVta ?? 1}</ar:PtoVta><ar:CbteTipo>${fields.cbteTipo ?? 6}</ar:CbteTipo></ar:FeCabReq>` +
    `<ar:FeDetReq><ar:FECAEDetRequest>${detail}${asocs}${tributos}${iva}${periodo}${fields.extraDetail ?? ""}</ar:FECAEDetRequest></ar:FeDetReq></ar:FeCAEReq>`
  );
}

/** Class C defaults: Factura C (11) for $45,000 of services, no Iva (ARGENTINA.md §2.9 (c)). */
export function classCFields(fields: InvoiceFields = {}): InvoiceFields {
  return { cbteTipo: 11, ImpTotal: "45000.00", ImpNeto: "45000.00", ImpIVA: "0", ImpTotConc: "0", ImpOpEx: "0", DocTipo: 96, DocNro: 28123456, iva: null, ...fields };
}

/** Class A defaults: Factura A (1) to a responsable inscripto. */
export function classAFields(fields: InvoiceFields = {}): InvoiceFields {
  return { cbteTipo: 1, DocTipo: 80, DocNro: "20111111112", CondicionIVAReceptorId: 1, ...fields };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
