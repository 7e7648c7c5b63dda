import type { WhatsAppBusinessAccount } from "@campotech/database";
import { createDialog360Template, listDialog360Templates } from "../../integrations/dialog360";
import { createMetaMessageTemplate, listMetaMessageTemplates, type MessageTemplate, type MessageTemplateDefinition } from "../../integrations/meta";
import type { ClientConfig, Result } from "../../integrations/whatsapp";
import { decryptJson } from "../../lib/crypto";
import { AppError } from "../../lib/errors";

type Account = Pick<WhatsAppBusinessAccount, "bspProvider" | "wabaId" | "credentialsEncrypted">;

// Template management differs by provider only in transport; Twilio manages templates in its Content API
// (addressed by ContentSid), which has no WhatsApp approval workflow for us to mirror.
export async function listProviderTemplates(account: Account, config?: ClientConfig): Promise<Result<{ templates: MessageTemplate[] }>> {
  switch (account.bspProvider) {
    case "META_DIRECT":
      return listMetaMessageTemplates({ wabaId: requireWaba(account), accessToken: decryptJson<{ accessToken: string }>(account.credentialsEncrypted).accessToken }, config);
    case "DIALOG_360":
      return listDialog360Templates({ apiKey: decryptJson<{ apiKey: string }>(account.credentialsEncrypted).apiKey }, config);
    case "TWILIO":
      throw twilioUnsupported();
  }
}

export async function createProviderTemplate(
  account: Account,
  definition: MessageTemplateDefinition,
  config?: ClientConfig,
): Promise<Result<{ id: string; status: string }>> {
  switch (account.bspProvider) {
    case "META_DIRECT":
      return createMetaMessageTemplate({ wabaId: requireWaba(account), accessToken: decryptJson<{ accessToken: string }>(account.credentialsEncrypted).accessToken }, definition, config);
    case "DIALOG_360":
      return createDialog360Template({ apiKey: decryptJson<{ apiKey: string }>(account.credentialsEncrypted).apiKey }, definition, config);
    case "TWILIO":
      throw twilioUnsupported();
  }
}

function requireWaba(account: Account): string {
  if (!account.wabaId) throw new AppError("VALIDATION_FAILED", { message: "La cuenta de WhatsApp no tiene WABA ID configurado." });
  return account.wabaId;
}

function twilioUnsupported(): AppError {
  return new AppError("VALIDATION_FAILED", {
    message: "En Twilio las plantillas se gestionan en su Content API (ContentSid); no se sincronizan desde CampoTech.",
  });
}
