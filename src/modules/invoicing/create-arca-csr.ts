import type { TenantTx } from "@campotech/database";
import { generateArcaCsr } from "../../integrations/arca";
import { encryptSecret } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { arcaActorRecord, type ArcaActor } from "./arca-actor";

// `campotech arca csr` and the settings page's "Generar pedido de certificado": a new key pair whose CSR the owner
// uploads to ARCA. The key waits, sealed, for the certificate ARCA issues.
export async function createArcaCsr(tx: TenantTx, organizationId: string, input: { commonName?: string }, actor: ArcaActor): Promise<{ csrPem: string }> {
  const connection = await tx.arcaConnection.findUnique({ where: { organizationId }, select: { cuit: true, businessName: true } });
  if (!connection) throw new AppError("VALIDATION_FAILED", { message: "Primero cargá los datos fiscales (CUIT, razón social) de la conexión con ARCA." });
  const { privateKeyPem, csrPem } = generateArcaCsr({ cuit: connection.cuit, organization: connection.businessName, commonName: input.commonName ?? "campotech" });
  await tx.arcaConnection.update({ where: { organizationId }, data: { pendingKeyEncrypted: encryptSecret(privateKeyPem), csrPem } });
  await appendAuditLog(tx, { organizationId, ...arcaActorRecord(actor), action: "arca.csr_created", entityType: "ArcaConnection", entityId: organizationId });
  return { csrPem };
}
