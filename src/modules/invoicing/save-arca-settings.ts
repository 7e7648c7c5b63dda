import type { TenantTx } from "@campotech/database";
import { normalizeCuit } from "../../lib/cuit";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { arcaActorRecord, type ArcaActor } from "./arca-actor";
import { arcaSettingsSchema, type ArcaSettingsInput } from "./arca-settings.schemas";
import { getArcaSettings } from "./get-arca-settings";

// Fiscal data, environment and point of sale. The CUIT is checked (and may not drift away from the installed
// certificate's); the certificate itself is installed separately.
export async function saveArcaSettings(tx: TenantTx, organizationId: string, raw: ArcaSettingsInput, actor: ArcaActor) {
  const parsed = arcaSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    throw new AppError("VALIDATION_FAILED", { message: Object.values(fields)[0], fields });
  }
  const input = parsed.data;
  const cuit = normalizeCuit(input.cuit);
  if (!cuit) throw new AppError("INVALID_CUIT", { fields: { cuit: "El CUIT no es válido: revisá el dígito verificador." } });
  const existing = await tx.arcaConnection.findUnique({ where: { organizationId }, select: { certificatePem: true, cuit: true, environment: true } });
  if (existing?.certificatePem && existing.cuit !== cuit) {
    throw new AppError("VALIDATION_FAILED", { message: "El certificado cargado es de otro CUIT: generá un certificado nuevo para este CUIT antes de cambiarlo.", fields: { cuit: "No coincide con el certificado." } });
  }
  const data = {
    environment: input.environment,
    cuit,
    pointOfSale: input.pointOfSale,
    issuerCondition: input.issuerCondition,
    businessName: input.businessName,
    businessAddress: input.businessAddress,
    grossIncomeNumber: input.grossIncomeNumber ?? null,
    activityStartDate: input.activityStartDate ?? null,
  };
  await tx.arcaConnection.upsert({ where: { organizationId }, create: { organizationId, ...data }, update: data });
  await appendAuditLog(tx, { organizationId, ...arcaActorRecord(actor), action: "arca.settings_updated", entityType: "ArcaConnection", entityId: organizationId, metadata: { environment: data.environment, pointOfSale: data.pointOfSale, issuerCondition: data.issuerCondition } });
  return getArcaSettings(tx, organizationId);
}
