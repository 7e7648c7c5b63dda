import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { UserRole } from "@campotech/database";
import { resetDatabase } from "@campotech/database/testing";
import { decryptJson, encryptJson, encryptSecret } from "@campotech/core/lib/crypto";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { buenosAiresPeriods } from "@campotech/core/modules/overview";
import { call, json } from "./api-test-kit";
import { sendConversationMessageEndpoint } from "./endpoints/conversations";
import { getOverviewEndpoint } from "./endpoints/overview";
import { createTemplateEndpoint, getTemplateEndpoint, listTemplatesEndpoint, syncTemplatesEndpoint } from "./endpoints/templates";
import { getWhatsAppUsageEndpoint, listWhatsAppAccountsEndpoint, updateWhatsAppCredentialsEndpoint, verifyWhatsAppAccountEndpoint } from "./endpoints/whatsapp-accounts";

// The dashboard's read models and settings through HTTP on a real database (and the provider sandbox).
const ORG = "db-org";
const redis = new Redis(env.REDIS_URL);
const users: Record<string, UserRole> = { "db-owner": "OWNER", "db-admin": "ADMIN", "db-dispatcher": "DISPATCHER", "db-tech": "TECHNICIAN", "db-viewer": "VIEWER" };
const as = (id: string) => ({ authorization: `Bearer ${issueAccessToken({ id, organizationId: ORG, role: users[id]! }).token}` });
// Each test registers its own Meta number (own WABA and token) in the suite-wide provider sandbox, so templates
// created in one test never show in another, nor in other files running at the same time.
const SANDBOX = new URL(env.META_GRAPH_API_URL).origin;
let meta: { phoneNumberId: string; wabaId: string; accessToken: string };
const later = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  const admin = adminDb();
  const registered = await fetch(`${SANDBOX}/_sandbox/numbers`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ provider: "META_DIRECT", displayPhoneNumber: "541152639999", verifiedName: "Gas Norte" }) });
  expect(registered.status).toBe(201);
  meta = (await registered.json()) as typeof meta;
  await admin.organization.create({ data: { id: ORG, name: "Gas Norte", cuit: "30712345671", tier: "PROFESIONAL" } });
  for (const [i, [id, role]] of Object.entries(users).entries()) {
    await admin.user.create({ data: { id, organizationId: ORG, phone: `+549114100000${i}`, name: id === "db-tech" ? "Tomás Técnico" : id, role } });
  }
  await admin.whatsAppBusinessAccount.create({
    data: {
      id: "db-wa", organizationId: ORG, bspProvider: "META_DIRECT", phoneNumberId: meta.phoneNumberId, wabaId: meta.wabaId, displayPhoneNumber: "541152639999",
      businessName: "Gas Norte", credentialsEncrypted: encryptJson({ accessToken: meta.accessToken }), credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE",
    },
  });
  for (const [i, name] of ["Ana", "Beto", "Carla"].entries()) {
    await admin.customer.create({ data: { id: `db-cust-${i}`, organizationId: ORG, phone: `+54911555500${i}0`, name } });
  }
});
afterAll(async () => {
  await redis.quit();
});

type OverviewBody = {
  date: string;
  jobsToday: { total: number; byStatus: Record<string, number>; items: { number: number; status: string; urgency: string; technician: { name: string } | null; customer: { name: string }; scheduledStart: string }[] };
  conversations: { open: number; unread: number };
  emergencies: { count: number; jobs: { number: number }[]; detectedByAssistantToday: number };
  messagesThisMonth: { sent: number; delivered: number; read: number; failed: number };
  firstResponseThisMonth: { medianSeconds: number | null; conversations: number };
};

