import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { UserRole } from "@campotech/database";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { startOfMonthInTimezone } from "@campotech/core/lib/time";
import { openAiConfigFromEnv } from "@campotech/core/integrations/openai";
import { assistantSettings, isWithinBusinessHours, runAssistantTurn } from "@campotech/core/modules/assistant";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { subscribeOrganizationEvents, type OrganizationEvent } from "@campotech/core/modules/events";
import { notificationSettings } from "@campotech/core/modules/notifications";
import { call, json } from "./api-test-kit";
import { getAssistantSettingsEndpoint, getConversationAssistantEndpoint, setAssistantSettingsEndpoint, setConversationAssistantEndpoint } from "./endpoints/assistant";
import { getLeadEndpoint, listLeadsEndpoint, updateLeadEndpoint } from "./endpoints/leads";
import { setOrganizationNotificationSettingsEndpoint } from "./endpoints/notification-settings";

// Leads, the assistant's settings and its per-conversation pause through HTTP on a real database.
const ORG = "as-org";
const OTHER = "as-other";
const redis = new Redis(env.REDIS_URL);
const users: Record<string, UserRole> = { "as-owner": "OWNER", "as-admin": "ADMIN", "as-disp": "DISPATCHER", "as-tech": "TECHNICIAN", "as-tech2": "TECHNICIAN", "as-viewer": "VIEWER" };
const as = (id: string) => ({ authorization: `Bearer ${issueAccessToken({ id, organizationId: ORG, role: users[id]! }).token}` });
const minutesFromNow = (minutes: number) => Date.now() + minutes * 60_000;

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Del Sur", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.organization.create({ data: { id: OTHER, name: "Otra", cuit: "20267565393", tier: "PROFESIONAL" } });
  for (const [i, [id, role]] of Object.entries(users).entries()) {
    await admin.user.create({ data: { id, organizationId: ORG, phone: `+549114000000${i}`, name: id, role } });
  }
  await admin.user.create({ data: { id: "as-gone", organizationId: ORG, phone: "+5491140000009", name: "Ex empleado", role: "DISPATCHER", isActive: false } });
  await admin.user.create({ data: { id: "as-other-owner", organizationId: OTHER, phone: "+5491149999999", name: "Otro dueño", role: "OWNER" } });
  await admin.customer.createMany({
    data: [
      { id: "as-ana", organizationId: ORG, phone: "+5491155550001", name: "Ana López" },
      // Known only by the WhatsApp profile name: the lead shows that.
      { id: "as-beto", organizationId: ORG, phone: "+5491155550002", name: "", profileName: "Beto 🔧" },
      { id: "as-ext", organizationId: OTHER, phone: "+5491155550003", name: "Cliente ajeno" },
    ],
  });
  await admin.whatsAppConversation.createMany({
    data: [
      { id: "as-conv-ana", organizationId: ORG, customerId: "as-ana", assignedToId: "as-tech", lastMessageAt: new Date() },
      { id: "as-conv-beto", organizationId: ORG, customerId: "as-beto", lastMessageAt: new Date() },
      { id: "as-conv-ext", organizationId: OTHER, customerId: "as-ext", lastMessageAt: new Date() },
    ],
  });
  await admin.job.create({ data: { id: "as-job", organizationId: ORG, number: 7, customerId: "as-ana", address: "Corrientes 1234", serviceType: "PLUMBING", description: "Pérdida" } });
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  await admin.lead.createMany({
    data: [
      { id: "as-lead-old", organizationId: ORG, customerId: "as-ana", conversationId: "as-conv-ana", status: "SCHEDULED", serviceType: "PLUMBING", summary: "Pérdida en la cocina", jobId: "as-job", createdAt: at(60) },
      { id: "as-lead-new", organizationId: ORG, customerId: "as-beto", conversationId: "as-conv-beto", status: "NEW", urgency: "EMERGENCY", serviceType: "GAS", summary: "Olor a gas", createdAt: at(5) },
      { id: "as-lead-mid", organizationId: ORG, customerId: "as-ana", status: "QUOTED", serviceType: "HVAC", priceListCode: "SPLIT-3000", quotedCents: 4_500_000, summary: "Instalar split", createdAt: at(30) },
      { id: "as-lead-ext", organizationId: OTHER, customerId: "as-ext", summary: "Ajeno" },
    ],
  });
});
afterAll(async () => {
  await redis.quit();
});

