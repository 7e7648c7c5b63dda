import { createHmac } from "node:crypto";
import { Queue } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { twilioSignature } from "../../integrations/twilio/webhook";
import { encryptJson } from "../../lib/crypto";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { closeSharedRedis, createRedis } from "../../lib/redis";
import { PROCESS_WEBHOOK_JOB, webhookJobId } from "../../workers/payloads/webhook-delivery";
import { createOrganization } from "../organizations/create-organization";
import { connectWhatsAppAccount } from "../whatsapp-accounts/connect-whatsapp-account";
import { acceptDialog360Webhook } from "./accept-dialog360-webhook";
import { acceptMetaWebhook, sha256Hex } from "./accept-meta-webhook";
import { acceptTwilioWebhook } from "./accept-twilio-webhook";
import { clearWebhookRouteCache } from "./find-webhook-routes";
import { listRejectedWebhooks } from "./list-rejected-webhooks";
import { rejectedWebhooksKey, type WebhookDeps } from "./webhook-deps";

// Real Postgres (routing function, sealed secrets) and real Redis (BullMQ). The queue gets its own prefix so nothing
// else in the suite (workers tests) consumes these jobs.
const redis = createRedis("producer");
const queue = new Queue("webhooks", { connection: redis, prefix: "campotech-test-accept" });
const deps: WebhookDeps = { queue, redis };

const ORG_SECRET = "org-360-webhook-secret-abcdef";
const OWN_TWILIO_TOKEN = "own-twilio-auth-token-0001";
let orgId: string;

const metaBody = (text: string) =>
  JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "200000000000001", changes: [{ field: "messages", value: { messaging_product: "whatsapp",
      metadata: { display_phone_number: "541152630000", phone_number_id: "100000000000001" },
      messages: [{ from: "5491155550123", id: `wamid.${sha256Hex(Buffer.from(text)).slice(0, 20)}`, timestamp: "1789478400", type: "text", text: { body: text } }] } }] }],
  }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const hub = (body: Buffer | string, secret = env.META_APP_SECRET) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
const metaRequest = (raw: string, signature?: string) => {
  const rawBody = Buffer.from(raw);
  const headers = new Headers({ "content-type": "application/json", "user-agent": "facebookexternalua" });
  headers.set("x-hub-signature-256", signature ?? hub(rawBody));
  return { rawBody, headers, path: "/api/webhooks/whatsapp" };
};

async function jobCount(): Promise<number> {
  const counts = await queue.getJobCounts("waiting", "delayed", "active", "completed", "failed", "prioritized");
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const { organization } = await createOrganization(adminDb(), {
    name: "Gas Norte", cuit: "30-71234567-1", tier: "PROFESIONAL", ownerPhone: "011 15 4444-5555",
  });
  orgId = organization.id;
  await connectWhatsAppAccount(adminDb(), {
    organizationId: orgId, provider: "DIALOG_360", phoneNumberId: "100000000000777", displayPhoneNumber: "541152639999",
    credentials: { apiKey: "d360-key-for-tests" }, webhookSecret: ORG_SECRET,
  });
  await connectWhatsAppAccount(adminDb(), {
    organizationId: orgId, provider: "TWILIO", phoneNumberId: "+5491152638888", displayPhoneNumber: "5491152638888",
    credentials: { accountSid: "ACown0000000000000000000000000000", authToken: OWN_TWILIO_TOKEN },
  });
  // A sender on the platform's Twilio account: empty credentials, env TWILIO_AUTH_TOKEN signs.
  const sealed = encryptJson({});
  await adminDb().whatsAppBusinessAccount.create({
    data: { organizationId: orgId, bspProvider: "TWILIO", phoneNumberId: "+5491152637777", displayPhoneNumber: "5491152637777",
      credentialsEncrypted: sealed, credentialsKeyId: sealed.split(".")[1]!, provisioningStatus: "ACTIVE" },
  });
  clearWebhookRouteCache();
});

beforeEach(async () => {
  await queue.obliterate({ force: true });
  await redis.del(rejectedWebhooksKey());
});

