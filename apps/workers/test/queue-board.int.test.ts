import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Queue } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb, db } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { closeSharedRedis, createRedis } from "@campotech/core/lib/redis";
import { issueAccessToken, logoutAccessToken } from "@campotech/core/modules/auth";
import { issueQueueBoardTicket, setPlatformOperator, signQueueBoardToken } from "@campotech/core/modules/operators";
import { startHealthServer } from "../src/health-server";
import { createQueueBoard, QUEUE_BOARD_COOKIE, type QueueBoard } from "../src/queue-board";

// The workers' real HTTP server with the board attached, on a port the OS picks, against the test Postgres and
// Redis, with a real queue holding jobs (no Worker consumes them here, so the counts stay put).
const ORG = "org-queue-board";
const OPERATOR = { sub: "u-board-operator", org: ORG, role: "OWNER" as const, sv: 0 };
const STRANGER = { sub: "u-board-stranger", org: ORG, role: "ADMIN" as const, sv: 0 };
const redis = createRedis("producer");
const notifications = new Queue("notifications", { connection: redis, prefix: env.QUEUE_PREFIX });
let board: QueueBoard;
let server: Server;
let base: string;

beforeAll(async () => {
  board = createQueueBoard({ redis });
  server = await startHealthServer({ db, redis, port: 0, host: "127.0.0.1", board: board.handle });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await board.close();
  await notifications.obliterate({ force: true });
  await notifications.close();
  await redis.quit();
  await closeSharedRedis();
});

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await adminDb().organization.create({ data: { id: ORG, name: "CampoTech", cuit: "30712345671" } });
  await adminDb().user.create({ data: { id: OPERATOR.sub, organizationId: ORG, phone: "+5491144445555", name: "Staff", role: "OWNER", platformOperator: true } });
  await adminDb().user.create({ data: { id: STRANGER.sub, organizationId: ORG, phone: "+5491155556666", name: "Otra", role: "ADMIN" } });
  await notifications.obliterate({ force: true });
  await notifications.add("notifications.test-waiting", { id: "a" });
  await notifications.add("notifications.test-waiting", { id: "b" });
  await notifications.add("notifications.test-delayed", { id: "c" }, { delay: 3_600_000 });
});

const get = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { redirect: "manual", ...init });
const withCookie = (cookie: string, init: RequestInit = {}) => ({ ...init, headers: { cookie, ...(init.headers as Record<string, string>) } });

async function expectDenied(response: Response, status: number) {
  expect(response.status).toBe(status);
  const html = await response.text();
  expect(html).toContain("Entrá desde /operador en el panel");
  expect(html).not.toContain("__UI_CONFIG__");
  expect(response.headers.get("set-cookie") ?? "").not.toMatch(new RegExp(`${QUEUE_BOARD_COOKIE}=[^;]`));
}

// Redeems a ticket like the browser does after the panel's redirect; returns the board cookie ("name=value").
async function signIn(claims = OPERATOR): Promise<string> {
  const { url } = issueQueueBoardTicket(claims);
  const response = await get(new URL(url).pathname + new URL(url).search);
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe("/operador/colas");
  const setCookie = response.headers.get("set-cookie")!;
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  expect(setCookie).toMatch(/Path=\/operador\/colas/);
  expect(setCookie).toMatch(/Max-Age=1800/);
  return setCookie.split(";")[0]!;
}

