import type { Stack } from "./stack";

// The traffic the suite drives: customers writing through the sandbox (signed webhooks to our web, redelivered
// while unacknowledged), which the assistant answers; and our sends through sendMessage (the send API's domain
// function), several per conversation so order can be checked. Every scenario uses its own customers.

export const ORG = "faults-org";
export const PHONE_NUMBER_ID = "100000000000777";
const TOKEN = "faults-meta-token";
const ACCOUNT = `${ORG}-wa`;
// Asks for a visit: the offline assistant answers every such turn with one message.
const TURN_TEXT = "necesito un turno para cambiar la canilla de la cocina";

export type Inbound = { waId: string; id: string; at: number };
export type Outbound = { conversationId: string; waId: string; messageIds: string[]; sentAt: number[] };

export async function seedOrganization(stack: Stack): Promise<void> {
  const { adminDb } = await import("../../src/lib/db");
  const { encryptJson } = await import("../../src/lib/crypto");
  const admin = adminDb();
  await admin.organization.create({
    data: { id: ORG, name: "Del Sur Plomería y Gas", cuit: "30712345671", tier: "ENTERPRISE", settings: { assistant: { autoResponseEnabled: true }, messaging: { rateLimit: 100_000, rateWindowMs: 60_000 } } },
  });
  await admin.whatsAppBusinessAccount.create({
    data: { id: ACCOUNT, organizationId: ORG, bspProvider: "META_DIRECT", phoneNumberId: PHONE_NUMBER_ID, wabaId: "200000000000777", displayPhoneNumber: "541152630777", credentialsEncrypted: encryptJson({ accessToken: TOKEN }), credentialsKeyId: "faults", provisioningStatus: "ACTIVE" },
  });
  await admin.user.create({ data: { id: "faults-owner", organizationId: ORG, phone: "+5491140000777", name: "Martín Gómez", role: "OWNER" } });
  await stack.control("POST", "/_sandbox/numbers", {
    provider: "META_DIRECT", phoneNumberId: PHONE_NUMBER_ID, wabaId: "200000000000777", displayPhoneNumber: "541152630777", accessToken: TOKEN, webhookUrl: `${stack.webUrl}/api/webhooks/whatsapp`,
  });
}

let customerSeq = 0;
const nextWaId = (prefix: string) => `${prefix}${String(++customerSeq).padStart(6, "0")}`;

/** `count` new customers each write one message (one turn each), `concurrency` at a time; `onProgress` sees each. */
export async function sendInbound(stack: Stack, count: number, concurrency: number, onProgress?: (done: number) => Promise<void> | void): Promise<Inbound[]> {
  const out: Inbound[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      next++;
      const waId = nextWaId("5491166");
      const at = Date.now();
      const res = await stack.control<{ id: string }>("POST", `/_sandbox/customers/${waId}/messages`, { to: PHONE_NUMBER_ID, type: "text", text: TURN_TEXT, profileName: "Cliente Faults" });
      out.push({ waId, id: res.id, at });
      await onProgress?.(out.length);
    }
  }));
  return out;
}

/** Conversations with an open window, ready for our sends. */
export async function openConversations(count: number): Promise<Omit<Outbound, "messageIds" | "sentAt">[]> {
  const { adminDb } = await import("../../src/lib/db");
  const admin = adminDb();
  const rows = Array.from({ length: count }, () => {
    const waId = nextWaId("5491177");
    return { waId, customerId: `c-${waId}`, conversationId: `conv-${waId}` };
  });
  await admin.customer.createMany({ data: rows.map((r) => ({ id: r.customerId, organizationId: ORG, phone: `+${r.waId}`, waId: r.waId, name: "Cliente" })) });
  await admin.whatsAppConversation.createMany({ data: rows.map((r) => ({ id: r.conversationId, organizationId: ORG, customerId: r.customerId, accountId: ACCOUNT, windowExpiresAt: new Date(Date.now() + 20 * 3600_000) })) });
  return rows.map(({ waId, conversationId }) => ({ waId, conversationId }));
}

/**
 * `perConversation` sends to each conversation, one after another (order is defined by creation), all conversations
 * in parallel. A send that fails (Redis or Postgres away) is retried with the same idempotency key, as a client of the
 * send API would.
 */
export async function sendOutbound(conversations: Omit<Outbound, "messageIds" | "sentAt">[], perConversation: number, onProgress?: (done: number) => Promise<void> | void): Promise<Outbound[]> {
  const { sendMessage } = await import("../../src/modules/messaging/send-message");
  let done = 0;
  return Promise.all(conversations.map(async (c) => {
    const result: Outbound = { ...c, messageIds: [], sentAt: [] };
    for (let i = 0; i < perConversation; i++) {
      const at = Date.now();
      for (let attempt = 0; ; attempt++) {
        try {
          const message = await sendMessage({ organizationId: ORG, conversationId: c.conversationId, content: { type: "text", body: `${c.conversationId} #${i}` }, idempotencyKey: `${c.conversationId}-${i}` });
          result.messageIds.push(message.id);
          result.sentAt.push(at);
          break;
        } catch (error) {
          if (attempt >= 60) throw error;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      await onProgress?.(++done);
    }
    return result;
  }));
}

export async function resolvePanics(): Promise<number> {
  const { adminDb } = await import("../../src/lib/db");
  const { resolvePanic } = await import("../../src/modules/messaging/panic-admin");
  const active = await adminDb().panicMode.findMany({ where: { organizationId: ORG, status: "ACTIVE" }, select: { id: true } });
  for (const p of active) await resolvePanic({ organizationId: ORG, panicId: p.id, resolvedBy: "faults-owner", resolution: "token renovado (suite de fallas)" });
  return active.length;
}
