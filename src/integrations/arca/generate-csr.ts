import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";

// The key pair and certificate request an organization uploads to ARCA ("Administración de Certificados Digitales"
// in production, WSASS in homologación), so nobody needs openssl: RSA 2048, SHA-256, subject
// C=AR, O=<business>, CN=<system name>, serialNumber=CUIT <11 digits> (reference/ARGENTINA.md §1.1).
export function generateArcaCsr(input: { cuit: string; organization: string; commonName: string }): { privateKeyPem: string; csrPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  csr.setSubject([
    { name: "countryName", value: "AR" },
    { name: "organizationName", value: ascii(input.organization) },
    { name: "commonName", value: ascii(input.commonName) },
    { type: "2.5.4.5", value: `CUIT ${input.cuit}` },
  ]);
  csr.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return { privateKeyPem, csrPem: forge.pki.certificationRequestToPem(csr) };
}

// Printable strings only in the subject (ARCA's portal chokes on accents): "Plomería Núñez" → "Plomeria Nunez".
function ascii(value: string): string {
  return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, "").trim().slice(0, 64) || "CampoTech";
}
