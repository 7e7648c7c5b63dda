import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import forge from "node-forge";
import { isValidCuit } from "./cuit.ts";

// The sandbox's certificate authority: a fixed, committed, public test-only CA (./ca). It plays WSASS, which signs a
// developer's CSR for homologación; WSAA then trusts only certificates it issued. Read lazily, never generated.

type Ca = { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey };
let cached: Ca | undefined;

function sandboxCa(): Ca {
  if (!cached) {
    const certPem = readFileSync(new URL("./ca/sandbox-ca.crt", import.meta.url), "utf8");
    const keyPem = readFileSync(new URL("./ca/sandbox-ca.key", import.meta.url), "utf8");
    cached = { cert: forge.pki.certificateFromPem(certPem), key: forge.pki.privateKeyFromPem(keyPem) };
  }
  return cached;
}

/** Whether the certificate names the sandbox CA as issuer and carries a valid signature from it. */
export function isIssuedBySandboxCa(cert: forge.pki.Certificate): boolean {
  try {
    return sandboxCa().cert.verify(cert);
  } catch {
    // forge throws when the issuer DN differs: that is "not ours" too.
    return false;
  }
}

const SUBJECT_CUIT = /^CUIT (\d{11})$/;

/** The represented CUIT, from the subject's serialNumber (OID 2.5.4.5) "CUIT nnnnnnnnnnn", as ARCA reads it. */
export function cuitOfSubject(subject: forge.pki.Certificate["subject"]): string | undefined {
  const field = subject.attributes.find((a) => a.type === "2.5.4.5");
  const match = typeof field?.value === "string" ? SUBJECT_CUIT.exec(field.value.trim()) : null;
  return match?.[1];
}

export type IssueResult = { ok: true; pem: string; cuit: string; serialNumber: string; notBefore: Date; notAfter: Date } | { ok: false; error: string };

/** WSASS: signs a CSR with the sandbox CA (SHA-256), copying its subject, which must name a valid CUIT. */
export function issueCertificate(csrPem: string, notBefore: Date, notAfter: Date): IssueResult {
  let csr: forge.pki.CertificateSigningRequest;
  try {
    csr = forge.pki.certificationRequestFromPem(csrPem);
  } catch (error) {
    return { ok: false, error: `El CSR no es un PKCS#10 en PEM con clave RSA legible: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!csr.verify()) return { ok: false, error: "La firma del CSR no es válida: tiene que estar firmado con la clave privada del pedido." };
  const cuit = cuitOfSubject(csr.subject);
  if (!cuit) {
    return { ok: false, error: 'El sujeto del CSR tiene que incluir serialNumber="CUIT <11 dígitos>" (por ejemplo /C=AR/O=Empresa/CN=sistema/serialNumber=CUIT 30712345671).' };
  }
  if (!isValidCuit(cuit)) return { ok: false, error: `La CUIT ${cuit} del serialNumber no tiene un dígito verificador válido.` };
  if (!(notAfter.getTime() > notBefore.getTime())) return { ok: false, error: "notAfter tiene que ser posterior a notBefore." };
  if (!csr.publicKey) return { ok: false, error: "El CSR no trae clave pública." };

  const ca = sandboxCa();
  const cert = forge.pki.createCertificate();
  cert.publicKey = csr.publicKey;
  const serial = randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x10;
  cert.serialNumber = serial.toString("hex");
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject(csr.subject.attributes);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, keyEncipherment: true, critical: true },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: ca.cert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  return { ok: true, pem: forge.pki.certificateToPem(cert), cuit, serialNumber: cert.serialNumber, notBefore, notAfter };
}
