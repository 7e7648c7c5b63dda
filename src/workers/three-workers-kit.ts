// Test-only helpers for three-workers.int.test.ts (not exported from any index): the organizations each scenario
// works on, seeded straight into Postgres, and their numbers registered in the suite's sandbox.
import { createHmac } from "node:crypto";
import { encryptJson } from "../lib/crypto";
import { adminDb } from "../lib/db";
import { env } from "../lib/env";
import { DEFAULT_TEMPLATES } from "../modules/templates/default-templates";

export const SANDBOX_URL = new URL(env.META_GRAPH_API_URL).origin;

export async function sandboxControl<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${SANDBOX_URL}${path}`, { method, ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}) });
  if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export type SentRequest = { body: { to: string; type: string; biz_opaque_callback_data?: string; text?: { body: string } }; response: { status: number } };

// What the sandbox's Graph API accepted from one of our numbers.
export async function acceptedSends(phoneNumberId: string): Promise<SentRequest[]> {
  const all = await sandboxControl<SentRequest[]>("GET", `/_sandbox/requests?provider=meta&path=/${phoneNumberId}/messages`);
  return all.filter((r) => r.response.status === 200);
}

// An organization with its own Meta number (in Postgres and in the sandbox) and the default templates approved.
export async function seedMessagingOrganization(input: { id: string; cuit: string; phoneNumberId: string; settings?: object }) {
  const admin = adminDb();
  const token = `token-${input.id}`;
  await sandboxControl("POST", "/_sandbox/numbers", { provider: "META_DIRECT", phoneNumberId: input.phoneNumberId, displayPhoneNumber: "541152630000", accessToken: token });
  await admin.organization.create({ data: { id: input.id, name: `Org ${input.id}`, cuit: input.cuit, tier: "ENTERPRISE", settings: input.settings ?? {} } });
  await admin.whatsAppBusinessAccount.create({
    data: {
      id: `${input.id}-wa`, organizationId: input.id, bspProvider: "META_DIRECT", phoneNumberId: input.phoneNumberId, wabaId: `w${input.phoneNumberId}`,
      displayPhoneNumber: "541152630000", credentialsEncrypted: encryptJson({ accessToken: token }), credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE",
    },
  });
  await admin.user.create({ data: { id: `${input.id}-owner`, organizationId: input.id, phone: `+54911400${input.phoneNumberId.slice(-5)}`, name: "Dueña", role: "OWNER" } });
  await admin.waTemplate.createMany({
    data: DEFAULT_TEMPLATES.map((t) => ({ organizationId: input.id, name: t.name, language: "es_AR", category: t.category, status: "APPROVED" as const, components: [{ type: "BODY", text: t.body }] })),
  });
}

// Customers with an open 24-hour window, one conversation each.
export async function seedConversations(organizationId: string, count: number, phonePrefix: string): Promise<{ id: string; customerId: string; waId: string }[]> {
  const admin = adminDb();
  const out = [];
  for (let i = 0; i < count; i++) {
    const waId = `${phonePrefix}${String(i).padStart(4, "0")}`;
    const customerId = `${organizationId}-c${i}`;
    await admin.customer.create({ data: { id: customerId, organizationId, phone: `+${waId}`, waId, name: `Cliente ${i}` } });
    const conversation = await admin.whatsAppConversation.create({
      data: { id: `${organizationId}-conv${i}`, organizationId, customerId, accountId: `${organizationId}-wa`, windowExpiresAt: new Date(Date.now() + 20 * 3600_000), lastInboundAt: new Date() },
    });
    out.push({ id: conversation.id, customerId, waId });
  }
  return out;
}

// A Meta delivery with the given messages from one customer, signed the way Meta signs it.
export function signedMetaDelivery(phoneNumberId: string, waId: string, messages: { id: string; text: string }[]): { rawBody: Buffer; headers: Headers } {
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: `w${phoneNumberId}`, changes: [{ field: "messages", value: {
      messaging_product: "whatsapp", metadata: { display_phone_number: "541152630000", phone_number_id: phoneNumberId },
      contacts: [{ profile: { name: "Cliente" }, wa_id: waId }],
      messages: messages.map((m) => ({ from: waId, id: m.id, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: m.text } })),
    } }] }],
  }).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const rawBody = Buffer.from(body);
  const signature = createHmac("sha256", env.META_APP_SECRET).update(rawBody).digest("hex");
  return { rawBody, headers: new Headers({ "x-hub-signature-256": `sha256=${signature}` }) };
}

// Most sends of one organization inside any window of `windowMs`, from the limiter's slot times.
export function worstWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let worst = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j < sorted.length && sorted[j]! < sorted[i]! + windowMs) j++;
    worst = Math.max(worst, j - i);
  }
  return worst;
}

export async function until<T>(read: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in time: ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
