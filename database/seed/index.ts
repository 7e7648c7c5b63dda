import type { Database } from "../src/client";
import {
  DEMO_ARCA,
  DEMO_CONVERSATIONS,
  DEMO_CUSTOMERS,
  DEMO_ORG,
  DEMO_PRICE_LIST,
  DEMO_QUICK_REPLIES,
  DEMO_SCHEDULES,
  DEMO_DIALOG360_ACCOUNT,
  DEMO_TEMPLATES,
  DEMO_TWILIO_ACCOUNT,
  DEMO_USERS,
  DEMO_WHATSAPP_ACCOUNT,
} from "./demo-data";

export {
  DEMO_ARCA,
  DEMO_ORG,
  DEMO_USERS,
  DEMO_CUSTOMERS,
  DEMO_WHATSAPP_ACCOUNT,
  DEMO_DIALOG360_ACCOUNT,
  DEMO_TWILIO_ACCOUNT,
} from "./demo-data";

export type SeedSummary = { organizationId: string; users: number; customers: number; priceListItems: number; templates: number };

// Idempotent: every row has a fixed id and is upserted; sealed credentials are only written on first creation.
// Runs on the admin connection. `seal` encrypts provider credentials (JSON) and `sealSecret` a plain secret such as a
// webhook secret (passed in to keep this package free of core: encryptJson / encryptSecret).
export async function seedDemo(
  admin: Database,
  deps: { seal: (value: unknown) => string; sealSecret: (plaintext: string) => string; now?: Date },
): Promise<SeedSummary> {
  const now = deps.now ?? new Date();
  const org = await admin.organization.upsert({
    where: { id: DEMO_ORG.id },
    create: { ...DEMO_ORG, settings: DEMO_ORG.settings },
    update: { name: DEMO_ORG.name, tier: DEMO_ORG.tier, settings: DEMO_ORG.settings },
  });
  for (const user of DEMO_USERS) {
    await admin.user.upsert({
      where: { id: user.id },
      create: { ...user, organizationId: org.id },
      update: { name: user.name, role: user.role, phone: user.phone, isActive: true },
    });
  }
  for (const customer of DEMO_CUSTOMERS) {
    await admin.customer.upsert({
      where: { id: customer.id },
      create: { ...customer, waId: customer.phone.slice(1), profileName: customer.name, organizationId: org.id },
      update: { name: customer.name, address: customer.address, city: customer.city },
    });
  }
  // Fiscal data only: the certificate is installed by `campotech arca sandbox-connect` (or by the owner).
  await admin.arcaConnection.upsert({ where: { organizationId: org.id }, create: { ...DEMO_ARCA, organizationId: org.id }, update: DEMO_ARCA });
  for (const item of DEMO_PRICE_LIST) {
    const data = { ...item, keywords: [...item.keywords] };
    await admin.priceListItem.upsert({
      where: { organizationId_code: { organizationId: org.id, code: item.code } },
      create: { ...data, organizationId: org.id },
      update: data,
    });
  }
  // Created once: edits made in the dashboard survive a re-seed.
  for (const reply of DEMO_QUICK_REPLIES) {
    await admin.quickReply.upsert({
      where: { organizationId_shortcut: { organizationId: org.id, shortcut: reply.shortcut } },
      create: { ...reply, organizationId: org.id, createdById: "demo-user-owner" },
      update: {},
    });
  }
  // The demo conversations belong to the Meta number.
  const account = { id: DEMO_WHATSAPP_ACCOUNT.id };
  for (const { credentials: secrets, webhookSecret, ...row } of [
    { ...DEMO_WHATSAPP_ACCOUNT, webhookSecret: undefined },
    DEMO_DIALOG360_ACCOUNT,
    { ...DEMO_TWILIO_ACCOUNT, webhookSecret: undefined },
  ]) {
    const sealed = deps.seal(secrets);
    const sealedWebhookSecret = webhookSecret ? deps.sealSecret(webhookSecret) : null;
    await admin.whatsAppBusinessAccount.upsert({
      where: { id: row.id },
      create: {
        ...row,
        organizationId: org.id,
        credentialsEncrypted: sealed,
        credentialsKeyId: sealed.split(".")[1] ?? "unknown",
        webhookSecretEncrypted: sealedWebhookSecret,
        provisioningStatus: "ACTIVE",
      },
      update: {},
    });
  }
  for (const schedule of DEMO_SCHEDULES) {
    const data = { workingHours: schedule.workingHours, travelBufferMinutes: schedule.travelBufferMinutes };
    await admin.technicianSchedule.upsert({ where: { userId: schedule.userId }, create: { ...data, organizationId: org.id, userId: schedule.userId }, update: data });
  }
  for (const template of DEMO_TEMPLATES) {
    const components = [{ type: "BODY", text: template.body }];
    await admin.waTemplate.upsert({
      where: { organizationId_name_language: { organizationId: org.id, name: template.name, language: "es_AR" } },
      create: { organizationId: org.id, name: template.name, category: template.category, status: "APPROVED", components },
      update: { category: template.category, status: "APPROVED", components },
    });
  }
  for (const conversation of DEMO_CONVERSATIONS) {
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
    const inbound = conversation.messages.filter((m) => m.direction === "INBOUND");
    const lastInbound = at(Math.min(...inbound.map((m) => m.minutesAgo)));
    const last = at(Math.min(...conversation.messages.map((m) => m.minutesAgo)));
    const fields = {
      status: "OPEN" as const,
      accountId: account.id,
      lastMessageAt: last,
      lastInboundAt: lastInbound,
      windowExpiresAt: new Date(lastInbound.getTime() + 24 * 3600_000),
      unreadCount: conversation.messages.at(-1)?.direction === "INBOUND" ? 1 : 0,
    };
    await admin.whatsAppConversation.upsert({
      where: { id: conversation.id },
      create: { id: conversation.id, organizationId: org.id, customerId: conversation.customerId, ...fields },
      update: fields,
    });
    for (const message of conversation.messages) {
      const createdAt = at(message.minutesAgo);
      await admin.whatsAppMessage.upsert({
        where: { id: message.id },
        create: {
          id: message.id,
          organizationId: org.id,
          conversationId: conversation.id,
          waMessageId: message.waMessageId,
          direction: message.direction,
          type: "TEXT",
          // The shapes the pipeline stores: inbound text as { body }, outbound as the engine's { type, body, preview }.
          content: message.direction === "INBOUND" ? { body: message.text } : { type: "text", body: message.text, preview: message.text },
          status: message.direction === "INBOUND" ? "RECEIVED" : "READ",
          providerTimestamp: createdAt,
          createdAt,
        },
        update: { createdAt, providerTimestamp: createdAt, content: message.direction === "INBOUND" ? { body: message.text } : { type: "text", body: message.text, preview: message.text } },
      });
    }
  }
  await countSeededOutbound(admin, account.id, now);
  // issue 20 (stats): the demo owner is a platform operator, so `npm start` shows /operador (statistics, queues).
  await admin.user.update({ where: { id: "demo-user-owner" }, data: { platformOperator: true } });
  return {
    organizationId: org.id,
    users: DEMO_USERS.length,
    customers: DEMO_CUSTOMERS.length,
    priceListItems: DEMO_PRICE_LIST.length,
    templates: DEMO_TEMPLATES.length,
  };
}

// The outbound engine counts every message it accepts against the plan (the overview and the usage meter read that
// counter), so the demo's replies are counted too, or the overview would show fewer sent than delivered. Re-seeding
// never counts them twice: the counter only rises to the seeded number within the current Buenos Aires month.
async function countSeededOutbound(admin: Database, accountId: string, now: Date): Promise<void> {
  const local = new Date(now.getTime() - 3 * 3600_000); // Argentina has no DST: UTC−3 all year.
  const periodStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1, 3));
  const messages: readonly { direction: string; minutesAgo: number }[] = DEMO_CONVERSATIONS.flatMap((c): readonly { direction: string; minutesAgo: number }[] => c.messages);
  const seeded = messages.filter((m) => m.direction === "OUTBOUND" && now.getTime() - m.minutesAgo * 60_000 >= periodStart.getTime()).length;
  await admin.$executeRaw`
    UPDATE "WhatsAppBusinessAccount"
    SET "monthlyMessageCount" = CASE WHEN "usagePeriodStart" >= ${periodStart} THEN GREATEST("monthlyMessageCount", ${seeded}) ELSE ${seeded} END,
        "usagePeriodStart" = GREATEST("usagePeriodStart", ${periodStart})
    WHERE id = ${accountId}`;
}