describe("overview", () => {
  it("is empty and answers null for the response time when there is no data", async () => {
    const body = await json<OverviewBody>(await call(getOverviewEndpoint, { headers: as("db-viewer") }), 200);
    expect(body).toMatchObject({
      jobsToday: { total: 0, byStatus: { pending: 0, scheduled: 0, en_camino: 0, working: 0, completed: 0, cancelled: 0 }, items: [] },
      conversations: { open: 0, unread: 0 },
      emergencies: { count: 0, jobs: [], detectedByAssistantToday: 0 },
      messagesThisMonth: { sent: 0, delivered: 0, read: 0, failed: 0 },
      firstResponseThisMonth: { medianSeconds: null, conversations: 0 },
    });
    await json(await call(getOverviewEndpoint, { headers: as("db-tech") }), 403);
  });

  it("counts today's Buenos Aires agenda, the inbox, emergencies, this month's messages and the median first reply", async () => {
    const admin = adminDb();
    const { date, dayStart, dayEnd, monthStart } = buenosAiresPeriods(new Date());
    let number = 0;
    const job = (data: { start?: Date; status?: "pending" | "scheduled" | "en_camino" | "working" | "completed" | "cancelled"; urgency?: "EMERGENCY" | "HIGH" | "NORMAL"; customer?: number; tech?: boolean }) =>
      admin.job.create({
        data: {
          organizationId: ORG, number: ++number, customerId: `db-cust-${data.customer ?? 0}`, address: "Corrientes 1234", serviceType: "GAS", description: "Calefón",
          status: data.status ?? "scheduled", urgency: data.urgency ?? "NORMAL", technicianId: data.tech === false ? null : "db-tech",
          ...(data.start ? { scheduledStart: data.start, scheduledEnd: later(data.start, 3600) } : {}),
        },
      });
    // Today from 00:00 to 23:59 in Buenos Aires; one minute either side belongs to yesterday and tomorrow.
    await job({ start: dayStart, status: "completed" });
    await job({ start: later(dayStart, 10 * 3600), status: "scheduled", customer: 1 });
    await job({ start: later(dayEnd, -60), status: "en_camino", urgency: "EMERGENCY", customer: 2 });
    await job({ start: later(dayStart, -60) });
    await job({ start: dayEnd });
    // Open emergencies of any day; finished ones are no longer open.
    await job({ status: "pending", urgency: "EMERGENCY", tech: false });
    await job({ start: later(dayStart, -86_400), status: "completed", urgency: "EMERGENCY" });

    // Conversations: two open (one unread), one closed.
    const conversation = (i: number, status: "OPEN" | "CLOSED", unreadCount: number) =>
      admin.whatsAppConversation.create({ data: { id: `db-conv-${i}`, organizationId: ORG, customerId: `db-cust-${i}`, accountId: "db-wa", status, unreadCount } });
    await conversation(0, "OPEN", 2);
    await conversation(1, "OPEN", 0);
    await conversation(2, "CLOSED", 0);
    let seq = 0;
    const message = (conv: number, direction: "INBOUND" | "OUTBOUND", at: Date, status: "RECEIVED" | "QUEUED" | "SENT" | "DELIVERED" | "READ" | "FAILED") =>
      admin.whatsAppMessage.create({
        data: { organizationId: ORG, conversationId: `db-conv-${conv}`, accountId: "db-wa", waMessageId: `wamid.db-${++seq}`, direction, type: "TEXT", content: { text: { body: "hola" } }, status, createdAt: at },
      });
    const t0 = later(monthStart, 3600);
    // Conversation 0: last month's exchange is ignored; this month the first inbound waits 60 s (the second inbound
    // and the later replies don't change it).
    await message(0, "INBOUND", later(monthStart, -7200), "RECEIVED");
    await message(0, "OUTBOUND", later(monthStart, -7000), "READ");
    await message(0, "INBOUND", t0, "RECEIVED");
    await message(0, "INBOUND", later(t0, 30), "RECEIVED");
    await message(0, "OUTBOUND", later(t0, 60), "READ");
    await message(0, "OUTBOUND", later(t0, 90), "DELIVERED");
    // Conversation 1: a failed send is no answer; the reply after it comes 300 s after the question.
    await message(1, "INBOUND", t0, "RECEIVED");
    await message(1, "OUTBOUND", later(t0, 10), "FAILED");
    await message(1, "OUTBOUND", later(t0, 300), "SENT");
    // Conversation 2: the reply took 1000 s. A queued message is not sent yet.
    await message(2, "INBOUND", t0, "RECEIVED");
    await message(2, "OUTBOUND", later(t0, 1000), "DELIVERED");
    await message(2, "OUTBOUND", later(t0, 2000), "QUEUED");

    // The assistant recognised one emergency today and one yesterday; a normal turn today.
    const run = (id: string, at: Date, emergencyKind: string | null) =>
      admin.assistantRun.create({ data: { id, organizationId: ORG, conversationId: "db-conv-0", turnId: `turn-${id}`, engine: "OFFLINE", intent: emergencyKind ? "emergency" : "greeting", emergencyKind, outcome: "replied", latencyMs: 5, createdAt: at } });
    await run("r1", later(dayStart, 60), "gas");
    await run("r2", later(dayStart, -60), "gas");
    await run("r3", later(dayStart, 120), null);

    // Another organization's rows never show.
    await admin.organization.create({ data: { id: "db-other", name: "Otra", cuit: "20267565393" } });
    await admin.customer.create({ data: { id: "db-other-cust", organizationId: "db-other", phone: "+5491166660000", name: "Otro" } });
    await admin.job.create({ data: { organizationId: "db-other", number: 1, customerId: "db-other-cust", address: "x", serviceType: "GAS", description: "x", urgency: "EMERGENCY", scheduledStart: later(dayStart, 3600) } });

    await admin.whatsAppBusinessAccount.update({ where: { id: "db-wa" }, data: { monthlyMessageCount: 6, usagePeriodStart: monthStart } });
    const body = await json<OverviewBody>(await call(getOverviewEndpoint, { headers: as("db-dispatcher") }), 200);
    expect(body.date).toBe(date);
    expect(body.jobsToday.total).toBe(3);
    expect(body.jobsToday.byStatus).toEqual({ pending: 0, scheduled: 1, en_camino: 1, working: 0, completed: 1, cancelled: 0 });
    expect(body.jobsToday.items.map((j) => [j.number, j.status, j.urgency, j.technician?.name, j.customer.name])).toEqual([
      [1, "completed", "NORMAL", "Tomás Técnico", "Ana"],
      [2, "scheduled", "NORMAL", "Tomás Técnico", "Beto"],
      [3, "en_camino", "EMERGENCY", "Tomás Técnico", "Carla"],
    ]);
    expect(body.jobsToday.items[0]!.scheduledStart).toBe(dayStart.toISOString());
    expect(body.conversations).toEqual({ open: 2, unread: 1 });
    expect(body.emergencies).toMatchObject({ count: 2, detectedByAssistantToday: 1 });
    expect(body.emergencies.jobs.map((j) => j.number).sort()).toEqual([3, 6]);
    // This month's outbound: READ, DELIVERED, FAILED, SENT, DELIVERED, QUEUED. "Sent" is what the plan counted when
    // each was accepted (countMessagesThisMonth, the usage meter's number), here the counter the test set to 6.
    expect(body.messagesThisMonth).toEqual({ sent: 6, delivered: 3, read: 1, failed: 1 });
    expect(body.firstResponseThisMonth).toEqual({ medianSeconds: 300, conversations: 3 });
  });
});

