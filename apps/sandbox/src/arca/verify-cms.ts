import { createHash, createPublicKey, verify } from "node:crypto";
import forge from "node-forge";
import { cuitOfSubject, isIssuedBySandboxCa } from "./sandbox-ca.ts";

// WSAA's checks on loginCms/in0, in the order homologación was observed to apply them: base64 → CMS SignedData →
// signer certificate inside → signature → certificate dates → issuing CA. node-forge parses the ASN.1; its PKCS#7
// verify() is not implemented, so the RSA signature over the DER of the signed attributes (re-tagged as SET OF, RFC
// 5652 §5.4) is checked here with node:crypto.

export type WsaaFaultCode =
  | "cms.bad.base64"
  | "cms.bad"
  | "cms.cert.notFound"
  | "cms.sign.invalid"
  | "cms.cert.expired"
  | "cms.cert.invalid"
  | "cms.cert.untrusted";

export type CmsFault = { code: WsaaFaultCode; message: string };
export type VerifiedCms = { ok: true; content: Buffer; cert: forge.pki.Certificate };

// faultstrings as WSAA returns them (homologación), including their missing accents.
const MESSAGES: Record<WsaaFaultCode, string> = {
  "cms.bad.base64": "No se puede decodificar el BASE64",
  "cms.bad": "El CMS no es valido",
  "cms.cert.notFound": "No se ha encontrado certificado de firmador",
  "cms.sign.invalid": "Firma inválida o algoritmo no soportado",
  "cms.cert.expired": "Certificado expirado",
  "cms.cert.invalid": "Certificado con fecha de generacion posterior a la actual",
  "cms.cert.untrusted": "Certificado no emitido por AC de confianza",
};

const OID = {
  signedData: "1.2.840.113549.1.7.2",
  data: "1.2.840.113549.1.7.1",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha1WithRsa: "1.2.840.113549.1.1.5",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",
} as const;

const DIGESTS: Record<string, "sha1" | "sha256"> = { [OID.sha1]: "sha1", [OID.sha256]: "sha256" };
const SIGNATURES: Record<string, "sha1" | "sha256" | "any"> = { [OID.rsaEncryption]: "any", [OID.sha1WithRsa]: "sha1", [OID.sha256WithRsa]: "sha256" };

class CmsError extends Error {
  constructor(readonly code: WsaaFaultCode) {
    super(MESSAGES[code]);
  }
}

function fail(code: WsaaFaultCode): never {
  throw new CmsError(code);
}

export function verifyLoginCms(in0: string, now: number): VerifiedCms | { ok: false; fault: CmsFault } {
  try {
    const der = decodeBase64(in0);
    const signed = readSignedData(der);
    const signer = signed.signerInfos[0] ?? fail("cms.bad");
    const cert = findSignerCertificate(signed.certificates, signer);
    checkSignature(signed, signer, cert);
    if (now < cert.validity.notBefore.getTime()) fail("cms.cert.invalid");
    if (now > cert.validity.notAfter.getTime()) fail("cms.cert.expired");
    if (!isIssuedBySandboxCa(cert)) fail("cms.cert.untrusted");
    return { ok: true, content: signed.content ?? Buffer.alloc(0), cert };
  } catch (error) {
    if (error instanceof CmsError) return { ok: false, fault: { code: error.code, message: error.message } };
    throw error;
  }
}

/** Best effort, for fault matching before verification: the CUIT of the first certificate inside the CMS. */
export function peekCmsCuit(in0: string): string | undefined {
  try {
    const first = readSignedData(decodeBase64(in0)).certificates[0];
    return first ? cuitOfSubject(forge.pki.certificateFromAsn1(first).subject) : undefined;
  } catch {
    return undefined;
  }
}

/** Base64 with or without line breaks (the PEM body of `openssl cms -outform PEM` works); empty is bad base64 too. */
function decodeBase64(in0: string): Buffer {
  const compact = in0.replace(/\s+/g, "");
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) fail("cms.bad.base64");
  return Buffer.from(compact, "base64");
}

type Asn1 = forge.asn1.Asn1;
type SignerInfo = {
  issuerHash?: string;
  serialHex?: string;
  digestOid: string;
  signedAttrs?: Asn1[];
  signatureOid: string;
  signature: Buffer;
};
type SignedData = { eContentType: string; content?: Buffer; certificates: Asn1[]; signerInfos: SignerInfo[] };

const { Class, Type } = forge.asn1;

function children(node: Asn1 | undefined): Asn1[] {
  if (!node || !Array.isArray(node.value)) return fail("cms.bad");
  return node.value;
}

function isUniversal(node: Asn1 | undefined, type: forge.asn1.Type): node is Asn1 {
  return node !== undefined && node.tagClass === Class.UNIVERSAL && node.type === type;
}

function isContext(node: Asn1 | undefined, tag: number): node is Asn1 {
  return node !== undefined && node.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag;
}

function oidOf(node: Asn1 | undefined): string {
  if (!isUniversal(node, Type.OID) || typeof node.value !== "string") return fail("cms.bad");
  return forge.asn1.derToOid(node.value);
}

/** OCTET STRING bytes, concatenating the chunks of a BER constructed one (streamed CMS). */
function octets(node: Asn1 | undefined): Buffer {
  if (!isUniversal(node, Type.OCTETSTRING)) return fail("cms.bad");
  if (typeof node.value === "string") return Buffer.from(node.value, "binary");
  return Buffer.concat(node.value.map((c) => octets(c)));
}

