import { createHash } from "node:crypto";
import { encryptJson } from "../../lib/crypto";
import { adminDb } from "../../lib/db";
import { logger } from "../../lib/logger";
import type { WebhookDelivery } from "../../workers/payloads/webhook-delivery";
import type { CommittedWork } from "./follow-up";
import { processWebhookDelivery } from "./process-webhook-delivery";

// Test-only helpers for the inbound pipeline tests (not exported from index.ts): organizations with the sandbox's
// numbers, Meta envelopes written the way Meta writes them (non-ASCII as \uXXXX), deliveries as the web process
// enqueues them, and a run that records the committed work instead of enqueueing it.

export const NUMBERS = {
  meta: { phoneNumberId: "100000000000001", display: "541152630000", accessToken: "sandbox-meta-access-token-demo" },
  dialog360: { phoneNumberId: "100000000000002", display: "541152630001", apiKey: "sandbox-d360-api-key-demo" },
  twilio: { display: "5491152630002" },
} as const;

export async function seedOrganization(id: string, options: { cuit?: string; withAccounts?: boolean } = {}) {
  const admin = adminDb();
  await admin.organization.create({ data: { id, name: `Org ${id}`, cuit: options.cuit ?? "30712345671", tier: "PROFESIONAL" } });
  if (options.withAccounts === false) return { meta: "", dialog360: "", twilio: "" };
  const meta = await admin.whatsAppBusinessAccount.create({
    data: {
      organizationId: id, bspProvider: "META_DIRECT", phoneNumberId: NUMBERS.meta.phoneNumberId, wabaId: "200000000000001",
      displayPhoneNumber: NUMBERS.meta.display, credentialsEncrypted: encryptJson({ accessToken: NUMBERS.meta.accessToken }),
      credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE",
    },
  });
  const dialog360 = await admin.whatsAppBusinessAccount.create({
    data: {
      organizationId: id, bspProvider: "DIALOG_360", phoneNumberId: NUMBERS.dialog360.phoneNumberId, wabaId: "200000000000002",
      displayPhoneNumber: NUMBERS.dialog360.display, credentialsEncrypted: encryptJson({ apiKey: NUMBERS.dialog360.apiKey }),
      credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE",
    },
  });
  const twilio = await admin.whatsAppBusinessAccount.create({
    data: {
      organizationId: id, bspProvider: "TWILIO", phoneNumberId: `+${NUMBERS.twilio.display}`, wabaId: "200000000000003",
      displayPhoneNumber: NUMBERS.twilio.display, credentialsEncrypted: encryptJson({}), credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE",
    },
  });
  return { meta: meta.id, dialog360: dialog360.id, twilio: twilio.id };
}

type Change = {
  phoneNumberId?: string;
  display?: string;
  contacts?: unknown[];
  messages?: unknown[];
  statuses?: unknown[];
  errors?: unknown[];
  field?: string;
};

// Meta escapes every non-ASCII character as lowercase \uXXXX (emoji as surrogate pairs) and signs those bytes.
export function metaEnvelope(...changes: Change[][]): string {
  const body = {
    object: "whatsapp_business_account",
    entry: changes.map((entryChanges, i) => ({
      id: `20000000000000${i + 1}`,
      changes: entryChanges.map((c) => ({
        field: c.field ?? "messages",
        value: {
          messaging_product: "whatsapp",
          metadata: { display_phone_number: c.display ?? NUMBERS.meta.display, phone_number_id: c.phoneNumberId ?? NUMBERS.meta.phoneNumberId },
          ...(c.contacts ? { contacts: c.contacts } : {}),
          ...(c.messages ? { messages: c.messages } : {}),
          ...(c.statuses ? { statuses: c.statuses } : {}),
          ...(c.errors ? { errors: c.errors } : {}),
        },
      })),
    })),
  };
  return JSON.stringify(body).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function contact(waId: string, name = "Martina Gómez") {
  return { profile: { name }, wa_id: waId };
}

export function ts(iso: string): string {
  return String(Math.floor(new Date(iso).getTime() / 1000));
}

export function metaDelivery(rawBody: string, provider: "META_DIRECT" | "DIALOG_360" = "META_DIRECT", organizationId?: string): WebhookDelivery {
  const common = { deliveryId: createHash("sha256").update(rawBody).digest("hex"), receivedAt: new Date().toISOString() };
  if (provider === "DIALOG_360") return { provider, ...common, organizationId: organizationId ?? "", rawBody };
  return { provider, ...common, rawBody };
}

export function twilioDelivery(kind: "message" | "status", params: Record<string, string>): WebhookDelivery {
  const sorted = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join("&");
  return {
    provider: "TWILIO",
    kind,
    deliveryId: createHash("sha256").update(`${kind}?${sorted}`).digest("hex"),
    receivedAt: new Date().toISOString(),
    params,
  };
}

export async function runDelivery(delivery: WebhookDelivery, options: { aggregationWindowMs?: number; onCommitted?: (work: CommittedWork) => Promise<void> } = {}) {
  const committed: CommittedWork[] = [];
  const summary = await processWebhookDelivery(delivery, {
    aggregationWindowMs: options.aggregationWindowMs ?? 50,
    logger,
    onCommitted: async (work) => {
      committed.push(work);
      await options.onCommitted?.(work);
    },
  });
  return { summary, events: committed.flatMap((w) => w.events), jobs: committed.flatMap((w) => w.jobs) };
}
