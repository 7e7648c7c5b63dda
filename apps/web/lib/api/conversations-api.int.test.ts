import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "@campotech/database";
import { resetDatabase } from "@campotech/database/testing";
import { encryptJson } from "@campotech/core/lib/crypto";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { publishOrganizationEvents } from "@campotech/core/modules/events";
import { processWebhookDelivery } from "@campotech/core/modules/inbound";
import { logger } from "@campotech/core/lib/logger";
import { contact, metaDelivery, metaEnvelope, NUMBERS, ts } from "../../../../src/modules/inbound/inbound-test-kit";
import type { Endpoint } from "./define-endpoint";
import {
  assignConversationEndpoint,
  closeConversationEndpoint,
  listConversationMessagesEndpoint,
  listConversationsEndpoint,
  readConversationEndpoint,
  reopenConversationEndpoint,
  sendConversationMessageEndpoint,
} from "./endpoints/conversations";
import { eventsEndpoint } from "./endpoints/events";
import { getMessageEndpoint } from "./endpoints/messages";
import { toRouteHandler } from "./to-route-handler";

// The conversations API through its route handlers, against real Postgres (RLS) and Redis: filters, cursors,
// staff rows, technician scoping, sends through the outbound engine, audited state changes, other organizations'
// ids and the SSE stream fed by the real inbound pipeline.
const A = "org-conv-a";
const B = "org-conv-b";
const NOW = Date.now();
const ago = (minutes: number) => new Date(NOW - minutes * 60_000);
const USERS = {
  owner: { id: "ua-owner", role: "OWNER" },
  dispatcher: { id: "ua-disp", role: "DISPATCHER" },
  tech: { id: "ua-tech", role: "TECHNICIAN" },
  viewer: { id: "ua-viewer", role: "VIEWER" },
} as const satisfies Record<string, { id: string; role: UserRole }>;
const FILLERS = 30;
const redis = new Redis(env.REDIS_URL);

const tokenFor = (user: { id: string; role: UserRole }, org = A) => issueAccessToken({ id: user.id, organizationId: org, role: user.role }).token;

type CallOptions = { as?: { id: string; role: UserRole } | null; org?: string; params?: Record<string, string>; query?: Record<string, string>; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal };

