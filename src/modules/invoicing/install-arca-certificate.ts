import type { TenantTx } from "@campotech/database";
import { inspectCertificate, keyMatchesCertificate } from "../../integrations/arca";
import { decryptSecret, encryptSecret } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { arcaActorRecord, type ArcaActor } from "./arca-actor";
import { getArcaSettings } from "./get-arca-settings";

// The certificate ARCA issued (PEM), with its private key when it was made elsewhere, or the key waiting from our
// CSR. Refused with a clear reason when it is not a certificate, has expired, is for another CUIT or does not match
// the key. Tickets made with the previous certificate are dropped.
export async function installArcaCertificate(tx: TenantTx, organizationId: string, input: { certificatePem: string; privateKeyPem?: string }, actor: ArcaActor, now: Date = new Date()) {
  const connection = await tx.arcaConnection.findUnique({ where: { organizationId }, select: { cuit: true, pendingKeyEncrypted: true } });
  if (!connection) throw new AppError("VALIDATION_FAILED", { message: "Primero cargá los datos fiscales de la conexión con ARCA." });
  const fail = (message: string): never => {
    throw new AppError("VALIDATION_FAILED", { message, fields: { certificate: message } });
  };
  let info;
  try {
    info = inspectCertificate(input.certificatePem.trim());
  } catch {
    return fail("El archivo no es un certificado (tiene que ser el .crt/.pem que entrega ARCA, con -----BEGIN CERTIFICATE-----).");
  }
  if (info.notAfter.getTime() <= now.getTime()) fail(`El certificado venció el ${info.notAfter.toISOString().slice(0, 10)}: generá uno nuevo en ARCA.`);
  if (info.notBefore.getTime() > now.getTime()) fail("El certificado todavía no es válido (su fecha de inicio es futura).");
  if (info.cuit && info.cuit !== connection.cuit) fail(`El certificado es del CUIT ${info.cuit} y la conexión es del CUIT ${connection.cuit}.`);
  const keyPem = input.privateKeyPem?.trim() || (connection.pendingKeyEncrypted ? decryptSecret(connection.pendingKeyEncrypted) : null);
  if (!keyPem) fail("Falta la clave privada: subila junto con el certificado o generá el pedido (CSR) desde CampoTech.");
  if (!keyMatchesCertificate(input.certificatePem, keyPem!)) fail("El certificado no corresponde a la clave privada: ¿es el certificado del último pedido que generaste?");
  await tx.arcaConnection.update({
    where: { organizationId },
    data: {
      certificatePem: input.certificatePem.trim(),
      certificateSubject: info.subject,
      certificateNotAfter: info.notAfter,
      certificateFingerprint: info.fingerprint,
      privateKeyEncrypted: encryptSecret(keyPem!),
      ...(input.privateKeyPem ? {} : { pendingKeyEncrypted: null, csrPem: null }),
    },
  });
  await tx.arcaTicket.deleteMany({ where: { organizationId } });
  await appendAuditLog(tx, { organizationId, ...arcaActorRecord(actor), action: "arca.certificate_installed", entityType: "ArcaConnection", entityId: organizationId, metadata: { notAfter: info.notAfter.toISOString(), fingerprint: info.fingerprint.slice(0, 16) } });
  return getArcaSettings(tx, organizationId);
}
