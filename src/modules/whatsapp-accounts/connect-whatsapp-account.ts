import { BspProvider, ProvisioningStatus, type Database } from "@campotech/database";
import { encryptJson, encryptSecret, type Keyring } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { startOfMonthInTimezone } from "../../lib/time";
import { appendAuditLog } from "../audit/append-audit-log";
import { parseCredentials } from "./credentials";

export type ConnectWhatsAppAccountInput = {
  organizationId: string;
  provider: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId?: string;
  businessName?: string;
  credentials: unknown;
  webhookSecret?: string;
  actor?: { type: "OPERATOR" | "USER"; id?: string };
};

export function parseProvider(input: string): BspProvider {
  const provider = input.trim().toUpperCase().replace(/-/g, "_");
  const aliases: Record<string, BspProvider> = { META: "META_DIRECT", "360DIALOG": "DIALOG_360", DIALOG360: "DIALOG_360" };
  const resolved = aliases[provider] ?? provider;
  if (!(resolved in BspProvider)) {
    throw new AppError("VALIDATION_FAILED", {
      message: `Proveedor desconocido "${input}". Opciones: ${Object.keys(BspProvider).join(", ")}.`,
    });
  }
  return resolved as BspProvider;
}

export async function connectWhatsAppAccount(admin: Database, input: ConnectWhatsAppAccountInput, keyring?: Keyring) {
  const provider = parseProvider(input.provider);
  const credentials = parseCredentials(provider, input.credentials);
  const phoneNumberId = input.phoneNumberId.trim();
  const displayPhoneNumber = input.displayPhoneNumber.replace(/[^\d]/g, "");
  if (!phoneNumberId) throw new AppError("VALIDATION_FAILED", { fields: { phoneNumberId: "Es obligatorio." } });
  if (displayPhoneNumber.length < 8) {
    throw new AppError("VALIDATION_FAILED", { fields: { displayPhoneNumber: "Número inválido." } });
  }
  const organization = await admin.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } });
  if (!organization) throw new AppError("NOT_FOUND", { message: "La organización no existe." });
  const taken = await admin.whatsAppBusinessAccount.findUnique({ where: { phoneNumberId }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", { message: "Ese número de WhatsApp ya está conectado a una organización." });

  const sealed = encryptJson(credentials, keyring);
  return admin.$transaction(async (tx) => {
    const account = await tx.whatsAppBusinessAccount.create({
      data: {
        organizationId: organization.id,
        bspProvider: provider,
        phoneNumberId,
        displayPhoneNumber,
        wabaId: input.wabaId ?? null,
        businessName: input.businessName ?? null,
        credentialsEncrypted: sealed,
        credentialsKeyId: sealed.split(".")[1]!,
        webhookSecretEncrypted: input.webhookSecret ? encryptSecret(input.webhookSecret, keyring) : null,
        provisioningStatus: ProvisioningStatus.ACTIVE,
        usagePeriodStart: startOfMonthInTimezone(),
      },
      omit: { credentialsEncrypted: true, webhookSecretEncrypted: true },
    });
    await appendAuditLog(tx, {
      organizationId: organization.id,
      actorType: input.actor?.type ?? "OPERATOR",
      actorId: input.actor?.id ?? null,
      action: "whatsapp.account_connected",
      entityType: "WhatsAppBusinessAccount",
      entityId: account.id,
      metadata: { provider, phoneNumberId, displayPhoneNumber },
    });
    return account;
  });
}