async function call(endpoint: Endpoint, options: CallOptions = {}): Promise<Response> {
  const url = new URL(endpoint.path.replace(/\{(\w+)\}/g, (_, k: string) => options.params?.[k] ?? ""), "http://x");
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const as = options.as === undefined ? USERS.owner : options.as;
  const headers: Record<string, string> = { ...options.headers };
  if (as) headers.authorization = `Bearer ${tokenFor(as, options.org)}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(url, {
    method: endpoint.method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return toRouteHandler(endpoint)(request, { params: Promise.resolve(options.params ?? {}) });
}

type ListItem = { id: string; unreadCount: number; customer: { name: string; phone: string | null }; lastMessage: { text: string | null } | null; assignedTo: { id: string } | null };
async function list(query: Record<string, string> = {}, as: CallOptions["as"] = USERS.owner): Promise<{ items: ListItem[]; nextCursor: string | null }> {
  const response = await call(listConversationsEndpoint, { query, as });
  expect(response.status).toBe(200);
  return (await response.json()) as { items: ListItem[]; nextCursor: string | null };
}
const ids = async (query: Record<string, string>, as?: CallOptions["as"]) => (await list({ limit: "100", ...query }, as)).items.map((i) => i.id);

async function seed() {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  const admin = adminDb();
  for (const [org, cuit, phoneNumberId] of [[A, "30712345671", NUMBERS.meta.phoneNumberId], [B, "20267565393", "100000000000077"]] as const) {
    await admin.organization.create({ data: { id: org, name: `Org ${org}`, cuit, tier: "PROFESIONAL" } });
    await admin.whatsAppBusinessAccount.create({
      data: {
        id: `${org}-wa`, organizationId: org, bspProvider: "META_DIRECT", phoneNumberId, wabaId: "200000000000001", displayPhoneNumber: org === A ? NUMBERS.meta.display : "541152639977",
        credentialsEncrypted: encryptJson({ accessToken: NUMBERS.meta.accessToken }), credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE",
      },
    });
  }
  for (const [i, u] of Object.values(USERS).entries()) {
    await admin.user.create({ data: { id: u.id, organizationId: A, phone: `+54911400000${i}`, name: `Usuario ${u.role}`, role: u.role } });
  }
  await admin.user.create({ data: { id: "ub-owner", organizationId: B, phone: "+5491140009999", name: "Dueño B", role: "OWNER" } });

  const conversation = async (org: string, id: string, customer: { name: string; phone?: string; staffUserId?: string }, data: Record<string, unknown>, texts: { direction?: "INBOUND" | "OUTBOUND"; body: string; at: Date }[] = []) => {
    await admin.customer.create({
      data: { id: `${id}-cust`, organizationId: org, name: customer.name, phone: customer.phone ?? null, waId: customer.phone?.slice(1) ?? "5491149990000", staffUserId: customer.staffUserId ?? null },
    });
    await admin.whatsAppConversation.create({ data: { id, organizationId: org, customerId: `${id}-cust`, accountId: `${org}-wa`, ...data } });
    for (const [n, t] of texts.entries()) {
      const direction = t.direction ?? "INBOUND";
      await admin.whatsAppMessage.create({
        data: {
          id: `${id}-m${n}`, organizationId: org, conversationId: id, direction, type: "TEXT", createdAt: t.at,
          status: direction === "INBOUND" ? "RECEIVED" : "SENT", waMessageId: `wamid.${id}.${n}`,
          content: direction === "INBOUND" ? { body: t.body } : { type: "text", body: t.body, preview: t.body },
        },
      });
    }
  };
  await conversation(A, "conv-1", { name: "Martina Gómez", phone: "+5491155550001" },
    { status: "OPEN", unreadCount: 2, windowExpiresAt: new Date(NOW + 20 * 3600_000), lastMessageAt: ago(1), assignedToId: USERS.tech.id },
    [
      { body: "Hola", at: ago(5) },
      { direction: "OUTBOUND", body: "¿En qué te ayudamos?", at: ago(4) },
      { body: "Se me rompió el CALEFÓN", at: ago(3) },
      { body: "¿Pueden venir hoy?", at: ago(2) },
      { body: "Gracias", at: ago(1) },
    ]);
  await conversation(A, "conv-2", { name: "Juan Pérez", phone: "+5491155550002" },
    { status: "PENDING", unreadCount: 0, windowExpiresAt: ago(60), lastMessageAt: ago(2), assignedToId: USERS.dispatcher.id },
    [{ body: "Necesito un presupuesto", at: ago(2) }]);
  await conversation(A, "conv-3", { name: "Lucía Fernández", phone: "+5491155550003" },
    { status: "CLOSED", unreadCount: 1, lastMessageAt: ago(3) },
    [{ direction: "OUTBOUND", body: "Gracias por elegirnos", at: ago(3) }]);
  // A staff member's login-code conversation: never part of the inbox, whatever the filter.
  await conversation(A, "conv-staff", { name: "Equipo · Ana", staffUserId: USERS.owner.id },
    { status: "OPEN", unreadCount: 1, windowExpiresAt: new Date(NOW + 3600_000), lastMessageAt: ago(0) },
    [{ direction: "OUTBOUND", body: "123456 es tu código de verificación.", at: ago(0) }]);
  // Fillers share timestamps in pairs, so the cursor's id tie-break is exercised.
  for (let i = 0; i < FILLERS; i++) {
    await conversation(A, `conv-f${String(i).padStart(2, "0")}`, { name: `Relleno ${i}`, phone: `+54911666${String(i).padStart(5, "0")}` },
      { status: "OPEN", lastMessageAt: ago(10 + Math.floor(i / 2)) });
  }
  await conversation(B, "conv-b1", { name: "Martina Gómez", phone: "+5491177770001" },
    { status: "OPEN", unreadCount: 5, windowExpiresAt: new Date(NOW + 3600_000), lastMessageAt: ago(1) },
    [{ body: "Se me rompió el calefón también", at: ago(1) }]);
  await admin.whatsAppStatusEvent.createMany({
    data: [
      { organizationId: A, messageId: "conv-1-m1", status: "SENT", providerStatus: "sent", providerTimestamp: ago(3.9) },
      { organizationId: A, messageId: "conv-1-m1", status: "DELIVERED", providerStatus: "delivered", providerTimestamp: ago(3.8) },
    ],
  });
}

beforeAll(seed);
afterAll(async () => {
  await redis.quit();
});

describe("GET /api/whatsapp/conversations", () => {
  it("answers 401 without a token", async () => {
    const response = await call(listConversationsEndpoint, { as: null });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  it("lists by last activity with the item shape, never the staff conversation", async () => {
    const page = await list({ limit: "3" });
    expect(page.items.map((i) => i.id)).toEqual(["conv-1", "conv-2", "conv-3"]);
    expect(page.items[0]).toEqual({
      id: "conv-1",
      customer: { id: "conv-1-cust", name: "Martina Gómez", phone: "+5491155550001" },
      status: "OPEN",
      unreadCount: 2,
      lastMessage: { id: "conv-1-m4", direction: "INBOUND", type: "TEXT", text: "Gracias", createdAt: ago(1).toISOString(), sentBy: "customer", sentByUser: null },
      lastMessageAt: ago(1).toISOString(),
      windowExpiresAt: new Date(NOW + 20 * 3600_000).toISOString(),
      assignedTo: { id: USERS.tech.id, name: "Usuario TECHNICIAN" },
      emergency: false,
    });
    const all = await ids({});
    expect(all).toHaveLength(3 + FILLERS);
    expect(all).not.toContain("conv-staff");
    expect(all).not.toContain("conv-b1");
  });

  it("pages with an opaque cursor without duplicates or gaps", async () => {
    const expected = await ids({});
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: ListItem[]; nextCursor: string | null } = await list({ limit: "7", ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil((3 + FILLERS) / 7));
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await call(listConversationsEndpoint, { query: { cursor: "not-a-cursor" } });
    expect(bad.status).toBe(400);
  });

  it("filters by status, unread (exact counts), assignee and window", async () => {
    expect(await ids({ status: "PENDING" })).toEqual(["conv-2"]);
    expect(await ids({ status: "CLOSED" })).toEqual(["conv-3"]);
    const unread = (await list({ unread: "true" })).items;
    expect(unread.map((i) => [i.id, i.unreadCount])).toEqual([["conv-1", 2], ["conv-3", 1]]);
    expect(await ids({ assignedTo: USERS.dispatcher.id })).toEqual(["conv-2"]);
    expect(await ids({ assignedTo: "me" }, USERS.dispatcher)).toEqual(["conv-2"]);
    expect(await ids({ assignedTo: "none" })).toHaveLength(1 + FILLERS);
    expect(await ids({ window: "open" })).toEqual(["conv-1"]);
    expect(await ids({ window: "closed" })).toHaveLength(2 + FILLERS);
    expect(await ids({ status: "OPEN", unread: "true", window: "open" })).toEqual(["conv-1"]);
    expect((await call(listConversationsEndpoint, { query: { status: "ARCHIVED" } })).status).toBe(400);
  });

  it("searches names, phones and message text, ignoring case and accents, never staff rows or other organizations", async () => {
    expect(await ids({ search: "gomez" })).toEqual(["conv-1"]);
    expect(await ids({ search: "MARTÍNA" })).toEqual(["conv-1"]);
    expect(await ids({ search: "perez" })).toEqual(["conv-2"]);
    expect(await ids({ search: "5555 0002" })).toEqual(["conv-2"]);
    expect(await ids({ search: "+5491155550003" })).toEqual(["conv-3"]);
    expect(await ids({ search: "calefon" })).toEqual(["conv-1"]);
    expect(await ids({ search: "presupuesto" })).toEqual(["conv-2"]);
    expect(await ids({ search: "elegirnos" })).toEqual(["conv-3"]);
    expect(await ids({ search: "123456" })).toEqual([]);
    expect(await ids({ search: "equipo" })).toEqual([]);
    expect(await ids({ search: "50%" })).toEqual([]);
  });

  it("shows a technician only the conversations assigned to them", async () => {
    expect(await ids({}, USERS.tech)).toEqual(["conv-1"]);
    expect(await ids({ assignedTo: USERS.dispatcher.id }, USERS.tech)).toEqual([]);
    expect((await call(listConversationMessagesEndpoint, { as: USERS.tech, params: { id: "conv-2" } })).status).toBe(404);
    expect((await call(getMessageEndpoint, { as: USERS.tech, params: { id: "conv-2-m0" } })).status).toBe(404);
    expect((await call(getMessageEndpoint, { as: USERS.tech, params: { id: "conv-1-m0" } })).status).toBe(200);
    expect((await call(closeConversationEndpoint, { as: USERS.tech, params: { id: "conv-2" } })).status).toBe(404);
    expect((await call(assignConversationEndpoint, { as: USERS.tech, params: { id: "conv-1" }, body: { userId: null } })).status).toBe(403);
  });
});

type MessageItem = { id: string; whatsappMessageId: string | null; direction: string; content: unknown; media: unknown; status: string; statusHistory: { status: string; at: string }[]; error: unknown };

describe("messages", () => {
  it("lists a conversation's messages in either order with cursors and status history", async () => {
    const read = async (query: Record<string, string>) => {
      const response = await call(listConversationMessagesEndpoint, { params: { id: "conv-1" }, query });
      expect(response.status).toBe(200);
      return (await response.json()) as { items: MessageItem[]; nextCursor: string | null };
    };
    const all = async (order: "asc" | "desc") => {
      const out: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await read({ order, limit: "2", ...(cursor ? { cursor } : {}) });
        out.push(...page.items.map((m) => m.id));
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    };
    const asc = ["conv-1-m0", "conv-1-m1", "conv-1-m2", "conv-1-m3", "conv-1-m4"];
    expect(await all("asc")).toEqual(asc);
    expect(await all("desc")).toEqual([...asc].reverse());
    const outbound = (await read({ order: "asc" })).items[1]!;
    expect(outbound).toMatchObject({
      id: "conv-1-m1", whatsappMessageId: "wamid.conv-1.1", direction: "OUTBOUND", media: null, status: "SENT", error: null,
      content: { type: "text", body: "¿En qué te ayudamos?" },
      statusHistory: [{ status: "SENT", at: ago(3.9).toISOString() }, { status: "DELIVERED", at: ago(3.8).toISOString() }],
    });
    const one = await call(getMessageEndpoint, { params: { id: "conv-1-m2" } });
    expect(await one.json()).toMatchObject({ id: "conv-1-m2", content: { body: "Se me rompió el CALEFÓN" }, statusHistory: [] });
  });

  it("answers 404 for other organizations' ids and for the staff conversation, never data", async () => {
    const asB = { id: "ub-owner", role: "OWNER" as const };
    for (const [endpoint, params, body] of [
      [listConversationMessagesEndpoint, { id: "conv-1" }, undefined],
      [getMessageEndpoint, { id: "conv-1-m0" }, undefined],
      [readConversationEndpoint, { id: "conv-1" }, undefined],
      [closeConversationEndpoint, { id: "conv-1" }, undefined],
      [reopenConversationEndpoint, { id: "conv-1" }, undefined],
      [assignConversationEndpoint, { id: "conv-1" }, { userId: null }],
      [sendConversationMessageEndpoint, { id: "conv-1" }, { content: { type: "text", body: "hola" } }],
    ] as const) {
      const response = await call(endpoint as unknown as Endpoint, { as: asB, org: B, params, ...(body ? { body } : {}) });
      expect(response.status, endpoint.path).toBe(404);
      expect(JSON.stringify(await response.json())).not.toContain("Martina");
    }
    expect((await call(listConversationMessagesEndpoint, { params: { id: "conv-staff" } })).status).toBe(404);
    expect((await call(getMessageEndpoint, { params: { id: "conv-staff-m0" } })).status).toBe(404);
    expect((await call(readConversationEndpoint, { params: { id: "conv-staff" } })).status).toBe(404);
  });
});

const auditRows = (entityId: string) =>
  adminDb().auditLog.findMany({ where: { organizationId: A, entityId }, orderBy: { seq: "asc" }, select: { action: true, actorType: true, actorId: true, metadata: true } });

describe("writes", () => {
  it("sends a reply through the outbound engine: 202 with the stored message, idempotent by header, audited", async () => {
    const send = () => call(sendConversationMessageEndpoint, { as: USERS.dispatcher, params: { id: "conv-1" }, body: { content: { type: "text", body: "Vamos a las 15 h" } }, headers: { "idempotency-key": "reply-1" } });
    const first = await send();
    expect(first.status).toBe(202);
    const message = (await first.json()) as MessageItem & { conversationId: string };
    expect(message).toMatchObject({ conversationId: "conv-1", direction: "OUTBOUND", status: "QUEUED", whatsappMessageId: null, content: { type: "text", body: "Vamos a las 15 h" } });
    const again = await send();
    expect(again.status).toBe(202);
    expect(((await again.json()) as { id: string }).id).toBe(message.id);
    expect(await adminDb().whatsAppMessage.findUnique({ where: { id: message.id }, select: { sentByUserId: true } })).toEqual({ sentByUserId: USERS.dispatcher.id });
    expect(await auditRows(message.id)).toEqual([{ action: "message.send", actorType: "USER", actorId: USERS.dispatcher.id, metadata: { conversationId: "conv-1", type: "TEXT" } }]);
  });

  it("answers TEMPLATE_REQUIRED when the window is closed, 400 for invalid content, 403 for a viewer", async () => {
    const closed = await call(sendConversationMessageEndpoint, { params: { id: "conv-2" }, body: { content: { type: "text", body: "hola" } } });
    expect(closed.status).toBe(422);
    expect(await closed.json()).toMatchObject({ error: { code: "TEMPLATE_REQUIRED", message: expect.stringContaining("plantilla") } });
    const invalid = await call(sendConversationMessageEndpoint, { params: { id: "conv-1" }, body: { content: { type: "text" } } });
    expect(invalid.status).toBe(400);
    const viewer = await call(sendConversationMessageEndpoint, { as: USERS.viewer, params: { id: "conv-1" }, body: { content: { type: "text", body: "hola" } } });
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect((await call(readConversationEndpoint, { as: USERS.viewer, params: { id: "conv-1" } })).status).toBe(403);
  });

  it("marks read, assigns, closes and reopens, each with an audit row", async () => {
    const read = await call(readConversationEndpoint, { as: USERS.tech, params: { id: "conv-1" } });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: "conv-1", unreadCount: 0 });

    const assigned = await call(assignConversationEndpoint, { params: { id: "conv-3" }, body: { userId: USERS.dispatcher.id } });
    expect(await assigned.json()).toMatchObject({ assignedTo: { id: USERS.dispatcher.id, name: "Usuario DISPATCHER" } });
    const otherOrgUser = await call(assignConversationEndpoint, { params: { id: "conv-3" }, body: { userId: "ub-owner" } });
    expect(otherOrgUser.status).toBe(400);
    const unassigned = await call(assignConversationEndpoint, { params: { id: "conv-3" }, body: { userId: null } });
    expect(await unassigned.json()).toMatchObject({ assignedTo: null });

    expect(await (await call(reopenConversationEndpoint, { params: { id: "conv-3" } })).json()).toMatchObject({ status: "OPEN" });
    expect(await (await call(closeConversationEndpoint, { params: { id: "conv-3" } })).json()).toMatchObject({ status: "CLOSED" });
    expect(await (await call(closeConversationEndpoint, { params: { id: "conv-3" } })).json()).toMatchObject({ status: "CLOSED" });

    expect(await auditRows("conv-1")).toEqual([{ action: "conversation.read", actorType: "USER", actorId: USERS.tech.id, metadata: { previousUnreadCount: 2 } }]);
    expect((await auditRows("conv-3")).map((r) => [r.action, r.metadata])).toEqual([
      ["conversation.assign", { from: null, to: USERS.dispatcher.id }],
      ["conversation.assign", { from: USERS.dispatcher.id, to: null }],
      ["conversation.reopen", { from: "CLOSED", to: "OPEN" }],
      ["conversation.close", { from: "OPEN", to: "CLOSED" }],
    ]);
  });
});

describe("GET /api/whatsapp/events", () => {
  it("delivers an inbound message within a second of its webhook, and stops on disconnect", async () => {
    const abort = new AbortController();
    const response = await call(eventsEndpoint, { signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const readUntil = async (needle: string, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!received.includes(needle)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${needle}" in ${timeoutMs} ms; got: ${received}`);
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
        if (!chunk || chunk.done) continue;
        received += decoder.decode(chunk.value, { stream: true });
      }
    };
    await readUntil(": connected", 1000);

    const raw = metaEnvelope([{
      contacts: [contact("5491155550001")],
      messages: [{ from: "5491155550001", id: "wamid.sse-1", timestamp: ts(new Date().toISOString()), type: "text", text: { body: "¿Llegan?" } }],
    }]);
    const started = Date.now();
    // What the webhook worker does: process, then publish the committed events.
    await processWebhookDelivery(metaDelivery(raw), { aggregationWindowMs: 8000, logger, onCommitted: (work) => publishOrganizationEvents(work.events) });
    await readUntil("event: message.created", 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    const block = received.split("\n\n").find((b) => b.startsWith("event: message.created"))!;
    const data = JSON.parse(block.split("\n").find((l) => l.startsWith("data: "))!.slice(6)) as Record<string, unknown>;
    expect(data).toMatchObject({ type: "message.created", organizationId: A, conversationId: "conv-1", waMessageId: "wamid.sse-1", direction: "INBOUND" });

    // A dashboard change reaches the other listeners too.
    received = "";
    expect((await call(readConversationEndpoint, { params: { id: "conv-1" } })).status).toBe(200);
    await readUntil('"unreadCount":0', 1000);
    expect(received).toContain("event: conversation.updated");

    abort.abort();
    // Events already queued may still arrive; then the stream ends.
    const drained = (async () => {
      for (;;) if ((await reader.read()).done) return "closed";
    })();
    expect(await Promise.race([drained, new Promise((r) => setTimeout(() => r("timeout"), 2000))])).toBe("closed");
  });

  it("answers 401 without a token", async () => {
    expect((await call(eventsEndpoint, { as: null })).status).toBe(401);
  });
});

describe("OpenAPI", () => {
  it("documents every conversations endpoint from its schemas", async () => {
    const { buildOpenApiDocument } = await import("./openapi");
    const { ALL_ENDPOINTS } = await import("./endpoints");
    const doc = buildOpenApiDocument(ALL_ENDPOINTS) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/api/whatsapp/conversations/{id}/messages"] ?? {}).sort()).toEqual(["get", "post"]);
    for (const path of ["/api/whatsapp/conversations", "/api/whatsapp/conversations/{id}/read", "/api/whatsapp/conversations/{id}/assign", "/api/whatsapp/conversations/{id}/close", "/api/whatsapp/conversations/{id}/reopen", "/api/whatsapp/messages/{id}", "/api/whatsapp/events"]) {
      expect(doc.paths[path], path).toBeTruthy();
    }
  });
});
