// Test-only helpers shared by the security suite: a demo organization, logins through the real route handlers with
// the code read from the suite's provider sandbox, and cookie headers as a browser would send them.
import { expect } from "vitest";
import { env } from "@campotech/core/lib/env";
import { adminDb } from "@campotech/core/lib/db";
import { toWaId } from "@campotech/core/lib/phone";
import { deliverMessage } from "@campotech/core/modules/messaging";
import { DEMO_ORG } from "@campotech/database/seed";
import type { Redis } from "ioredis";
import { call, parseSetCookies } from "../api-test-kit";
import { otpRequestEndpoint, otpVerifyEndpoint, SESSION_TRANSPORT_HEADER } from "../endpoints/auth";

export const SANDBOX = env.META_GRAPH_API_URL.replace(/\/meta$/, "");
// What a browser adds to a fetch from our own pages.
export const SAME_ORIGIN = { "sec-fetch-site": "same-origin", origin: "http://campotech.test" };

export type AppSession = { accessToken: string; refreshToken: string; user: { id: string; role: string } };

async function codeFor(userId: string, phone: string): Promise<string> {
  const message = await adminDb().whatsAppMessage.findFirst({
    where: { organizationId: DEMO_ORG.id, direction: "OUTBOUND", status: "QUEUED", conversation: { customer: { staffUserId: userId } } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  expect(message, "a login code was queued").toBeTruthy();
  await deliverMessage({ organizationId: DEMO_ORG.id, messageId: message!.id });
  const inbox = (await (await fetch(`${SANDBOX}/_sandbox/customers/${toWaId(phone)}/inbox`)).json()) as unknown[];
  const code = JSON.stringify(inbox.at(-1)).match(/\b(\d{6})\b/)?.[1];
  expect(code, "the phone received a code").toBeTruthy();
  return code!;
}

// The phone app's login: tokens in the body. Per-phone request limits are cleared first (they are not under test).
export async function appLogin(redis: Redis, user: { id: string; phone: string }): Promise<AppSession> {
  await redis.del(`auth:limit:requestPerPhone:${user.phone}`);
  expect((await call(otpRequestEndpoint, { body: { phone: user.phone } })).status).toBe(202);
  const code = await codeFor(user.id, user.phone);
  const response = await call(otpVerifyEndpoint, { body: { phone: user.phone, code }, headers: { [SESSION_TRANSPORT_HEADER]: "body" } });
  expect(response.status).toBe(200);
  return (await response.json()) as AppSession;
}

// The dashboard's login: what comes back is the response (cookies and body) as the browser gets it.
export async function browserLogin(redis: Redis, user: { id: string; phone: string }): Promise<{ response: Response; cookie: string }> {
  await redis.del(`auth:limit:requestPerPhone:${user.phone}`);
  await call(otpRequestEndpoint, { body: { phone: user.phone }, headers: SAME_ORIGIN });
  const code = await codeFor(user.id, user.phone);
  const response = await call(otpVerifyEndpoint, { body: { phone: user.phone, code }, headers: SAME_ORIGIN });
  expect(response.status).toBe(200);
  const cookie = parseSetCookies(response).map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; ");
  return { response, cookie };
}
