import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";

// The number whose provider account holds the templates: the one asked for, else the organization's oldest active
// one (the same choice the outbound engine makes for a conversation without a number).
export async function findTemplateAccount(tx: TenantTx, input: { organizationId: string; accountId?: string }): Promise<string> {
  const account = await tx.whatsAppBusinessAccount.findFirst({
    where: input.accountId ? { id: input.accountId, organizationId: input.organizationId } : { organizationId: input.organizationId, provisioningStatus: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!account) {
    throw input.accountId
      ? new AppError("NOT_FOUND", { message: "No encontramos ese número de WhatsApp." })
      : new AppError("VALIDATION_FAILED", { message: "La organización no tiene un número de WhatsApp conectado." });
  }
  return account.id;
}
