import { createHash, createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";

export type CertificateInfo = {
  subject: string;
  cuit: string | null; // from serialNumber=CUIT nnnnnnnnnnn
  notBefore: Date;
  notAfter: Date;
  fingerprint: string; // SHA-256 of the DER, hex
};

// What an uploaded certificate says, and whether a private key is its pair. Throws on anything that is not a PEM
// X.509 certificate.
export function inspectCertificate(pem: string): CertificateInfo {
  const certificate = new X509Certificate(pem);
  const cuit = /serialNumber=CUIT (\d{11})/i.exec(certificate.subject.replace(/\n/g, ", "))?.[1] ?? null;
  return {
    subject: certificate.subject.replace(/\n/g, ", "),
    cuit,
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    fingerprint: createHash("sha256").update(certificate.raw).digest("hex"),
  };
}

export function keyMatchesCertificate(certificatePem: string, privateKeyPem: string): boolean {
  try {
    const fromCertificate = new X509Certificate(certificatePem).publicKey.export({ type: "spki", format: "der" });
    const fromKey = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: "spki", format: "der" });
    return fromCertificate.equals(fromKey);
  } catch {
    return false;
  }
}