const auditRows = (action: string) => adminDb().auditLog.findMany({ where: { organizationId: ORG, action }, orderBy: { seq: "asc" } });

type Lead = { id: string; status: string; quotedCents: number | null; urgency: string; customer: { id: string; name: string; phone: string | null }; job: { id: string; number: number } | null };

describe("leads", () => {
  it("lists the organization's leads newest first with the customer to call and the job, filtered", async () => {
    const all = await json<{ items: Lead[]; nextCursor: string | null }>(await call(listLeadsEndpoint, { headers: as("as-viewer") }), 200);
    expect(all.items.map((l) => l.id)).toEqual(["as-lead-new", "as-lead-mid", "as-lead-old"]);
    expect(all.items[0]).toMatchObject({ status: "NEW", urgency: "EMERGENCY", customer: { id: "as-beto", name: "Beto 🔧", phone: "+5491155550002" }, job: null });
    expect(all.items[2]).toMatchObject({ customer: { name: "Ana López" }, job: { id: "as-job", number: 7 } });

    const page = await json<{ items: Lead[]; nextCursor: string }>(await call(listLeadsEndpoint, { headers: as("as-disp"), query: { limit: "2" } }), 200);
    expect(page.items.map((l) => l.id)).toEqual(["as-lead-new", "as-lead-mid"]);
    const rest = await json<{ items: Lead[]; nextCursor: string | null }>(await call(listLeadsEndpoint, { headers: as("as-disp"), query: { limit: "2", cursor: page.nextCursor } }), 200);
    expect(rest).toMatchObject({ items: [{ id: "as-lead-old" }], nextCursor: null });

    const byFilter = async (query: Record<string, string>) =>
      (await json<{ items: Lead[] }>(await call(listLeadsEndpoint, { headers: as("as-owner"), query }), 200)).items.map((l) => l.id);
    expect(await byFilter({ status: "QUOTED" })).toEqual(["as-lead-mid"]);
    expect(await byFilter({ urgency: "EMERGENCY" })).toEqual(["as-lead-new"]);
    expect(await byFilter({ customerId: "as-ana" })).toEqual(["as-lead-mid", "as-lead-old"]);
    expect(await byFilter({ customerId: "as-ext" })).toEqual([]);
    await json(await call(listLeadsEndpoint, { headers: as("as-owner"), query: { status: "GANADO" } }), 400);
    // Technicians follow jobs, not sales.
    await json(await call(listLeadsEndpoint, { headers: as("as-tech") }), 403);
  });

  it("opens one lead; another organization's answers 404", async () => {
    expect(await json<Lead>(await call(getLeadEndpoint, { headers: as("as-viewer"), params: { id: "as-lead-mid" } }), 200)).toMatchObject({ quotedCents: 4_500_000, status: "QUOTED" });
    const missing = await json<{ error: { message: string } }>(await call(getLeadEndpoint, { headers: as("as-owner"), params: { id: "as-lead-ext" } }), 404);
    expect(missing.error.message).toBe("No encontramos ese pedido.");
  });

  it("marks a lead won or lost with a note, audited, and tells open dashboards after the commit", async () => {
    const events: OrganizationEvent[] = [];
    const unsubscribe = await subscribeOrganizationEvents(ORG, (e) => events.push(e));
    try {
      const won = await json<Lead>(await call(updateLeadEndpoint, { headers: as("as-disp"), params: { id: "as-lead-mid" }, body: { status: "WON", quotedCents: 4_200_000, note: "Aceptó con descuento" } }), 200);
      expect(won).toMatchObject({ id: "as-lead-mid", status: "WON", quotedCents: 4_200_000 });
      // A person may move a lead backwards too (the assistant's upsert never does): they correct its guess.
      expect(await json<Lead>(await call(updateLeadEndpoint, { headers: as("as-owner"), params: { id: "as-lead-old" }, body: { status: "LOST" } }), 200)).toMatchObject({ status: "LOST" });
      // The same status again changes nothing: no audit row, no event.
      await json(await call(updateLeadEndpoint, { headers: as("as-owner"), params: { id: "as-lead-old" }, body: { status: "LOST" } }), 200);
      await expect.poll(() => events.filter((e) => e.type === "lead.updated").length).toBe(2);
    } finally {
      await unsubscribe();
    }
    expect(events.filter((e) => e.type === "lead.updated")).toEqual([
      expect.objectContaining({ leadId: "as-lead-mid", customerId: "as-ana", status: "WON" }),
      expect.objectContaining({ leadId: "as-lead-old", customerId: "as-ana", status: "LOST" }),
    ]);
    const rows = await auditRows("lead.updated");
    expect(rows.map((r) => [r.actorId, r.entityId, r.metadata])).toEqual([
      ["as-disp", "as-lead-mid", { fields: ["status", "quotedCents"], from: "QUOTED", to: "WON", note: "Aceptó con descuento" }],
      ["as-owner", "as-lead-old", { fields: ["status"], from: "SCHEDULED", to: "LOST" }],
    ]);

    const empty = await json<{ error: { fields: Record<string, string> } }>(await call(updateLeadEndpoint, { headers: as("as-disp"), params: { id: "as-lead-mid" }, body: {} }), 400);
    expect(Object.values(empty.error.fields)).toEqual(["Indicá el estado, el precio cotizado o una nota."]);
    await json(await call(updateLeadEndpoint, { headers: as("as-disp"), params: { id: "as-lead-mid" }, body: { quotedCents: -5 } }), 400);
    await json(await call(updateLeadEndpoint, { headers: as("as-disp"), params: { id: "as-lead-ext" }, body: { status: "WON" } }), 404);
    await json(await call(updateLeadEndpoint, { headers: as("as-viewer"), params: { id: "as-lead-mid" }, body: { status: "LOST" } }), 403);
    expect((await adminDb().lead.findUniqueOrThrow({ where: { id: "as-lead-ext" } })).status).toBe("NEW");
  });
});