type TemplateBody = { id: string; name: string; language: string; category: string; status: string; body: string; placeholders: number; providerTemplateId: string | null; rejectionReason: string | null };
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

describe("templates", () => {
  it("syncs from the provider now, lists with body previews and reads one; only template managers sync", async () => {
    expect(await json<{ items: unknown[] }>(await call(listTemplatesEndpoint, { headers: as("db-viewer") }), 200)).toEqual({ items: [] });
    await json(await call(syncTemplatesEndpoint, { headers: as("db-dispatcher") }), 403);

    const synced = await json<{ accountId: string; created: number; updated: number; total: number }>(await call(syncTemplatesEndpoint, { headers: as("db-admin") }), 200);
    expect(synced).toMatchObject({ accountId: "db-wa", updated: 0 });
    expect(synced.created).toBeGreaterThanOrEqual(6);
    expect(synced.total).toBe(synced.created);
    expect(await json(await call(syncTemplatesEndpoint, { headers: as("db-owner"), body: { accountId: "db-wa" } }), 200)).toMatchObject({ created: 0, updated: synced.created });
    await json(await call(syncTemplatesEndpoint, { headers: as("db-owner"), body: { accountId: "otro" } }), 404);

    const list = await json<{ items: TemplateBody[] }>(await call(listTemplatesEndpoint, { headers: as("db-dispatcher") }), 200);
    expect(list.items).toHaveLength(synced.total);
    const scheduled = list.items.find((t) => t.name === "job_scheduled")!;
    expect(scheduled).toMatchObject({
      language: "es_AR", category: "UTILITY", status: "APPROVED", placeholders: 4, rejectionReason: null,
      body: "Hola {{1}}, tu turno quedó agendado para el {{2}} a las {{3}}. Técnico: {{4}}.",
    });
    const filtered = await json<{ items: TemplateBody[] }>(await call(listTemplatesEndpoint, { headers: as("db-viewer"), query: { category: "AUTHENTICATION" } }), 200);
    expect(filtered.items.map((t) => t.category)).toEqual(filtered.items.map(() => "AUTHENTICATION"));
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(await json(await call(getTemplateEndpoint, { headers: as("db-viewer"), params: { id: scheduled.id } }), 200)).toEqual(scheduled);
    await json(await call(getTemplateEndpoint, { headers: as("db-viewer"), params: { id: "no-existe" } }), 404);
    await json(await call(listTemplatesEndpoint, { headers: as("db-tech") }), 403);

    // A rejection recorded by the status webhook shows with its reason.
    await adminDb().waTemplate.update({ where: { id: scheduled.id }, data: { status: "REJECTED", rejectionReason: "INVALID_FORMAT" } });
    expect(await json(await call(getTemplateEndpoint, { headers: as("db-viewer"), params: { id: scheduled.id } }), 200)).toMatchObject({ status: "REJECTED", rejectionReason: "INVALID_FORMAT" });
  });

  it("validates a new template in Spanish, submits it to the provider as PENDING and audits it", async () => {
    const create = (body: unknown, who = "db-admin") => call(createTemplateEndpoint, { headers: as(who), body });
    const valid = { name: "recordatorio_visita", category: "UTILITY", body: "Hola {{1}}, mañana te visitamos a las {{2}}.", examples: ["Ana", "10:00"] };
    const fields = async (body: unknown) => (await json<ErrorBody>(await create(body), 400)).error.fields;

    expect(await fields({ ...valid, name: "Recordatorio Visita" })).toEqual({ name: "Usá solo minúsculas, números y guiones bajos (por ejemplo: recordatorio_visita)." });
    expect(await fields({ ...valid, category: "PROMO" })).toEqual({ category: "La categoría tiene que ser UTILITY, MARKETING o AUTHENTICATION." });
    expect(await fields({ ...valid, language: "español" })).toEqual({ language: "El idioma no es válido (por ejemplo: es_AR, es, en_US)." });
    expect(await fields({ ...valid, body: "   ", examples: [] })).toEqual({ body: "Escribí el texto del mensaje." });
    expect(await fields({ ...valid, body: "Hola {{1}}, te visitamos a las {{3}}.", examples: ["Ana", "10:00", "x"] })).toEqual({ body: "Las variables van numeradas desde {{1}} sin saltear: falta {{2}}." });
    expect(await fields({ ...valid, examples: ["Ana"] })).toEqual({ examples: "Hace falta un ejemplo por cada variable: 2 (se enviaron 1)." });
    expect(await fields({ ...valid, body: "{{1}}, mañana te visitamos." , examples: ["Ana"] })).toEqual({ body: "El texto no puede empezar ni terminar con una variable." });
    await json(await create(valid, "db-dispatcher"), 403);

    const created = await json<TemplateBody>(await create(valid), 201);
    expect(created).toMatchObject({ name: "recordatorio_visita", language: "es_AR", category: "UTILITY", status: "PENDING", placeholders: 2, body: valid.body });
    expect(created.providerTemplateId).toEqual(expect.any(String));
    // The provider now knows it: a sync finds it instead of creating it again.
    const synced = await json<{ created: number; total: number }>(await call(syncTemplatesEndpoint, { headers: as("db-owner") }), 200);
    expect(synced.total).toBe(synced.created + 1);

    const duplicate = await json<ErrorBody>(await create(valid), 409);
    expect(duplicate.error.message).toBe("Ya existe una plantilla con ese nombre e idioma.");
    const audit = await adminDb().auditLog.findMany({ where: { organizationId: ORG, action: { startsWith: "template." } }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.entityId])).toEqual([
      ["template.submitted", "db-admin", created.id],
      ["template.synced", "db-owner", "db-wa"],
    ]);
  });

  it("sends an approved template to a conversation whose 24-hour window is closed (POST /conversations/{id}/messages)", async () => {
    await adminDb().whatsAppConversation.create({ data: { id: "db-conv-t", organizationId: ORG, customerId: "db-cust-0", accountId: "db-wa", windowExpiresAt: new Date(Date.now() - 3600_000) } });
    await json(await call(syncTemplatesEndpoint, { headers: as("db-owner") }), 200);
    const send = (content: unknown) => call(sendConversationMessageEndpoint, { headers: as("db-dispatcher"), params: { id: "db-conv-t" }, body: { content } });

    expect((await json<ErrorBody>(await send({ type: "text", body: "Hola" }), 422)).error.code).toBe("TEMPLATE_REQUIRED");
    const parameters = ["Ana", "lunes 7", "10:00", "Tomás"].map((text) => ({ type: "text", text }));
    const sent = await json<{ type: string; status: string; direction: string; content: { name: string; preview: string } }>(
      await send({ type: "template", name: "job_scheduled", language: "es_AR", components: [{ type: "body", parameters }] }), 202);
    expect(sent).toMatchObject({ type: "TEMPLATE", direction: "OUTBOUND", status: "QUEUED", content: { name: "job_scheduled", preview: "Hola Ana, tu turno quedó agendado para el lunes 7 a las 10:00. Técnico: Tomás." } });

    // Not approved yet (just submitted) → refused before anything is queued.
    await json(await call(createTemplateEndpoint, { headers: as("db-owner"), body: { name: "aviso_nuevo", category: "UTILITY", body: "Hola {{1}}, novedades.", examples: ["Ana"] } }), 201);
    const refused = await json<ErrorBody>(await send({ type: "template", name: "aviso_nuevo", components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }] }), 422);
    expect(refused.error.code).toBe("TEMPLATE_NOT_APPROVED");
  });
});