function readSignedData(der: Buffer): SignedData {
  let root: Asn1;
  try {
    root = forge.asn1.fromDer(forge.util.createBuffer(der.toString("binary")));
  } catch {
    return fail("cms.bad");
  }
  const [contentType, wrapped] = isUniversal(root, Type.SEQUENCE) ? children(root) : fail("cms.bad");
  if (oidOf(contentType) !== OID.signedData || !isContext(wrapped, 0)) fail("cms.bad");
  const signedData = children(wrapped)[0];
  if (!isUniversal(signedData, Type.SEQUENCE)) fail("cms.bad");
  const parts = children(signedData);
  const encap = parts[2];
  if (!isUniversal(encap, Type.SEQUENCE)) fail("cms.bad");
  const [eContentTypeNode, eContentWrapper] = children(encap);
  const eContentType = oidOf(eContentTypeNode);
  let content: Buffer | undefined;
  if (eContentWrapper !== undefined) {
    if (!isContext(eContentWrapper, 0)) fail("cms.bad");
    content = octets(children(eContentWrapper)[0]);
  }
  let certificates: Asn1[] = [];
  let signerInfosNode: Asn1 | undefined;
  for (const part of parts.slice(3)) {
    if (isContext(part, 0)) certificates = children(part).filter((c) => isUniversal(c, Type.SEQUENCE));
    else if (isUniversal(part, Type.SET)) signerInfosNode = part;
  }
  if (!signerInfosNode) fail("cms.bad");
  return { eContentType, ...(content ? { content } : {}), certificates, signerInfos: children(signerInfosNode).map(readSignerInfo) };
}

function readSignerInfo(node: Asn1): SignerInfo {
  const parts = children(node);
  const sid = parts[1];
  let issuerHash: string | undefined;
  let serialHex: string | undefined;
  if (isUniversal(sid, Type.SEQUENCE)) {
    const [issuer, serial] = children(sid);
    if (!issuer || !isUniversal(serial, Type.INTEGER) || typeof serial.value !== "string") fail("cms.bad");
    issuerHash = sha1Hex(forge.asn1.toDer(issuer as Asn1).getBytes());
    serialHex = normalizeSerial(forge.util.bytesToHex(serial.value as string));
  }
  const digestOid = oidOf(children(parts[2])[0]);
  let index = 3;
  let signedAttrs: Asn1[] | undefined;
  if (isContext(parts[index], 0)) {
    signedAttrs = children(parts[index]);
    index += 1;
  }
  const signatureOid = oidOf(children(parts[index])[0]);
  const signature = octets(parts[index + 1]);
  return { ...(issuerHash ? { issuerHash } : {}), ...(serialHex ? { serialHex } : {}), digestOid, ...(signedAttrs ? { signedAttrs } : {}), signatureOid, signature };
}

function sha1Hex(binary: string): string {
  return createHash("sha1").update(Buffer.from(binary, "binary")).digest("hex");
}

function normalizeSerial(hex: string): string {
  return hex.toLowerCase().replace(/^0+(?=.)/, "");
}

/**
 * The certificate the SignerInfo names (issuer + serial). A certificate node-forge cannot read is not RSA, which
 * ARCA does not support: "Firma inválida o algoritmo no soportado".
 */
function findSignerCertificate(certificates: Asn1[], signer: SignerInfo): forge.pki.Certificate {
  if (certificates.length === 0) fail("cms.cert.notFound");
  let unreadable = false;
  for (const node of certificates) {
    let cert: forge.pki.Certificate;
    try {
      cert = forge.pki.certificateFromAsn1(node, true);
    } catch {
      unreadable = true;
      continue;
    }
    const sameSerial = signer.serialHex !== undefined && normalizeSerial(cert.serialNumber) === signer.serialHex;
    const sameIssuer = signer.issuerHash !== undefined && cert.issuer.hash === signer.issuerHash;
    // A SubjectKeyIdentifier sid with a single certificate: that one is the signer's.
    if ((sameSerial && sameIssuer) || (signer.serialHex === undefined && certificates.length === 1)) return cert;
  }
  return unreadable ? fail("cms.sign.invalid") : fail("cms.cert.notFound");
}

function checkSignature(signed: SignedData, signer: SignerInfo, cert: forge.pki.Certificate): void {
  // Detached CMS (no TRA inside): WSAA answers cms.sign.invalid, not cms.bad.
  const content = signed.content ?? fail("cms.sign.invalid");
  const hash = DIGESTS[signer.digestOid] ?? fail("cms.sign.invalid");
  const signatureHash = SIGNATURES[signer.signatureOid] ?? fail("cms.sign.invalid");
  if (signatureHash !== "any" && signatureHash !== hash) fail("cms.sign.invalid");

  let signedBytes = content;
  if (signer.signedAttrs) {
    const digest = attributeValue(signer.signedAttrs, OID.messageDigest);
    if (!digest || !octets(digest).equals(createHash(hash).update(content).digest())) fail("cms.sign.invalid");
    const contentType = attributeValue(signer.signedAttrs, OID.contentType);
    if (contentType && oidOf(contentType) !== signed.eContentType) fail("cms.sign.invalid");
    const set = forge.asn1.create(Class.UNIVERSAL, Type.SET, true, signer.signedAttrs);
    signedBytes = Buffer.from(forge.asn1.toDer(set).getBytes(), "binary");
  }
  const publicKey = createPublicKey(forge.pki.publicKeyToPem(cert.publicKey));
  let valid = false;
  try {
    valid = verify(hash, signedBytes, publicKey, signer.signature);
  } catch {
    valid = false;
  }
  if (!valid) fail("cms.sign.invalid");
}

function attributeValue(attrs: Asn1[], oid: string): Asn1 | undefined {
  for (const attr of attrs) {
    const [type, values] = children(attr);
    if (oidOf(type) === oid) return isUniversal(values, Type.SET) ? children(values)[0] : fail("cms.bad");
  }
  return undefined;
}