type Settings = {
  autoResponseEnabled: boolean; mode: string; customInstructions: string; handoffMinutes: number; onCallUserIds: string[]; businessHours: Record<string, [string, string]>;
  engine: string; usage: { aiConversationsThisMonth: number; limit: number | null; since: string };
};

describe("assistant settings", () => {
  it("answers defaults, the engine and this Buenos Aires month's AI conversations", async () => {
    const monthStart = startOfMonthInTimezone(new Date());
    const run = (id: string, conversationId: string, counted: boolean, createdAt: Date, organizationId = ORG) => ({
      id, organizationId, conversationId, turnId: `${id}-turn`, engine: "OFFLINE" as const, intent: "price", outcome: "replied", counted, latencyMs: 10, createdAt,
    });
    await adminDb().assistantRun.createMany({
      data: [
        run("r1", "as-conv-ana", true, new Date(monthStart.getTime() + 60_000)),
        run("r2", "as-conv-ana", false, new Date(monthStart.getTime() + 120_000)),
        run("r3", "as-conv-beto", true, new Date()),
        // The last minute of the previous month and another organization's run don't count.
        run("r4", "as-conv-beto", true, new Date(monthStart.getTime() - 60_000)),
        run("r5", "as-conv-ext", true, new Date(), OTHER),
      ],
    });
    const view = await json<Settings>(await call(getAssistantSettingsEndpoint, { headers: as("as-viewer") }), 200);
    expect(view).toEqual({
      autoResponseEnabled: false, mode: "always", customInstructions: "", handoffMinutes: 120, onCallUserIds: [], businessHours: {},
      engine: openAiConfigFromEnv() ? "openai" : "offline",
      usage: { aiConversationsThisMonth: 2, limit: 500, since: monthStart.toISOString() },
      plan: { aiAutoResponses: true, customAiInstructions: true, autoJobCreation: true, voiceTranscription: true },
    });
    await json(await call(getAssistantSettingsEndpoint, { headers: as("as-tech") }), 403);
  });

  it("saves what an admin sends, keeps the rest of the settings document, and the assistant reads it back", async () => {
    await json(await call(setOrganizationNotificationSettingsEndpoint, { headers: as("as-owner"), body: { quietHours: { start: "22:00", end: "07:00" } } }), 200);
    const saved = await json<Settings>(await call(setAssistantSettingsEndpoint, {
      headers: as("as-admin"),
      body: {
        autoResponseEnabled: true, mode: "outside_business_hours", customInstructions: "  No hacemos trabajos en countries.  ", handoffMinutes: 45,
        onCallUserIds: ["as-tech", "as-disp", "as-tech"], businessHours: { monday: ["08:00", "18:00"], saturday: ["09:00", "13:00"] },
      },
    }), 200);
    expect(saved).toMatchObject({
      autoResponseEnabled: true, mode: "outside_business_hours", customInstructions: "No hacemos trabajos en countries.", handoffMinutes: 45,
      onCallUserIds: ["as-tech", "as-disp"], businessHours: { monday: ["08:00", "18:00"], saturday: ["09:00", "13:00"] },
    });
    // Omitted fields keep their value.
    expect(await json<Settings>(await call(setAssistantSettingsEndpoint, { headers: as("as-owner"), body: { handoffMinutes: 60 } }), 200))
      .toMatchObject({ handoffMinutes: 60, mode: "outside_business_hours", onCallUserIds: ["as-tech", "as-disp"] });

    const org = await adminDb().organization.findUniqueOrThrow({ where: { id: ORG } });
    expect(notificationSettings(org.settings).quietHours).toEqual({ start: "22:00", end: "07:00" });
    const read = assistantSettings(org.settings);
    expect(read).toMatchObject({ autoResponseEnabled: true, handoffMinutes: 60, customInstructions: "No hacemos trabajos en countries." });
    // Monday 7 June 2027, Buenos Aires: open at 10:00, closed at 19:00.
    expect(isWithinBusinessHours(read, new Date("2027-06-07T10:00:00-03:00"))).toBe(true);
    expect(isWithinBusinessHours(read, new Date("2027-06-07T19:00:00-03:00"))).toBe(false);

    const rows = await auditRows("assistant.settings_updated");
    expect(rows.map((r) => [r.actorId, r.metadata])).toEqual([
      ["as-admin", { fields: ["autoResponseEnabled", "mode", "customInstructions", "handoffMinutes", "onCallUserIds", "businessHours"] }],
      ["as-owner", { fields: ["handoffMinutes"] }],
    ]);
    // Saving the same values again records nothing.
    await json(await call(setAssistantSettingsEndpoint, { headers: as("as-owner"), body: { handoffMinutes: 60, businessHours: { saturday: ["09:00", "13:00"], monday: ["08:00", "18:00"] } } }), 200);
    expect(await auditRows("assistant.settings_updated")).toHaveLength(2);
  });

  it("refuses invalid settings in Spanish and leaves the saved ones alone", async () => {
    const refuse = async (body: unknown) => (await json<{ error: { message: string; fields: Record<string, string> } }>(await call(setAssistantSettingsEndpoint, { headers: as("as-owner"), body }), 400)).error;
    const onCall = "Las personas de guardia tienen que ser usuarios activos de la organización.";
    for (const ids of [["as-tech", "nadie"], ["as-gone"], ["as-other-owner"]]) {
      expect(await refuse({ onCallUserIds: ids })).toMatchObject({ message: onCall, fields: { onCallUserIds: onCall } });
    }
    expect(Object.values((await refuse({ businessHours: { monday: ["8:00", "18:00"] } })).fields)).toEqual(["Usá el formato HH:MM (24 h)."]);
    expect(Object.values((await refuse({ businessHours: { monday: ["18:00", "08:00"] } })).fields)).toEqual(["El horario tiene que terminar después de empezar."]);
    expect((await refuse({ customInstructions: "x".repeat(2001) })).fields).toEqual({ customInstructions: "Las instrucciones pueden tener hasta 2000 caracteres." });
    expect((await refuse({ handoffMinutes: 2 })).fields).toEqual({ handoffMinutes: "La pausa tiene que ser de al menos 5 minutos." });
    expect((await refuse({ mode: "outside_business_hours" })).fields).toEqual({ businessHours: "Para que el asistente responda fuera del horario de atención, cargá el horario." });
    await refuse({ autoResponseEnabled: true, tone: "formal" });
    await json(await call(setAssistantSettingsEndpoint, { headers: as("as-disp"), body: { autoResponseEnabled: true } }), 403);

    expect(await json<Settings>(await call(getAssistantSettingsEndpoint, { headers: as("as-owner") }), 200)).toMatchObject({ autoResponseEnabled: false, mode: "always", onCallUserIds: [] });
    expect(await auditRows("assistant.settings_updated")).toEqual([]);
  });
});

