import { z } from "zod";
import { decryptJson, type Keyring } from "../../lib/crypto";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { createDialog360Provider } from "../dialog360/create-dialog360-provider";
import { createMetaProvider } from "../meta/create-meta-provider";
import { createTwilioProvider } from "../twilio/create-twilio-provider";
import type { BspProvider, ClientConfig, WhatsAppBSPProvider } from "./types";

// The columns of WhatsAppBusinessAccount the factory needs (integrations take plain objects, never Prisma rows).
export type WhatsAppAccountInput = {
  bspProvider: BspProvider;
  phoneNumberId: string | null;
  wabaId?: string | null;
  displayPhoneNumber: string;
  credentialsEncrypted: string;
};

export type CreateWhatsAppProviderOptions = ClientConfig & {
  keyring?: Keyring;
  // Twilio only: StatusCallback for every send (Meta and 360dialog use the webhook configured on the number).
  statusCallbackUrl?: string;
};

const metaCredentials = z.object({ accessToken: z.string().min(1) });
const dialog360Credentials = z.object({ apiKey: z.string().min(1) });
// An organization on the platform's Twilio account stores no SID/token and falls back to env.
const twilioCredentials = z.object({
  accountSid: z.string().regex(/^AC\w+$/).optional(),
  authToken: z.string().min(1).optional(),
  contentSids: z.record(z.string(), z.string()).optional(),
});

// Credentials are decrypted here, once, when the client is built, and live only inside its closures: the returned
// object holds functions, so logging it (or an error about it) cannot print a token.
export function createWhatsAppProvider(
  account: WhatsAppAccountInput,
  options: CreateWhatsAppProviderOptions = {},
): WhatsAppBSPProvider {
  const { keyring, statusCallbackUrl, ...config } = options;
  switch (account.bspProvider) {
    case "META_DIRECT": {
      const credentials = readCredentials(account, metaCredentials, keyring);
      return createMetaProvider({ phoneNumberId: requirePhoneNumberId(account), accessToken: credentials.accessToken }, config);
    }
    case "DIALOG_360": {
      const credentials = readCredentials(account, dialog360Credentials, keyring);
      return createDialog360Provider({ apiKey: credentials.apiKey }, config);
    }
    case "TWILIO": {
      const credentials = readCredentials(account, twilioCredentials, keyring);
      return createTwilioProvider(
        {
          accountSid: credentials.accountSid ?? env.TWILIO_ACCOUNT_SID,
          authToken: credentials.authToken ?? env.TWILIO_AUTH_TOKEN,
          from: account.displayPhoneNumber,
          ...(credentials.contentSids ? { contentSids: credentials.contentSids } : {}),
          ...(statusCallbackUrl ? { statusCallbackUrl } : {}),
        },
        config,
      );
    }
  }
}

function readCredentials<T>(account: WhatsAppAccountInput, schema: z.ZodType<T>, keyring: Keyring | undefined): T {
  let raw: unknown;
  try {
    raw = account.credentialsEncrypted === "" ? {} : keyring ? decryptJson(account.credentialsEncrypted, keyring) : decryptJson(account.credentialsEncrypted);
  } catch (cause) {
    // The cause names the key id at most; never the plaintext.
    throw new AppError("INTERNAL", { detail: `${account.bspProvider} credentials could not be decrypted`, cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    // Only the paths of missing fields: zod's messages could echo values.
    const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new AppError("INTERNAL", { detail: `${account.bspProvider} credentials are incomplete (${fields})` });
  }
  return parsed.data;
}

function requirePhoneNumberId(account: WhatsAppAccountInput): string {
  if (!account.phoneNumberId) {
    throw new AppError("VALIDATION_FAILED", { detail: `${account.bspProvider} account has no phoneNumberId (released?)` });
  }
  return account.phoneNumberId;
}