afterAll(async () => {
  await queue.obliterate({ force: true });
  await redis.del(rejectedWebhooksKey());
  await queue.close();
  await redis.quit();
  await closeSharedRedis();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

describe("acceptMetaWebhook", () => {
  it("enqueues exactly one job per delivery, and an exact redelivery collapses into the same job", async () => {
    const raw = metaBody("Hola, ¿cómo andás? 😊");
    expect(raw).toContain("\\u00bf");
    const first = await acceptMetaWebhook(metaRequest(raw), deps);
    expect(first.jobId).toBe(webhookJobId({ provider: "META_DIRECT", deliveryId: sha256Hex(Buffer.from(raw)) }));
    const again = await acceptMetaWebhook(metaRequest(raw), deps);
    expect(again.jobId).toBe(first.jobId);
    expect(await jobCount()).toBe(1);

    const job = await queue.getJob(first.jobId);
    expect(job?.name).toBe(PROCESS_WEBHOOK_JOB);
    // The worker gets the exact bytes, escapes included (never a re-serialization).
    expect(job?.data).toMatchObject({ provider: "META_DIRECT", rawBody: raw, deliveryId: sha256Hex(Buffer.from(raw)) });
    expect(job?.opts).toMatchObject({ attempts: 10, backoff: { type: "exponential", delay: 1000 } });

    await acceptMetaWebhook(metaRequest(metaBody("otro mensaje")), deps);
    expect(await jobCount()).toBe(2);
  });

  it("enqueues nothing for a forged, missing or re-serialized signature", async () => {
    const raw = metaBody("Necesito un gasista ¡urgente!");
    expect(await codeOf(acceptMetaWebhook(metaRequest(raw, hub(raw, "forged-secret")), deps))).toBe("INVALID_SIGNATURE");
    expect(await codeOf(acceptMetaWebhook(metaRequest(raw, ""), deps))).toBe("INVALID_SIGNATURE");
    const decoded = JSON.stringify(JSON.parse(raw));
    expect(await codeOf(acceptMetaWebhook(metaRequest(raw, hub(decoded)), deps))).toBe("INVALID_SIGNATURE");
    expect(await jobCount()).toBe(0);
    expect(await listRejectedWebhooks({ redis })).toEqual([]);
  });

  it("keeps a signed but malformed body in the rejected list (no secrets) and enqueues nothing", async () => {
    for (const raw of ["{not json", '{"object":"page","entry":[]}', '{"object":"whatsapp_business_account"}']) {
      expect(await codeOf(acceptMetaWebhook(metaRequest(raw), deps))).toBe("VALIDATION_FAILED");
    }
    expect(await jobCount()).toBe(0);
    const rejected = await listRejectedWebhooks({ redis });
    expect(rejected.map((r) => r.rawBody)).toEqual(['{"object":"whatsapp_business_account"}', '{"object":"page","entry":[]}', "{not json"]);
    expect(rejected[2]).toMatchObject({ provider: "META_DIRECT", reason: "body is not JSON", path: "/api/webhooks/whatsapp" });
    expect(rejected[0]!.headers).toMatchObject({ "user-agent": "facebookexternalua" });
    expect(Object.keys(rejected[0]!.headers)).not.toContain("x-hub-signature-256");
  });

  it("refuses a body over WEBHOOK_MAX_BODY_BYTES before looking at the signature", async () => {
    const raw = `{"object":"whatsapp_business_account","entry":[],"pad":"${"x".repeat(env.WEBHOOK_MAX_BODY_BYTES)}"}`;
    expect(await codeOf(acceptMetaWebhook(metaRequest(raw), deps))).toBe("PAYLOAD_TOO_LARGE");
    expect(await codeOf(acceptMetaWebhook(metaRequest(raw, "sha256=00"), deps))).toBe("PAYLOAD_TOO_LARGE");
    expect(await jobCount()).toBe(0);
  });
});

describe("acceptDialog360Webhook", () => {
  const request = (organizationId: string | null, secret: string | undefined, raw = metaBody("Hola desde 360dialog"), signature?: string) => {
    const rawBody = Buffer.from(raw);
    const headers = new Headers({ "content-type": "application/json" });
    if (secret !== undefined) headers.set("x-campotech-webhook-secret", secret);
    if (signature !== undefined) headers.set("x-360dialog-signature", signature);
    return { rawBody, headers, path: "/api/webhooks/dialog360", organizationId };
  };
  const d360Sig = (raw: string, secret = env.DIALOG360_WEBHOOK_SECRET) => createHmac("sha256", secret).update(raw).digest("hex");

  it("accepts the organization's secret (and a valid signature) and carries the organization in the job", async () => {
    const raw = metaBody("¿Tienen turno el sábado?");
    const { jobId } = await acceptDialog360Webhook(request(orgId, ORG_SECRET, raw, d360Sig(raw)), deps);
    expect(jobId).toBe(`wh-DIALOG_360-${sha256Hex(Buffer.from(raw))}`);
    expect((await queue.getJob(jobId))?.data).toMatchObject({ provider: "DIALOG_360", organizationId: orgId, rawBody: raw });
    await acceptDialog360Webhook(request(orgId, ORG_SECRET, raw), deps);
    expect(await jobCount()).toBe(1);
  });

  it("answers unknown orgId, wrong secret, missing secret and bad signature alike, and enqueues nothing", async () => {
    const raw = metaBody("hola");
    for (const req of [
      request("no-such-org", ORG_SECRET),
      request(null, ORG_SECRET),
      request("'; DROP TABLE x; --", ORG_SECRET),
      request(orgId, `${ORG_SECRET}x`),
      request(orgId, undefined),
      request(orgId, ORG_SECRET, raw, d360Sig(raw, "not-the-platform-secret")),
    ]) {
      expect(await codeOf(acceptDialog360Webhook(req, deps))).toBe("INVALID_SIGNATURE");
    }
    expect(await jobCount()).toBe(0);
  });

  it("keeps a malformed body that carried the right secret", async () => {
    expect(await codeOf(acceptDialog360Webhook(request(orgId, ORG_SECRET, "[]"), deps))).toBe("VALIDATION_FAILED");
    const [rejected] = await listRejectedWebhooks({ redis });
    expect(rejected).toMatchObject({ provider: "DIALOG_360", rawBody: "[]" });
    expect(Object.keys(rejected!.headers)).not.toContain("x-campotech-webhook-secret");
    expect(await jobCount()).toBe(0);
  });
});

describe("acceptTwilioWebhook", () => {
  const inbound = (to: string, extra: Record<string, string> = {}) => ({
    MessageSid: `SM${sha256Hex(Buffer.from(to + JSON.stringify(extra))).slice(0, 32)}`, SmsMessageSid: "SM1", AccountSid: "ACown0000000000000000000000000000",
    From: "whatsapp:+5491155550123", To: `whatsapp:+${to}`, Body: "Hola, se me rompió el calefón", NumMedia: "0", WaId: "5491155550123",
    ProfileName: "Martina", ApiVersion: "2010-04-01", ...extra,
  });
  const request = (fields: Record<string, string>, token: string, kind: "message" | "status" = "message", path = "/api/webhooks/twilio") => {
    const rawBody = Buffer.from(new URLSearchParams(fields).toString());
    const signature = twilioSignature(token, `${env.PUBLIC_BASE_URL}${path}`, fields);
    return { rawBody, headers: new Headers({ "x-twilio-signature": signature }), path, pathWithQuery: path, kind };
  };

  it("verifies with the number's own auth token, or the platform's when the number has none", async () => {
    const own = inbound("5491152638888");
    const { jobId } = await acceptTwilioWebhook(request(own, OWN_TWILIO_TOKEN), deps);
    expect((await queue.getJob(jobId))?.data).toMatchObject({ provider: "TWILIO", kind: "message", params: { To: own.To, Body: own.Body } });
    expect(await codeOf(acceptTwilioWebhook(request(own, env.TWILIO_AUTH_TOKEN), deps))).toBe("INVALID_SIGNATURE");

    const shared = inbound("5491152637777");
    await acceptTwilioWebhook(request(shared, env.TWILIO_AUTH_TOKEN), deps);
    expect(await codeOf(acceptTwilioWebhook(request(shared, OWN_TWILIO_TOKEN), deps))).toBe("INVALID_SIGNATURE");
    // A number nobody connected still verifies with the platform token (the worker drops it with a warning).
    await acceptTwilioWebhook(request(inbound("5491100000000"), env.TWILIO_AUTH_TOKEN), deps);
    expect(await jobCount()).toBe(3);
  });

  it("status callbacks: our number is From, the path is /status, redeliveries collapse", async () => {
    const fields = { MessageSid: "SM0123456789abcdef0123456789abcdef", AccountSid: "ACown0000000000000000000000000000",
      From: "whatsapp:+5491152638888", To: "whatsapp:+5491155550123", MessageStatus: "delivered", SmsStatus: "delivered",
      ChannelPrefix: "whatsapp", ApiVersion: "2010-04-01" };
    const req = request(fields, OWN_TWILIO_TOKEN, "status", "/api/webhooks/twilio/status");
    const first = await acceptTwilioWebhook(req, deps);
    const second = await acceptTwilioWebhook(req, deps);
    expect(second.jobId).toBe(first.jobId);
    expect((await queue.getJob(first.jobId))?.data).toMatchObject({ kind: "status", params: { MessageStatus: "delivered" } });
    // Signed for the messages URL but posted to /status: refused.
    const moved = { ...request(fields, OWN_TWILIO_TOKEN, "status"), path: "/api/webhooks/twilio/status", pathWithQuery: "/api/webhooks/twilio/status" };
    expect(await codeOf(acceptTwilioWebhook(moved, deps))).toBe("INVALID_SIGNATURE");
    expect(await jobCount()).toBe(1);
  });

  it("rejects a forged signature and keeps a signed form without MessageSid/AccountSid", async () => {
    const fields = inbound("5491152637777");
    const forged = { ...request(fields, env.TWILIO_AUTH_TOKEN), headers: new Headers({ "x-twilio-signature": "RSOYDt4T1cUTdK1PDd93/VVr8B8=" }) };
    expect(await codeOf(acceptTwilioWebhook(forged, deps))).toBe("INVALID_SIGNATURE");
    const noSid: Record<string, string> = { ...fields };
    delete noSid.MessageSid;
    expect(await codeOf(acceptTwilioWebhook(request(noSid, env.TWILIO_AUTH_TOKEN), deps))).toBe("VALIDATION_FAILED");
    const [rejected] = await listRejectedWebhooks({ redis });
    expect(rejected).toMatchObject({ provider: "TWILIO", reason: "missing MessageSid" });
    expect(rejected!.rawBody).toContain("Body=Hola%2C+se+me+rompi%C3%B3");
    expect(Object.keys(rejected!.headers)).not.toContain("x-twilio-signature");
    expect(await jobCount()).toBe(0);
  });
});
