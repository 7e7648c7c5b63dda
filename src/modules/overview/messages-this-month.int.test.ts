import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { encryptJson } from "../../lib/crypto";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { sendMessage } from "../messaging/send-message";
import { getWhatsAppUsage } from "../whatsapp-accounts/get-whatsapp-usage";
import { getOverview } from "./get-overview";

// The overview said 1 message sent this month while the usage page said 4: each counted its own way. Both now
// read countMessagesThisMonth, so the same messages give the same number on both surfaces.
const ORG = "mtm-org";
const redis = new Redis(env.REDIS_URL);

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Gas Norte", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.whatsAppBusinessAccount.create({
    data: { id: "mtm-wa", organizationId: ORG, bspProvider: "META_DIRECT", phoneNumberId: "400000000000001", displayPhoneNumber: "541152630000", credentialsEncrypted: encryptJson({ accessToken: "x".repeat(20) }), credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE" },
  });
  const user = await admin.user.create({ data: { organizationId: ORG, phone: "+5491141000001", name: "Tomás", role: "TECHNICIAN" } });
  const windowExpiresAt = new Date(Date.now() + 20 * 3600_000);
  // Two customers and one staff member (whose alerts go out through the same engine and count against the plan).
  for (const [i, staffUserId] of [[0, null], [1, null], [2, user.id]] as const) {
    const phone = `+54911555500${i}0`;
    await admin.customer.create({ data: { id: `mtm-c${i}`, organizationId: ORG, ...(staffUserId ? { waId: phone.slice(1), staffUserId } : { phone, waId: phone.slice(1) }), name: `Persona ${i}` } });
    await admin.whatsAppConversation.create({ data: { id: `mtm-conv${i}`, organizationId: ORG, customerId: `mtm-c${i}`, accountId: "mtm-wa", windowExpiresAt, lastInboundAt: new Date() } });
  }
});
afterAll(async () => {
  await redis.quit();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

describe("messages sent this month", () => {
  it("is the same number on the overview and on the WhatsApp usage meter", async () => {
    const text = (body: string) => ({ type: "text" as const, body });
    await sendMessage({ organizationId: ORG, conversationId: "mtm-conv0", content: text("Hola, ¿cómo va?") });
    await sendMessage({ organizationId: ORG, conversationId: "mtm-conv1", content: text("Te confirmo el turno") });
    await sendMessage({ organizationId: ORG, conversationId: "mtm-conv2", content: text("Nuevo trabajo asignado"), purpose: "notification" });
    // A login code is an obligation of the platform, never usage: neither surface counts it.
    await sendMessage({ organizationId: ORG, conversationId: "mtm-conv2", content: text("Tu código es 123456"), purpose: "authentication" });
    // One customer message went as far as being read.
    const read = await sendMessage({ organizationId: ORG, conversationId: "mtm-conv0", content: text("¿Te sirve a las 15?") });
    await adminDb().whatsAppMessage.update({ where: { id: read.id }, data: { status: "READ" } });

    const { overview, usage } = await withTenant(ORG, async (tx) => ({
      overview: await getOverview(tx, { organizationId: ORG }),
      usage: await getWhatsAppUsage(tx, { organizationId: ORG }),
    }));
    expect(usage.messages.used).toBe(4);
    expect(overview.messagesThisMonth.sent).toBe(usage.messages.used);
    expect(overview.messagesThisMonth).toMatchObject({ delivered: 1, read: 1, failed: 0 });
  });
});
