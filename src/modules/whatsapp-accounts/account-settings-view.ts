import type { BspProvider, Prisma } from "@campotech/database";
import { DIALOG360_SECRET_HEADER } from "../../integrations/dialog360/webhook";
import { decryptJson, decryptSecret } from "../../lib/crypto";
import { env } from "../../lib/env";
import { maskSecret } from "./credentials";

export const ACCOUNT_SETTINGS_SELECT = {
  id: true,
  bspProvider: true,
  phoneNumberId: true,
  wabaId: true,
  displayPhoneNumber: true,
  businessName: true,
  provisioningStatus: true,
  qualityRating: true,
  messagingLimit: true,
  lastHealthCheckAt: true,
  suspendedAt: true,
  suspensionReason: true,
  credentialsEncrypted: true,
  webhookSecretEncrypted: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WhatsAppBusinessAccountSelect;

type AccountRow = Prisma.WhatsAppBusinessAccountGetPayload<{ select: typeof ACCOUNT_SETTINGS_SELECT }>;

// Where each provider must post (what the owner pastes in the provider's console). 360dialog has no per-number
// signature, so its URL names the organization and the request carries the number's shared secret in a header.
export function webhookEndpointsFor(provider: BspProvider, organizationId: string) {
  const base = env.PUBLIC_BASE_URL.replace(/\/+$/, "");
  switch (provider) {
    case "META_DIRECT":
      return { url: `${base}/api/webhooks/whatsapp`, statusCallbackUrl: null };
    case "DIALOG_360":
      return { url: `${base}/api/webhooks/dialog360?orgId=${encodeURIComponent(organizationId)}`, statusCallbackUrl: null };
    case "TWILIO":
      return { url: `${base}/api/webhooks/twilio`, statusCallbackUrl: `${base}/api/webhooks/twilio/status` };
  }
}

// Secrets leave this function masked (last 4 characters at most); plaintext never reaches a response. Twilio's
// ContentSids are template ids, not secrets, but only their count is useful in a settings screen.
function maskedCredentials(sealed: string): Record<string, string> {
  const credentials = decryptJson<Record<string, unknown>>(sealed);
  const masked: Record<string, string> = {};
  for (const [field, value] of Object.entries(credentials)) {
    if (typeof value === "string") masked[field] = maskSecret(value);
  }
  return masked;
}

export function toAccountSettingsView(row: AccountRow, organizationId: string) {
  const { credentialsEncrypted, webhookSecretEncrypted, bspProvider, ...rest } = row;
  const webhook = webhookEndpointsFor(bspProvider, organizationId);
  return {
    ...rest,
    provider: bspProvider,
    credentials: maskedCredentials(credentialsEncrypted),
    webhook: {
      ...webhook,
      secretHeader: bspProvider === "DIALOG_360"
        ? { name: DIALOG360_SECRET_HEADER, value: webhookSecretEncrypted ? maskSecret(decryptSecret(webhookSecretEncrypted)) : null }
        : null,
    },
  };
}

export type AccountSettingsView = ReturnType<typeof toAccountSettingsView>;