describe("the queue dashboard on the workers' server", () => {
  it("shows nothing of the board without a ticket or cookie: page, API and assets", async () => {
    await expectDenied(await get("/operador/colas"), 401);
    await expectDenied(await get("/operador/colas/queue/notifications"), 401);
    await expectDenied(await get("/operador/colas/api/queues"), 401);
    await expectDenied(await get("/operador/colas/static/images/logo.svg"), 401);
    await expectDenied(await get("/operador/colas/api/queues/notifications/obliterate", { method: "PUT" }), 401);
    expect(await notifications.count()).toBe(3);
    // The health endpoint is untouched.
    expect((await get("/health")).status).toBe(200);
  });

  it("refuses forged, expired, replayed and wrong-kind tickets", async () => {
    const operator = { userId: OPERATOR.sub, organizationId: ORG, role: OPERATOR.role, sessionVersion: 0 };
    const forged = signQueueBoardToken(operator, "queue-board", { secret: "x".repeat(48) }).token;
    const expired = signQueueBoardToken(operator, "queue-board", { ttlSeconds: -5 }).token;
    // A panel access token or a board session token is not a ticket.
    const accessToken = issueAccessToken({ id: OPERATOR.sub, organizationId: ORG, role: "OWNER" }).token;
    const sessionToken = signQueueBoardToken(operator, "queue-board-session").token;
    for (const ticket of [forged, expired, accessToken, sessionToken, "not-a-jwt"]) {
      await expectDenied(await get(`/operador/colas?ticket=${encodeURIComponent(ticket)}`), 401);
    }
    // A board session cookie forged with another secret is refused too.
    const forgedCookie = signQueueBoardToken(operator, "queue-board-session", { secret: "y".repeat(48) }).token;
    await expectDenied(await get("/operador/colas/api/queues", withCookie(`${QUEUE_BOARD_COOKIE}=${forgedCookie}`)), 401);

    const { url } = issueQueueBoardTicket(OPERATOR);
    const path = new URL(url).pathname + new URL(url).search;
    expect((await get(path)).status).toBe(303);
    const replay = await get(path);
    await expectDenied(replay, 401);
  });

  it("refuses a valid ticket of someone who is not a platform operator", async () => {
    const { url } = issueQueueBoardTicket(STRANGER);
    const response = await get(new URL(url).pathname + new URL(url).search);
    await expectDenied(response, 403);
  });

  it("lets an operator in: redirect and cookie, then the board and its API with our queues and counts", async () => {
    const cookie = await signIn();
    const page = await get("/operador/colas", withCookie(cookie));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("__UI_CONFIG__");
    expect(html).toContain("<title>CampoTech · colas</title>");
    expect(html).toContain('<base href="/operador/colas/"');
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect((await get("/operador/colas/static/images/logo.svg", withCookie(cookie))).status).toBe(200);

    const api = await get("/operador/colas/api/queues", withCookie(cookie));
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string; counts: Record<string, number> }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(
      ["assistant", "conversations", "invoicing", "media", "notifications", "outbound", "payments", "system", "tracking", "webhooks"],
    );
    expect(body.queues.find((q) => q.name === "notifications")!.counts).toMatchObject({ waiting: 2, delayed: 1 });
  });

  it("audits an allowed change before making it and refuses the destructive ones", async () => {
    const cookie = await signIn();
    const promote = await get("/operador/colas/api/queues/notifications/promote", withCookie(cookie, { method: "PUT" }));
    expect(promote.status).toBe(200);
    expect(await notifications.getJobCounts("waiting", "delayed")).toEqual({ waiting: 3, delayed: 0 });
    const audit = await adminDb().auditLog.findMany({ where: { organizationId: ORG, action: "queues.board_action" } });
    expect(audit).toEqual([
      expect.objectContaining({ actorType: "OPERATOR", actorId: OPERATOR.sub, entityType: "Queue", entityId: "notifications",
        metadata: { method: "PUT", route: "/api/queues/:queueName/promote", queueName: "notifications" } }),
    ]);

    for (const action of ["obliterate", "empty"]) {
      const refused = await get(`/operador/colas/api/queues/notifications/${action}`, withCookie(cookie, { method: "PUT" }));
      expect(refused.status).toBe(403);
    }
    const add = await get("/operador/colas/api/queues/notifications/add", withCookie(cookie, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x", data: {}, options: {} }),
    }));
    expect(add.status).toBe(403);
    expect(await notifications.count()).toBe(3);
    expect(await adminDb().auditLog.count({ where: { organizationId: ORG, action: "queues.board_action" } })).toBe(1);
  });

  it("re-checks the operator on every request: a revoke or a logout closes the board at once", async () => {
    const cookie = await signIn();
    expect((await get("/operador/colas/api/queues", withCookie(cookie))).status).toBe(200);
    await setPlatformOperator(adminDb(), { user: OPERATOR.sub, grant: false });
    const revoked = await get("/operador/colas/api/queues", withCookie(cookie));
    await expectDenied(revoked, 403);
    expect(revoked.headers.get("set-cookie")).toMatch(new RegExp(`${QUEUE_BOARD_COOKIE}=;.*Expires=Thu, 01 Jan 1970`));

    await setPlatformOperator(adminDb(), { user: OPERATOR.sub, grant: true });
    const again = await signIn();
    // Logging out of the panel (every access token of theirs stops working) ends the board session too.
    await logoutAccessToken(OPERATOR);
    await expectDenied(await get("/operador/colas/api/queues", withCookie(again)), 401);
  });
});
