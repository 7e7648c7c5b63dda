import type { BspProvider, Database, MessageStatus } from "@campotech/database";
import { flushWebhookAcks, recordWebhookAck } from "../observability/record-webhook-ack";

// A hand-countable November 2026 across four organizations, for the stats tests (module and CLI). Every number the
// report shows for November is counted by hand in platform-stats.int.test.ts next to this data.
// Buenos Aires is UTC-03:00 all year: ba("2026-11-10T10:05") is 2026-11-10T13:05Z.
export const ba = (local: string) => new Date(`${local}:00-03:00`);
export const SEEDED_NOW = ba("2026-12-01T12:00");

type Msg = { dir: "in" | "out"; at: string; status?: MessageStatus; by?: "assistant" | "person"; template?: string; pricing?: string; media?: { size: number; stored: boolean } };

export async function seedPlatformStatsMonth(db: Database): Promise<void> {
  let seq = 0;
  const org = async (id: string, name: string, bsp: BspProvider, assistantOn: boolean, templates: [string, "UTILITY" | "MARKETING" | "AUTHENTICATION"][]) => {
    await db.organization.create({ data: { id, name, cuit: `30-${70000000 + ++seq}-1`, settings: { assistant: { autoResponseEnabled: assistantOn } } } });
    await db.user.create({ data: { id: `${id}-ana`, organizationId: id, phone: `+5491160000${String(++seq).padStart(3, "0")}`, name: "Ana", role: "OWNER" } });
    await db.whatsAppBusinessAccount.create({ data: { id: `${id}-wa`, organizationId: id, bspProvider: bsp, displayPhoneNumber: `+54 11 5000-00${++seq}`, credentialsEncrypted: "x", credentialsKeyId: "k" } });
    for (const [template, category] of templates) {
      await db.waTemplate.create({ data: { organizationId: id, name: template, category, status: "APPROVED", components: [{ type: "BODY", text: "Hola" }] } });
    }
    return async (messages: Msg[]) => {
      const customerId = `${id}-cu-${++seq}`;
      await db.customer.create({ data: { id: customerId, organizationId: id, name: `Cliente ${seq}`, phone: `+5491170000${String(seq).padStart(3, "0")}` } });
      const conversationId = `${id}-conv-${seq}`;
      await db.whatsAppConversation.create({ data: { id: conversationId, organizationId: id, customerId, accountId: `${id}-wa` } });
      for (const m of messages) {
        const messageId = `${conversationId}-m-${++seq}`;
        await db.whatsAppMessage.create({
          data: {
            id: messageId, organizationId: id, conversationId, accountId: `${id}-wa`, createdAt: ba(m.at),
            direction: m.dir === "in" ? "INBOUND" : "OUTBOUND", status: m.status ?? (m.dir === "in" ? "RECEIVED" : "DELIVERED"),
            type: m.template ? "TEMPLATE" : m.media ? "IMAGE" : "TEXT",
            content: m.template ? { type: "template", name: m.template, language: "es_AR", components: [] } : { text: { body: "Hola" } },
            sentByUserId: m.by === "assistant" ? "assistant" : m.by === "person" ? `${id}-ana` : null,
            ...(m.media ? { mediaSize: m.media.size, mediaState: m.media.stored ? "STORED" : "FAILED", mediaMimeType: "image/jpeg" } : {}),
          },
        });
        if (m.pricing) {
          await db.whatsAppStatusEvent.create({
            data: { organizationId: id, messageId, status: "DELIVERED", providerStatus: "delivered", providerTimestamp: ba(m.at), details: { pricing: { billable: true, pricing_model: "PMP", category: m.pricing } } },
          });
        }
      }
      return conversationId;
    };
  };

  // Gas Norte — Meta, assistant on.
  const a = await org("st-a", "Gas Norte", "META_DIRECT", true, [["promo_verano", "UTILITY"], ["turno_confirmado", "UTILITY"]]);
  await a([{ dir: "in", at: "2026-10-31T23:59" }]); // the day before the period
  await a([
    { dir: "in", at: "2026-11-10T10:05" }, { dir: "out", at: "2026-11-10T10:06", by: "assistant", pricing: "service" },
    { dir: "in", at: "2026-11-10T10:20" }, { dir: "out", at: "2026-11-10T10:21", by: "assistant", status: "READ" },
  ]);
  await a([{ dir: "in", at: "2026-11-10T10:30" }, { dir: "out", at: "2026-11-10T10:31", by: "assistant" }, { dir: "out", at: "2026-11-10T10:45", by: "person" }]);
  await a([{ dir: "in", at: "2026-11-10T10:50", media: { size: 1000, stored: true } }]);
  await a([
    // Meta billed the "utility" promo as marketing (recategorized): the status's pricing wins.
    { dir: "out", at: "2026-11-15T09:00", template: "promo_verano", pricing: "marketing" },
    { dir: "out", at: "2026-11-16T09:00", template: "turno_confirmado", status: "READ" },
    { dir: "out", at: "2026-11-17T09:00", template: "turno_confirmado", status: "FAILED" },
  ]);
  await a([{ dir: "in", at: "2026-11-10T10:10", media: { size: 2048, stored: false } }, { dir: "out", at: "2026-11-10T10:11", by: "assistant", status: "SENT" }]);
  await a([{ dir: "in", at: "2026-11-12T08:00" }, { dir: "out", at: "2026-11-12T08:01", by: "assistant", status: "FAILED" }]);
  await a([{ dir: "in", at: "2026-12-01T00:30" }]); // the day after

  // Frío Sur — 360dialog, assistant answered but is switched off now.
  const b = await org("st-b", "Frío Sur", "DIALOG_360", false, [["codigo", "AUTHENTICATION"]]);
  await b([{ dir: "in", at: "2026-11-20T15:00" }, { dir: "out", at: "2026-11-20T15:01", by: "assistant" }]);
  await b([{ dir: "in", at: "2026-11-20T15:30" }, { dir: "out", at: "2026-11-20T15:40", by: "person", status: "FAILED" }, { dir: "out", at: "2026-11-20T15:41", by: "person" }]);
  await b([{ dir: "out", at: "2026-11-21T08:00", template: "codigo", pricing: "authentication_international" }]);
  const assigned = await b([{ dir: "in", at: "2026-11-22T11:00" }, { dir: "out", at: "2026-11-22T11:01", by: "assistant" }]);
  await db.auditLog.create({ data: { organizationId: "st-b", actorType: "USER", actorId: "st-b-ana", action: "conversation.assign", entityType: "WhatsAppConversation", entityId: assigned, createdAt: ba("2026-11-22T11:05") } });

  // Agua Oeste — Twilio, no assistant; a photo a technician uploaded.
  const c = await org("st-c", "Agua Oeste", "TWILIO", false, [["recordatorio", "UTILITY"]]);
  const withJob = await c([{ dir: "out", at: "2026-11-25T18:00", template: "recordatorio" }, { dir: "in", at: "2026-11-25T18:30" }, { dir: "out", at: "2026-11-25T18:35", by: "person", status: "READ" }]);
  await c([{ dir: "in", at: "2026-10-15T12:00", media: { size: 500, stored: true } }]);
  await db.job.create({
    data: {
      id: "st-c-job", organizationId: "st-c", number: 1, customerId: withJob.replace("-conv-", "-cu-"), address: "Av. Rivadavia 5000", serviceType: "PLUMBING", description: "Pérdida",
      attachments: { create: [{ organizationId: "st-c", kind: "PHOTO", storageKey: "st-c/job/1.jpg", mimeType: "image/jpeg", size: 5000 }] },
    },
  });

  // Sin Uso — only October.
  const d = await org("st-d", "Sin Uso", "META_DIRECT", true, []);
  await d([{ dir: "out", at: "2026-10-20T10:00", by: "assistant" }]);

  // Webhook acks: 17 × 20 ms and 2 × 900 ms (Meta), 1 × 3 ms (Twilio) in November; one 5 s ack in October.
  for (let i = 0; i < 17; i++) recordWebhookAck({ provider: "meta", result: "accepted", durationMs: 20, at: ba("2026-11-10T10:05") });
  for (let i = 0; i < 2; i++) recordWebhookAck({ provider: "meta", result: "accepted", durationMs: 900, at: ba("2026-11-20T15:00") });
  recordWebhookAck({ provider: "twilio", result: "accepted", durationMs: 3, at: ba("2026-11-25T18:30") });
  recordWebhookAck({ provider: "meta", result: "accepted", durationMs: 5_000, at: ba("2026-10-31T23:59") });
  await flushWebhookAcks(db);

  // Health probes, one a minute. web: from 2026-09-01 00:00 BA (before the 90 days) to the end of November, with
  // 60 minutes never probed (2026-10-05 09:00–10:00 BA) and 20 minutes down (2026-11-03 12:00–12:20 BA).
  const utc = (local: string) => ba(local).toISOString();
  await db.$executeRaw`
    INSERT INTO "HealthProbe" ("minute", "service", "ok", "latencyMs")
    SELECT t AT TIME ZONE 'UTC', 'web', NOT (t >= ${utc("2026-11-03T12:00")}::timestamptz AND t < ${utc("2026-11-03T12:20")}::timestamptz), 5
      FROM generate_series(${utc("2026-09-01T00:00")}::timestamptz, ${utc("2026-11-30T23:59")}::timestamptz, interval '1 minute') AS t
     WHERE NOT (t >= ${utc("2026-10-05T09:00")}::timestamptz AND t < ${utc("2026-10-05T10:00")}::timestamptz)`;
  // workers: watched only since the last day of November, always up.
  await db.$executeRaw`
    INSERT INTO "HealthProbe" ("minute", "service", "ok", "latencyMs")
    SELECT t AT TIME ZONE 'UTC', 'workers', true, 5
      FROM generate_series(${utc("2026-11-30T00:00")}::timestamptz, ${utc("2026-11-30T23:59")}::timestamptz, interval '1 minute') AS t`;
}
