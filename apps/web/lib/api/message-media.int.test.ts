import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { getMediaStorage } from "@campotech/core/modules/media";
import { call } from "./api-test-kit";
import { getMessageEndpoint, getMessageMediaEndpoint } from "./endpoints/messages";

const ORG = "media-org";
const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
let bearer: Record<string, string>;

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Media", cuit: "30712345671", tier: "PROFESIONAL" } });
  const user = await admin.user.create({ data: { organizationId: ORG, phone: "+5491140001111", name: "Laura", role: "DISPATCHER" } });
  await admin.customer.create({ data: { id: "m-cust", organizationId: ORG, phone: "+5491155551111", name: "Cliente" } });
  await admin.whatsAppConversation.create({ data: { id: "m-conv", organizationId: ORG, customerId: "m-cust" } });
  const key = `${ORG}/test/m-stored.jpg`;
  await getMediaStorage().put(key, bytes, "image/jpeg");
  const base = { organizationId: ORG, conversationId: "m-conv", direction: "INBOUND" as const, type: "IMAGE" as const, content: { image: {} }, status: "RECEIVED" as const, mediaMimeType: "image/jpeg" };
  await admin.whatsAppMessage.create({ data: { ...base, id: "m-stored", waMessageId: "wamid.m1", mediaStorageKey: key, mediaState: "STORED" } });
  await admin.whatsAppMessage.create({ data: { ...base, id: "m-pending", waMessageId: "wamid.m2", mediaState: "PENDING" } });
  bearer = { authorization: `Bearer ${issueAccessToken({ id: user.id, organizationId: ORG, role: "DISPATCHER" }).token}` };
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("message media", () => {
  it("links stored media from the message and streams the exact bytes with its type", async () => {
    const message = await (await call(getMessageEndpoint, { params: { id: "m-stored" }, headers: bearer })).json();
    expect(message.media).toEqual({ url: "/api/whatsapp/messages/m-stored/media", mimeType: "image/jpeg", state: "STORED", caption: null, filename: null });
    const response = await call(getMessageMediaEndpoint, { params: { id: "m-stored" }, headers: bearer });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it("answers 404 with the reason while the file is still downloading, and 401 without a session", async () => {
    const message = await (await call(getMessageEndpoint, { params: { id: "m-pending" }, headers: bearer })).json();
    expect(message.media).toEqual({ url: null, mimeType: "image/jpeg", state: "PENDING", caption: null, filename: null });
    const pending = await call(getMessageMediaEndpoint, { params: { id: "m-pending" }, headers: bearer });
    expect(pending.status).toBe(404);
    expect((await pending.json()).error.message).toBe("El archivo todavía no está disponible.");
    expect((await call(getMessageMediaEndpoint, { params: { id: "m-stored" } })).status).toBe(401);
  });
});
