import type { TenantTx } from "@campotech/database";

// The ARCA connection as the settings page shows it: never the private key, only what the certificate says.
export async function getArcaSettings(tx: TenantTx, organizationId: string) {
  const c = await tx.arcaConnection.findUnique({ where: { organizationId } });
  if (!c) return null;
  return {
    environment: c.environment,
    cuit: c.cuit,
    pointOfSale: c.pointOfSale,
    issuerCondition: c.issuerCondition,
    businessName: c.businessName,
    businessAddress: c.businessAddress,
    grossIncomeNumber: c.grossIncomeNumber,
    activityStartDate: c.activityStartDate,
    certificate: c.certificatePem
      ? { subject: c.certificateSubject, notAfter: c.certificateNotAfter, fingerprint: c.certificateFingerprint?.slice(0, 16) ?? null }
      : null,
    pendingCsr: c.csrPem,
    lastCheckAt: c.lastCheckAt,
    lastCheck: c.lastCheck,
  };
}
