import type { Stack } from "./stack";
import type { Inbound, Outbound } from "./traffic";

// Counts after a scenario, from the database and the sandbox's logs (what the provider really received).

type SentRequest = { receivedAt: string; body: { to?: string; biz_opaque_callback_data?: string }; response: { status: number } };

export type Audit = {
  inbound: number;
  stored: number;
  inboundLost: number;
  storedTwice: number;
  outbound: number;
  sent: number;
  neverSent: number;
  sentTwice: number;
  outOfOrder: number;
  turns: number;
  answered: number;
  unanswered: number;
  answeredTwice: number;
  /** Evidence the fault happened: webhook attempts our web refused or never answered (the sandbox redelivers them). */
  webhookFailures?: number;
  /** …and sends the provider rejected (429, 5xx, 190), which were retried or held. */
  providerErrors?: number;
  /** …and panic modes tripped (sends held until resolved). */
  panics?: number;
};

type WebhookAttempt = { at: string; status?: number };

export async function faultEvidence(stack: Stack, since: number): Promise<{ webhookFailures: number; providerErrors: number; panics: number }> {
  const { adminDb } = await import("../../src/lib/db");
  const attempts = await stack.control<WebhookAttempt[]>("GET", "/_sandbox/webhooks"); // every webhook here is Meta's
  const requests = await stack.control<SentRequest[]>("GET", "/_sandbox/requests?provider=meta&path=/messages");
  return {
    webhookFailures: attempts.filter((w) => new Date(w.at).getTime() >= since && !(w.status && w.status < 300)).length,
    providerErrors: requests.filter((r) => new Date(r.receivedAt).getTime() >= since && r.response.status !== 200).length,
    panics: await adminDb().panicMode.count({ where: { triggeredAt: { gte: new Date(since) } } }),
  };
}

export async function accepted(stack: Stack): Promise<SentRequest[]> {
  const all = await stack.control<SentRequest[]>("GET", "/_sandbox/requests?provider=meta&path=/messages");
  return all.filter((r) => r.response.status === 200);
}

export async function audit(stack: Stack, inbound: Inbound[], outbound: Outbound[]): Promise<Audit> {
  const { adminDb } = await import("../../src/lib/db");
  const ids = inbound.map((m) => m.id);
  const rows = ids.length ? await adminDb().whatsAppMessage.findMany({ where: { waMessageId: { in: ids } }, select: { waMessageId: true } }) : [];
  const storedIds = new Set(rows.map((r) => r.waMessageId));

  const sends = await accepted(stack);
  const perMessage = new Map<string, number>();
  const perRecipient = new Map<string, number>();
  const orderOf = new Map<string, string[]>();
  for (const r of sends) {
    const id = r.body.biz_opaque_callback_data ?? "";
    perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
    const to = r.body.to ?? "";
    perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    orderOf.set(to, [...(orderOf.get(to) ?? []), id]);
  }
  const messageIds = outbound.flatMap((c) => c.messageIds);
  // Order: the ids the provider accepted for a conversation, first acceptance of each, must follow creation order.
  let outOfOrder = 0;
  for (const c of outbound) {
    const seen = [...new Set((orderOf.get(c.waId) ?? []).filter((id) => c.messageIds.includes(id)))];
    const expected = c.messageIds.filter((id) => seen.includes(id));
    outOfOrder += seen.filter((id, i) => id !== expected[i]).length;
  }
  const answers = inbound.map((m) => perRecipient.get(m.waId) ?? 0);
  return {
    inbound: ids.length,
    stored: storedIds.size,
    inboundLost: ids.filter((id) => !storedIds.has(id)).length,
    storedTwice: rows.length - storedIds.size,
    outbound: messageIds.length,
    sent: messageIds.filter((id) => perMessage.has(id)).length,
    neverSent: messageIds.filter((id) => !perMessage.has(id)).length,
    sentTwice: messageIds.reduce((n, id) => n + Math.max(0, (perMessage.get(id) ?? 0) - 1), 0),
    outOfOrder,
    turns: inbound.length,
    answered: answers.filter((n) => n >= 1).length,
    unanswered: answers.filter((n) => n === 0).length,
    answeredTwice: answers.reduce((n, a) => n + Math.max(0, a - 1), 0),
  };
}

export const clean = (a: Audit) => a.inboundLost + a.storedTwice + a.neverSent + a.sentTwice + a.outOfOrder + a.unanswered + a.answeredTwice === 0;

/** Done when everything is stored, sent and answered (or the time is up: the audit then reports what is missing). */
export async function settled(stack: Stack, inbound: Inbound[], outbound: Outbound[], timeoutMs: number): Promise<Audit> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const a = await audit(stack, inbound, outbound).catch(() => null); // Postgres may still be coming back
    if (a && (a.inboundLost === 0 && a.neverSent === 0 && a.unanswered === 0) || Date.now() > deadline) {
      // A short grace so a late duplicate has a chance to show up.
      await new Promise((r) => setTimeout(r, 1500));
      return audit(stack, inbound, outbound);
    }
    if (a && process.argv.includes("--verbose")) console.log(`  waiting: lost ${a.inboundLost}, never sent ${a.neverSent}, unanswered ${a.unanswered}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