type AccountBody = {
  id: string; provider: string; phoneNumberId: string | null; displayPhoneNumber: string; businessName: string | null; provisioningStatus: string; lastHealthCheckAt: string | null;
  credentials: Record<string, string>; webhook: { url: string; statusCallbackUrl: string | null; secretHeader: { name: string; value: string | null } | null };
};

describe("WhatsApp connection settings", () => {
  const D360_KEY = "d360-live-key-ABCD9876";
  const TWILIO_TOKEN = "twilio-auth-token-zz55";
  const WEBHOOK_SECRET = "d360-webhook-secret-0000-QW12";

  it("lists each number with masked credentials and the webhook URL to paste in the provider's console", async () => {
    const admin = adminDb();
    await admin.whatsAppBusinessAccount.create({
      data: {
        id: "db-d360", organizationId: ORG, bspProvider: "DIALOG_360", phoneNumberId: "db-d360-pn", displayPhoneNumber: "541152631111", credentialsEncrypted: encryptJson({ apiKey: D360_KEY }),
        credentialsKeyId: "local-2026", webhookSecretEncrypted: encryptSecret(WEBHOOK_SECRET), provisioningStatus: "ACTIVE", createdAt: new Date(Date.now() + 1000),
      },
    });
    await admin.whatsAppBusinessAccount.create({
      data: {
        id: "db-twilio", organizationId: ORG, bspProvider: "TWILIO", phoneNumberId: "+5491152632222", displayPhoneNumber: "5491152632222", provisioningStatus: "SUSPENDED", suspensionReason: "pago pendiente",
        credentialsEncrypted: encryptJson({ accountSid: "AC0123456789abcdef", authToken: TWILIO_TOKEN, contentSids: { job_scheduled: "HX123" } }), credentialsKeyId: "local-2026", createdAt: new Date(Date.now() + 2000),
      },
    });
    await admin.whatsAppBusinessAccount.create({
      data: { id: "db-released", organizationId: ORG, bspProvider: "META_DIRECT", displayPhoneNumber: "541152633333", credentialsEncrypted: encryptJson({ accessToken: "x".repeat(20) }), credentialsKeyId: "local-2026", provisioningStatus: "RELEASED" },
    });

    const response = await call(listWhatsAppAccountsEndpoint, { headers: as("db-viewer") });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    for (const secret of [meta.accessToken, D360_KEY, TWILIO_TOKEN, WEBHOOK_SECRET]) expect(text).not.toContain(secret);
    const { items } = JSON.parse(text) as { items: AccountBody[] };
    const base = env.PUBLIC_BASE_URL;
    expect(items.map((a) => a.id)).toEqual(["db-wa", "db-d360", "db-twilio"]);
    expect(items[0]).toMatchObject({
      provider: "META_DIRECT", phoneNumberId: meta.phoneNumberId, displayPhoneNumber: "541152639999", businessName: "Gas Norte", provisioningStatus: "ACTIVE",
      credentials: { accessToken: `••••${meta.accessToken.slice(-4)}` }, webhook: { url: `${base}/api/webhooks/whatsapp`, statusCallbackUrl: null, secretHeader: null },
    });
    expect(items[1]).toMatchObject({
      provider: "DIALOG_360", credentials: { apiKey: "••••9876" },
      webhook: { url: `${base}/api/webhooks/dialog360?orgId=${ORG}`, statusCallbackUrl: null, secretHeader: { name: "x-campotech-webhook-secret", value: "••••QW12" } },
    });
    expect(items[2]).toMatchObject({
      provider: "TWILIO", provisioningStatus: "SUSPENDED", credentials: { accountSid: "••••cdef", authToken: "••••zz55" },
      webhook: { url: `${base}/api/webhooks/twilio`, statusCallbackUrl: `${base}/api/webhooks/twilio/status`, secretHeader: null },
    });
    await json(await call(listWhatsAppAccountsEndpoint, { headers: as("db-tech") }), 403);
  });

  it("replaces credentials encrypted at rest, audited without the secret, and verifies them against the provider", async () => {
    const put = (id: string, body: unknown, who = "db-admin") => call(updateWhatsAppCredentialsEndpoint, { headers: as(who), params: { id }, body });
    const verify = (id: string, who = "db-owner") => call(verifyWhatsAppAccountEndpoint, { headers: as(who), params: { id } });

    await json(await put("db-wa", { credentials: { accessToken: "token-incorrecto-0000" } }, "db-dispatcher"), 403);
    expect((await json<ErrorBody>(await put("db-wa", { credentials: { accessToken: "corto" } }), 400)).error).toMatchObject({
      message: "Las credenciales del proveedor no son válidas.", fields: { accessToken: "El token de acceso de Meta es demasiado corto (mínimo 10 caracteres); copiá el token completo del usuario del sistema en Meta Business." },
    });
    expect((await json<ErrorBody>(await put("db-wa", { credentials: { accessToken: "token-incorrecto-0000" }, webhookSecret: "s".repeat(20) }), 400)).error.fields).toEqual({
      webhookSecret: "Solo los números de 360dialog usan un secreto de webhook.",
    });
    await json(await put("no-existe", { credentials: { accessToken: "token-incorrecto-0000" } }), 404);
    await json(await verify("no-existe"), 404);

    // A token the provider doesn't know: saved (sealed), then the probe says so in Spanish.
    const wrong = await put("db-wa", { credentials: { accessToken: "token-incorrecto-0000" } });
    const wrongText = await wrong.text();
    expect(wrong.status, wrongText).toBe(200);
    expect(wrongText).not.toContain("token-incorrecto-0000");
    expect(JSON.parse(wrongText)).toMatchObject({ credentials: { accessToken: "••••0000" }, lastHealthCheckAt: null });
    const row = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: "db-wa" } });
    expect(row.credentialsEncrypted).not.toContain("token-incorrecto");
    expect(decryptJson(row.credentialsEncrypted)).toEqual({ accessToken: "token-incorrecto-0000" });
    const failed = await json<{ ok: boolean; detail: string; checkedAt: string }>(await verify("db-wa"), 200);
    expect(failed).toMatchObject({ ok: false, detail: "Meta rechazó las credenciales: revisá el token o la clave y guardalas de nuevo." });

    await json(await put("db-wa", { credentials: { accessToken: meta.accessToken } }), 200);
    const passed = await json<{ ok: boolean; detail: string; checkedAt: string }>(await verify("db-wa", "db-admin"), 200);
    expect(passed.ok).toBe(true);
    expect(passed.detail).toMatch(/^Conexión verificada: Meta responde y el número está listo para enviar\./);
    const [account] = (await json<{ items: AccountBody[] }>(await call(listWhatsAppAccountsEndpoint, { headers: as("db-viewer") }), 200)).items;
    expect(account!.lastHealthCheckAt).toBe(passed.checkedAt);

    const audit = await adminDb().auditLog.findMany({ where: { organizationId: ORG, action: "whatsapp.credentials_updated" }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => [a.actorId, a.metadata])).toEqual([
      ["db-admin", { provider: "META_DIRECT", fields: ["accessToken"], webhookSecretChanged: false }],
      ["db-admin", { provider: "META_DIRECT", fields: ["accessToken"], webhookSecretChanged: false }],
    ]);
    expect(JSON.stringify(audit)).not.toContain("token-incorrecto");
  });

  it("keeps Twilio's ContentSids when only the SID and token are retyped, and sets a 360dialog webhook secret", async () => {
    const admin = adminDb();
    await admin.whatsAppBusinessAccount.create({
      data: {
        id: "db-twilio", organizationId: ORG, bspProvider: "TWILIO", phoneNumberId: "+5491152632222", displayPhoneNumber: "5491152632222", provisioningStatus: "ACTIVE",
        credentialsEncrypted: encryptJson({ accountSid: "AC0123456789abcdef", authToken: TWILIO_TOKEN, contentSids: { job_scheduled: "HX123" } }), credentialsKeyId: "local-2026",
      },
    });
    await admin.whatsAppBusinessAccount.create({
      data: { id: "db-d360", organizationId: ORG, bspProvider: "DIALOG_360", phoneNumberId: "db-d360-pn", displayPhoneNumber: "541152631111", credentialsEncrypted: encryptJson({ apiKey: D360_KEY }), credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE" },
    });
    await json(await call(updateWhatsAppCredentialsEndpoint, { headers: as("db-owner"), params: { id: "db-twilio" }, body: { credentials: { accountSid: "AC9999999999abcdef", authToken: "nuevo-token-1234" } } }), 200);
    expect(decryptJson((await admin.whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: "db-twilio" } })).credentialsEncrypted)).toEqual({
      accountSid: "AC9999999999abcdef", authToken: "nuevo-token-1234", contentSids: { job_scheduled: "HX123" },
    });
    const d360 = await json<AccountBody>(await call(updateWhatsAppCredentialsEndpoint, { headers: as("db-owner"), params: { id: "db-d360" }, body: { credentials: { apiKey: "otra-api-key-5555" }, webhookSecret: WEBHOOK_SECRET } }), 200);
    expect(d360).toMatchObject({ credentials: { apiKey: "••••5555" }, webhook: { secretHeader: { value: "••••QW12" } } });
  });

  it("reports this Buenos Aires month's messages and AI conversations against the plan", async () => {
    const admin = adminDb();
    const { monthStart } = buenosAiresPeriods(new Date());
    await admin.whatsAppBusinessAccount.update({ where: { id: "db-wa" }, data: { monthlyMessageCount: 250, usagePeriodStart: monthStart } });
    // A second number whose counter still belongs to last month (the monthly reset hasn't reached it): reads 0.
    await admin.whatsAppBusinessAccount.create({
      data: {
        id: "db-wa2", organizationId: ORG, bspProvider: "META_DIRECT", phoneNumberId: "db-wa2-pn", displayPhoneNumber: "541152634444", credentialsEncrypted: encryptJson({ accessToken: "y".repeat(20) }),
        credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE", monthlyMessageCount: 999, usagePeriodStart: later(monthStart, -86_400), createdAt: new Date(Date.now() + 1000),
      },
    });
    for (const i of [0, 1, 2]) await admin.whatsAppConversation.create({ data: { id: `db-conv-${i}`, organizationId: ORG, customerId: `db-cust-${i}`, accountId: "db-wa" } });
    const run = (id: string, conv: number, at: Date, counted = true) =>
      admin.assistantRun.create({ data: { id, organizationId: ORG, conversationId: `db-conv-${conv}`, turnId: `turn-${id}`, engine: "OFFLINE", intent: "greeting", outcome: "replied", latencyMs: 5, counted, createdAt: at } });
    await run("u1", 0, later(monthStart, 60));
    await run("u2", 0, later(monthStart, 120), false);
    await run("u3", 1, later(monthStart, 180));
    await run("u4", 2, later(monthStart, -60));

    const usage = await json(await call(getWhatsAppUsageEndpoint, { headers: as("db-viewer") }), 200);
    expect(usage).toEqual({
      tier: "PROFESIONAL",
      periodStart: monthStart.toISOString(),
      messages: {
        used: 250, limit: 1000, percent: 25,
        accounts: [
          { accountId: "db-wa", displayPhoneNumber: "541152639999", used: 250, limit: 1000 },
          { accountId: "db-wa2", displayPhoneNumber: "541152634444", used: 0, limit: 1000 },
        ],
      },
      aiConversations: { used: 2, limit: 500, percent: 0 },
    });
    await json(await call(getWhatsAppUsageEndpoint, { headers: as("db-tech") }), 403);
  });
});