type ConversationAssistant = {
  enabled: boolean; pausedUntil: string | null;
  state: { awaiting: string | null; offeredSlots: { start: string; technicianId: string }[]; service: string | null; urgency: string | null; leadId: string | null };
  runs: { id: string; intent: string; tools: string[]; reply: string | null; emergencyKind: string | null; latencyMs: number }[];
};

describe("the assistant in one conversation", () => {
  it("shows what it is waiting for and its recent answers with the tools it used", async () => {
    const slot = new Date(Date.now() + 86_400_000);
    await adminDb().whatsAppConversation.update({
      where: { id: "as-conv-ana" },
      data: {
        assistantState: {
          awaiting: "slot_choice", offeredSlots: [{ start: slot.toISOString(), end: new Date(slot.getTime() + 3600_000).toISOString(), technicianId: "as-tech" }],
          service: { code: "DESTAP-CLOACA", name: "Destapación de cloaca", serviceType: "DRAINAGE" }, urgency: "HIGH", leadId: "as-lead-old", unclear: 0, updatedAt: new Date().toISOString(),
        },
      },
    });
    await adminDb().assistantRun.createMany({
      data: Array.from({ length: 22 }, (_, i) => ({
        id: `run-${String(i).padStart(2, "0")}`, organizationId: ORG, conversationId: "as-conv-ana", turnId: `turn-${i}`, engine: "OFFLINE" as const, intent: i === 21 ? "schedule" : "price",
        outcome: "replied", reply: `Respuesta ${i}`, latencyMs: 10 + i, createdAt: new Date(Date.now() - (22 - i) * 60_000),
        toolCalls: i === 21 ? [{ name: "get_price", input: {}, ms: 2 }, { name: "find_slots", input: {}, ms: 5 }] : [],
      })),
    });
    const view = await json<ConversationAssistant>(await call(getConversationAssistantEndpoint, { headers: as("as-viewer"), params: { id: "as-conv-ana" } }), 200);
    expect(view).toMatchObject({
      enabled: false, pausedUntil: null,
      state: { awaiting: "slot_choice", offeredSlots: [{ start: slot.toISOString(), technicianId: "as-tech" }], service: "Destapación de cloaca", urgency: "HIGH", leadId: "as-lead-old" },
    });
    expect(view.runs).toHaveLength(20);
    expect(view.runs[0]).toMatchObject({ id: "run-21", intent: "schedule", tools: ["get_price", "find_slots"], reply: "Respuesta 21", latencyMs: 31 });
    expect(view.runs.at(-1)!.id).toBe("run-02");

    // A 48-hour-old state is what the assistant forgot: it reads as empty.
    await adminDb().whatsAppConversation.update({ where: { id: "as-conv-ana" }, data: { assistantState: { awaiting: "slot_choice", updatedAt: new Date(Date.now() - 49 * 3600_000).toISOString() } } });
    expect((await json<ConversationAssistant>(await call(getConversationAssistantEndpoint, { headers: as("as-owner"), params: { id: "as-conv-ana" } }), 200)).state)
      .toMatchObject({ awaiting: null, offeredSlots: [], service: null });
  });

  it("a person takes over (the assistant stays quiet) and hands back; same visibility as the conversation", async () => {
    await json(await call(setAssistantSettingsEndpoint, { headers: as("as-owner"), body: { autoResponseEnabled: true, handoffMinutes: 90 } }), 200);
    const events: OrganizationEvent[] = [];
    const unsubscribe = await subscribeOrganizationEvents(ORG, (e) => events.push(e));
    try {
      const before = Date.now();
      const paused = await json<ConversationAssistant>(await call(setConversationAssistantEndpoint, { headers: as("as-tech"), params: { id: "as-conv-ana" }, body: { action: "pause", minutes: 30 } }), 200);
      expect(Date.parse(paused.pausedUntil!)).toBeGreaterThanOrEqual(before + 30 * 60_000);
      expect(Date.parse(paused.pausedUntil!)).toBeLessThanOrEqual(minutesFromNow(30));

      // The turn a customer sends now is left to the person.
      const turnId = await customerTurn("as-conv-ana", "Hola, ¿cuánto sale destapar la cloaca?");
      expect(await runAssistantTurn({ organizationId: ORG, conversationId: "as-conv-ana", turnId }, { openAi: null })).toEqual({ status: "skipped", reason: "paused" });

      // Without minutes: the organization's handoff time.
      const defaulted = await json<ConversationAssistant>(await call(setConversationAssistantEndpoint, { headers: as("as-disp"), params: { id: "as-conv-beto" }, body: { action: "pause" } }), 200);
      expect(Date.parse(defaulted.pausedUntil!)).toBeGreaterThan(minutesFromNow(89));

      const resumed = await json<ConversationAssistant>(await call(setConversationAssistantEndpoint, { headers: as("as-tech"), params: { id: "as-conv-ana" }, body: { action: "resume" } }), 200);
      expect(resumed).toMatchObject({ enabled: true, pausedUntil: null });
      expect((await adminDb().whatsAppConversation.findUniqueOrThrow({ where: { id: "as-conv-ana" } })).assistantPausedUntil).toBeNull();
      // Resuming again is a no-op.
      await json(await call(setConversationAssistantEndpoint, { headers: as("as-tech"), params: { id: "as-conv-ana" }, body: { action: "resume" } }), 200);
      await expect.poll(() => events.filter((e) => e.type === "assistant.handoff").length).toBe(3);
    } finally {
      await unsubscribe();
    }
    expect(events.filter((e) => e.type === "assistant.handoff")).toEqual([
      expect.objectContaining({ conversationId: "as-conv-ana", byUserId: "as-tech", pausedUntil: expect.any(String) }),
      expect.objectContaining({ conversationId: "as-conv-beto", byUserId: "as-disp" }),
      expect.objectContaining({ conversationId: "as-conv-ana", byUserId: "as-tech", pausedUntil: null }),
    ]);
    expect((await adminDb().auditLog.findMany({ where: { organizationId: ORG, entityType: "WhatsAppConversation" }, orderBy: { seq: "asc" } })).map((r) => [r.action, r.actorId, r.entityId]))
      .toEqual([["assistant.paused", "as-tech", "as-conv-ana"], ["assistant.paused", "as-disp", "as-conv-beto"], ["assistant.resumed", "as-tech", "as-conv-ana"]]);

    // A technician reaches only conversations assigned to them; a viewer reads but can't take over.
    await json(await call(getConversationAssistantEndpoint, { headers: as("as-tech2"), params: { id: "as-conv-ana" } }), 404);
    await json(await call(setConversationAssistantEndpoint, { headers: as("as-tech"), params: { id: "as-conv-beto" }, body: { action: "pause" } }), 404);
    await json(await call(getConversationAssistantEndpoint, { headers: as("as-viewer"), params: { id: "as-conv-beto" } }), 200);
    await json(await call(setConversationAssistantEndpoint, { headers: as("as-viewer"), params: { id: "as-conv-beto" }, body: { action: "resume" } }), 403);
    await json(await call(getConversationAssistantEndpoint, { headers: as("as-owner"), params: { id: "as-conv-ext" } }), 404);
    await json(await call(setConversationAssistantEndpoint, { headers: as("as-owner"), params: { id: "as-conv-ext" }, body: { action: "pause" } }), 404);
    await json(await call(setConversationAssistantEndpoint, { headers: as("as-owner"), params: { id: "as-conv-ana" }, body: { action: "pause", minutes: 1 } }), 400);
    await json(await call(setConversationAssistantEndpoint, { headers: as("as-owner"), params: { id: "as-conv-ana" }, body: { action: "snooze" } }), 400);
  });
});

// One inbound text turn, stored the way the inbound pipeline stores it.
async function customerTurn(conversationId: string, text: string): Promise<string> {
  const admin = adminDb();
  const id = `turn-${conversationId}-${Date.now()}`;
  const at = new Date();
  await admin.whatsAppMessage.create({
    data: { id: `${id}-m`, organizationId: ORG, conversationId, waMessageId: `wamid.${id}`, direction: "INBOUND", type: "TEXT", content: { body: text }, status: "RECEIVED", providerTimestamp: at, createdAt: at },
  });
  await admin.conversationTurn.create({ data: { id, organizationId: ORG, conversationId, triggerMessageId: `${id}-m`, messageCount: 1, firstMessageAt: at, lastMessageAt: at } });
  await admin.whatsAppMessage.update({ where: { id: `${id}-m` }, data: { turnId: id } });
  return id;
}
