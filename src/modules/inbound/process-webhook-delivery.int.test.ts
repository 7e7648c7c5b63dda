import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { adminQuery, resetDatabase } from "../../../database/testing/reset";
import { adminDb, db, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { applyParkedStatuses } from "./apply-parked-statuses";
import { closeConversationTurn } from "./close-conversation-turn";
import { contact, metaDelivery, metaEnvelope, NUMBERS, runDelivery, seedOrganization, ts, twilioDelivery } from "./inbound-test-kit";

const ORG = "org-in";
const CUSTOMER = "5491155550123";

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await seedOrganization(ORG);
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

const admin = () => adminDb();

function msg(id: string, type: string, payload: Record<string, unknown>, extra: Record<string, unknown> = {}, at = "2026-11-20T12:00:00Z") {
  return { from: CUSTOMER, id, timestamp: ts(at), type, ...(type in payload || Object.keys(payload).length === 0 ? payload : { [type]: payload }), ...extra };
}

async function outbound(waMessageId: string | null, status: "QUEUED" | "SENT" = "QUEUED") {
  const customer = await admin().customer.create({ data: { organizationId: ORG, phone: "+5491166660000", waId: "5491166660000", name: "Out" } });
  const conversation = await admin().whatsAppConversation.create({ data: { organizationId: ORG, customerId: customer.id } });
  return admin().whatsAppMessage.create({
    data: { organizationId: ORG, conversationId: conversation.id, waMessageId, direction: "OUTBOUND", type: "TEXT", content: { type: "text", body: "hola" }, status },
  });
}

describe("every inbound type", () => {
  it("stores each Meta message type with structured content, context and referral", async () => {
    const raw = metaEnvelope([{
      contacts: [contact(CUSTOMER)],
      messages: [
        msg("wamid.text", "text", { text: { body: "Hola, se me rompió el calefón" } }, { context: { from: NUMBERS.meta.display, id: "wamid.ours" } }),
        msg("wamid.image", "image", { id: "m-img", mime_type: "image/jpeg", sha256: "abc", caption: "Así está" }),
        msg("wamid.voice", "audio", { id: "m-aud", mime_type: "audio/ogg; codecs=opus", sha256: "abc", voice: true }),
        msg("wamid.video", "video", { id: "m-vid", mime_type: "video/mp4", sha256: "abc" }),
        msg("wamid.doc", "document", { id: "m-doc", mime_type: "application/pdf", sha256: "abc", filename: "factura.pdf" }),
        msg("wamid.sticker", "sticker", { id: "m-stk", mime_type: "image/webp", sha256: "abc", animated: false }),
        msg("wamid.loc", "location", { latitude: -34.6037, longitude: -58.3816, name: "Casa", address: "Av. Corrientes 1234" }),
        msg("wamid.contacts", "contacts", { contacts: [{ name: { formatted_name: "Juan Pérez" }, phones: [{ phone: "+54 9 11 5555-0199", wa_id: "5491155550199" }] }] }),
        msg("wamid.btn-reply", "interactive", { type: "button_reply", button_reply: { id: "si", title: "Sí" } }),
        msg("wamid.list-reply", "interactive", { type: "list_reply", list_reply: { id: "gas", title: "Gas", description: "Instalaciones" } }),
        msg("wamid.quick", "button", { payload: "CONFIRMAR", text: "Confirmar" }, { context: { from: NUMBERS.meta.display, id: "wamid.template" } }),
        msg("wamid.unsup", "unsupported", { type: "edit" }, { errors: [{ code: 131051, title: "Message type unknown", message: "Message type unknown", error_data: { details: "Message type is currently not supported." } }] }),
        msg("wamid.order", "order", { catalog_id: "cat1", text: "quiero esto", product_items: [{ product_retailer_id: "SKU1", quantity: 1, item_price: 100, currency: "ARS" }] }),
        { from: CUSTOMER, id: "wamid.welcome", timestamp: ts("2026-11-20T12:00:00Z"), type: "request_welcome" },
        msg("wamid.ad", "text", { text: { body: "Vi el anuncio" } }, { referral: { source_url: "https://fb.me/x", source_id: "ad1", source_type: "ad", headline: "Destapaciones 24 h", ctwa_clid: "clid1" } }),
        msg("wamid.system", "system", { body: "User changed number", wa_id: "5491155550999", type: "user_changed_number" }),
      ],
    }]);
    const { summary } = await runDelivery(metaDelivery(raw));
    expect(summary).toMatchObject({ messages: 16, duplicates: 0, unrouted: 0 });

    const rows = await withTenant(ORG, (tx) => tx.whatsAppMessage.findMany());
    const by = (id: string) => rows.find((r) => r.waMessageId === id)!;
    expect(by("wamid.text")).toMatchObject({ type: "TEXT", content: { body: "Hola, se me rompió el calefón" }, contextWaMessageId: "wamid.ours", direction: "INBOUND", status: "RECEIVED" });
    expect(by("wamid.image")).toMatchObject({ type: "IMAGE", content: { caption: "Así está" }, mediaProviderId: "m-img", mediaMimeType: "image/jpeg", mediaState: "PENDING" });
    expect(by("wamid.voice")).toMatchObject({ type: "AUDIO", content: { voice: true }, mediaProviderId: "m-aud" });
    expect(by("wamid.video")).toMatchObject({ type: "VIDEO", mediaProviderId: "m-vid" });
    expect(by("wamid.doc")).toMatchObject({ type: "DOCUMENT", content: { filename: "factura.pdf" } });
    expect(by("wamid.sticker")).toMatchObject({ type: "STICKER", content: { animated: false } });
    expect(by("wamid.loc")).toMatchObject({ type: "LOCATION", content: { latitude: -34.6037, longitude: -58.3816, name: "Casa", address: "Av. Corrientes 1234" } });
    expect(by("wamid.contacts").content).toMatchObject({ contacts: [{ name: { formatted_name: "Juan Pérez" } }] });
    expect(by("wamid.btn-reply")).toMatchObject({ type: "INTERACTIVE", content: { kind: "button_reply", id: "si", title: "Sí" } });
    expect(by("wamid.list-reply")).toMatchObject({ type: "INTERACTIVE", content: { kind: "list_reply", id: "gas", title: "Gas", description: "Instalaciones" } });
    expect(by("wamid.quick")).toMatchObject({ type: "BUTTON", content: { payload: "CONFIRMAR", text: "Confirmar" }, contextWaMessageId: "wamid.template" });
    expect(by("wamid.unsup")).toMatchObject({ type: "UNSUPPORTED", content: { unsupportedType: "edit" }, errors: [{ code: "131051", title: "Message type unknown" }] });
    expect(by("wamid.order")).toMatchObject({ type: "ORDER", content: { catalogId: "cat1", productItems: [{ product_retailer_id: "SKU1" }] } });
    expect(by("wamid.welcome")).toMatchObject({ type: "REQUEST_WELCOME" });
    expect(by("wamid.ad").referral).toMatchObject({ source_type: "ad", headline: "Destapaciones 24 h", ctwa_clid: "clid1" });
    expect(by("wamid.system")).toMatchObject({ type: "SYSTEM", content: { systemType: "user_changed_number", newWaId: "5491155550999" } });

    // One customer, one conversation; unread counts only the customer's own messages (not system/welcome).
    const conversations = await withTenant(ORG, (tx) => tx.whatsAppConversation.findMany());
    expect(conversations).toHaveLength(1);
    expect(conversations[0]!.unreadCount).toBe(14);
    expect(await withTenant(ORG, (tx) => tx.customer.findMany({ select: { name: true, profileName: true, phone: true } }))).toEqual([
      { name: "Martina Gómez", profileName: "Martina Gómez", phone: "+5491155550123" },
    ]);
  });

  it("maps Twilio form posts onto the same types", async () => {
    const base = { AccountSid: "ACsandbox00000000000000000000000000", From: `whatsapp:+${CUSTOMER}`, To: `whatsapp:+${NUMBERS.twilio.display}`, WaId: CUSTOMER, ProfileName: "Martina", NumMedia: "0", SmsStatus: "received", ApiVersion: "2010-04-01" };
    const posts: Record<string, string>[] = [
      { ...base, MessageSid: "SMtext", Body: "Hola \u00bfvienen hoy?", OriginalRepliedMessageSid: "SMours", ReferralSourceUrl: "https://fb.me/ad", ReferralSourceType: "ad", ReferralCtwaClid: "clid2" },
      { ...base, MessageSid: "MMimg", Body: "foto", NumMedia: "1", MediaUrl0: "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MMimg/Media/ME111", MediaContentType0: "image/jpeg", MessageType: "image" },
      { ...base, MessageSid: "MMaudio", NumMedia: "1", MediaUrl0: "https://api.twilio.com/x/Media/ME222", MediaContentType0: "audio/ogg" },
      { ...base, MessageSid: "SMloc", Latitude: "-34.6", Longitude: "-58.38", Address: "Corrientes 1234", Label: "Casa", MessageType: "location" },
      { ...base, MessageSid: "SMbtn", Body: "Sí", ButtonText: "Sí", ButtonPayload: "si", MessageType: "interactive" },
      { ...base, MessageSid: "SMquick", Body: "Confirmar", ButtonText: "Confirmar", ButtonPayload: "CONFIRMAR", MessageType: "button" },
      { ...base, MessageSid: "SMlist", Body: "Gas", ButtonText: "Gas", ButtonPayload: "gas", ListId: "gas", ListTitle: "Gas", MessageType: "interactive" },
    ];
    for (const post of posts) expect((await runDelivery(twilioDelivery("message", post))).summary.messages).toBe(1);
    const rows = await withTenant(ORG, (tx) => tx.whatsAppMessage.findMany());
    const by = (id: string) => rows.find((r) => r.waMessageId === id)!;
    expect(by("SMtext")).toMatchObject({ type: "TEXT", content: { body: "Hola ¿vienen hoy?" }, contextWaMessageId: "SMours", referral: { source_type: "ad", ctwa_clid: "clid2", source_url: "https://fb.me/ad" } });
    expect(by("MMimg")).toMatchObject({ type: "IMAGE", content: { caption: "foto" }, mediaUrl: expect.stringContaining("ME111"), mediaState: "PENDING" });
    expect(by("MMaudio")).toMatchObject({ type: "AUDIO", content: { voice: true } });
    expect(by("SMloc")).toMatchObject({ type: "LOCATION", content: { latitude: -34.6, longitude: -58.38, address: "Corrientes 1234", name: "Casa" } });
    expect(by("SMbtn")).toMatchObject({ type: "INTERACTIVE", content: { kind: "button_reply", id: "si", title: "Sí" } });
    expect(by("SMquick")).toMatchObject({ type: "BUTTON", content: { payload: "CONFIRMAR", text: "Confirmar" } });
    expect(by("SMlist")).toMatchObject({ type: "INTERACTIVE", content: { kind: "list_reply", id: "gas" } });
    const account = await admin().whatsAppBusinessAccount.findFirstOrThrow({ where: { bspProvider: "TWILIO" } });
    expect(new Set(rows.map((r) => r.accountId))).toEqual(new Set([account.id]));
  });
});

describe("batches and redelivery", () => {
  const batch = () =>
    metaEnvelope(
      [
        { contacts: [contact(CUSTOMER), contact("5493515550177", "Lucas")], messages: [msg("wamid.a1", "text", { text: { body: "uno" } }), { ...msg("wamid.b1", "text", { text: { body: "otro cliente" } }), from: "5493515550177" }] },
        { field: "account_update" },
      ],
      [
        { messages: [msg("wamid.a2", "text", { text: { body: "dos" } }, {}, "2026-11-20T12:00:05Z")], statuses: [
          { id: "wamid.out1", status: "sent", timestamp: ts("2026-11-20T12:00:01Z"), recipient_id: "5491166660000" },
          { id: "wamid.out1", status: "delivered", timestamp: ts("2026-11-20T12:00:02Z"), recipient_id: "5491166660000" },
        ] },
        { errors: [{ code: 130429, title: "Rate limit hit", message: "(#130429) Rate limit hit", error_data: { details: "Cloud API message throughput has been reached." } }] },
      ],
    );

  it("processes every entry, change, message, status and error of a batch", async () => {
    await outbound("wamid.out1");
    const { summary, events } = await runDelivery(metaDelivery(batch()));
    expect(summary).toMatchObject({ messages: 3, statuses: 2, errors: 1, ignoredFields: ["account_update"] });
    expect(await withTenant(ORG, (tx) => tx.whatsAppMessage.count({ where: { direction: "INBOUND" } }))).toBe(3);
    expect(await withTenant(ORG, (tx) => tx.customer.count())).toBe(3);
    const out = await withTenant(ORG, (tx) => tx.whatsAppMessage.findUniqueOrThrow({ where: { waMessageId: "wamid.out1" } }));
    expect(out.status).toBe("DELIVERED");
    const audit = await withTenant(ORG, (tx) => tx.auditLog.findMany({ where: { action: "whatsapp.webhook_error" } }));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.metadata).toMatchObject({ code: "130429", title: "Rate limit hit", details: "Cloud API message throughput has been reached." });
    expect(events.filter((e) => e.type === "message.created")).toHaveLength(3);
    expect(events.filter((e) => e.type === "message.status").map((e) => (e as { status: string }).status)).toEqual(["SENT", "DELIVERED"]);
  });

  it("an exact redelivery duplicates nothing: no row, no count, no event", async () => {
    await outbound("wamid.out1");
    const delivery = metaDelivery(batch());
    await runDelivery(delivery);
    const snapshot = async () =>
      withTenant(ORG, async (tx) => ({
        messages: await tx.whatsAppMessage.count(),
        history: await tx.whatsAppStatusEvent.count(),
        unread: (await tx.whatsAppConversation.findMany({ orderBy: { id: "asc" }, select: { unreadCount: true } })).map((c) => c.unreadCount),
        audit: await tx.auditLog.count(),
      }));
    const before = await snapshot();
    const again = await runDelivery(delivery);
    expect(await snapshot()).toEqual(before);
    expect(again.summary).toMatchObject({ messages: 0, duplicates: 3 });
    expect(again.events).toEqual([]);
    // Only idempotent jobs are re-offered, under the same ids as the first time.
    const first = new Set((await runDelivery(delivery)).jobs.map((j) => j.jobId));
    for (const job of again.jobs) expect(first.has(job.jobId)).toBe(true);
  });

  it("decodes Meta's escaped unicode (the bytes it signs) into the text people wrote", async () => {
    const raw = metaEnvelope([{ contacts: [contact(CUSTOMER, "José Núñez")], messages: [msg("wamid.uni", "text", { text: { body: "¿Vienen mañana? Está goteando 😅 / ñandú" } })] }]);
    expect(raw).toContain("\\u00bfVienen ma\\u00f1ana");
    expect(raw).toContain("\\ud83d\\ude05");
    await runDelivery(metaDelivery(raw));
    const row = await withTenant(ORG, (tx) => tx.whatsAppMessage.findUniqueOrThrow({ where: { waMessageId: "wamid.uni" } }));
    expect(row.content).toEqual({ body: "¿Vienen mañana? Está goteando 😅 / ñandú" });
    expect((await withTenant(ORG, (tx) => tx.customer.findFirstOrThrow())).profileName).toBe("José Núñez");
  });
});

describe("routing", () => {
  it("drops and records a number no organization owns, without touching any tenant", async () => {
    const raw = metaEnvelope([{ phoneNumberId: "999999999999999", display: "541100000000", contacts: [contact(CUSTOMER)], messages: [msg("wamid.lost", "text", { text: { body: "hola" } })] }]);
    const delivery = metaDelivery(raw);
    const { summary } = await runDelivery(delivery);
    await runDelivery(delivery);
    expect(summary).toMatchObject({ unrouted: 1, messages: 0 });
    expect(await admin().whatsAppMessage.count()).toBe(0);
    const rows = await adminQuery<{ provider: string; phoneNumberId: string; deliveries: number }>(env.DATABASE_ADMIN_URL, `SELECT provider, "phoneNumberId", deliveries FROM "UnroutedWebhookNumber"`);
    expect(rows).toEqual([{ provider: "META_DIRECT", phoneNumberId: "999999999999999", deliveries: 1 }]);
    // The application role cannot read the table directly (RLS on, no policy).
    expect(await db.$queryRawUnsafe(`SELECT * FROM "UnroutedWebhookNumber"`)).toEqual([]);
  });

  it("never routes an unknown phone_number_id by a display number that belongs to a registered id", async () => {
    const raw = metaEnvelope([{ phoneNumberId: "999999999999999", display: NUMBERS.meta.display, contacts: [contact(CUSTOMER)], messages: [msg("wamid.x", "text", { text: { body: "hola" } })] }]);
    expect((await runDelivery(metaDelivery(raw))).summary.unrouted).toBe(1);
  });

  it("360dialog: routes only to the organization in the URL", async () => {
    await seedOrganization("org-other", { cuit: "20267565393", withAccounts: false });
    const raw = metaEnvelope([{ phoneNumberId: NUMBERS.dialog360.phoneNumberId, display: NUMBERS.dialog360.display, contacts: [contact(CUSTOMER)], messages: [msg("wamid.d360", "text", { text: { body: "hola" } })] }]);
    expect((await runDelivery(metaDelivery(raw, "DIALOG_360", "org-other"))).summary).toMatchObject({ unrouted: 1, messages: 0 });
    expect((await runDelivery(metaDelivery(raw, "DIALOG_360", ORG))).summary).toMatchObject({ unrouted: 0, messages: 1 });
    const row = await withTenant(ORG, (tx) => tx.whatsAppMessage.findUniqueOrThrow({ where: { waMessageId: "wamid.d360" } }));
    const account = await admin().whatsAppBusinessAccount.findFirstOrThrow({ where: { bspProvider: "DIALOG_360" } });
    expect(row.accountId).toBe(account.id);
  });
});

describe("customers", () => {
  it("549… and 54… are the same customer; waId follows what the provider reported last", async () => {
    await runDelivery(metaDelivery(metaEnvelope([{ contacts: [contact("5491155550123", "Martina")], messages: [{ ...msg("wamid.c1", "text", { text: { body: "a" } }), from: "5491155550123" }] }])));
    await runDelivery(metaDelivery(metaEnvelope([{ contacts: [contact("541155550123", "Martina G.")], messages: [{ ...msg("wamid.c2", "text", { text: { body: "b" } }), from: "541155550123" }] }])));
    await runDelivery(twilioDelivery("message", { MessageSid: "SMc3", From: "whatsapp:+5491155550123", To: `whatsapp:+${NUMBERS.twilio.display}`, WaId: "5491155550123", Body: "c", NumMedia: "0" }));
    const customers = await withTenant(ORG, (tx) => tx.customer.findMany());
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ phone: "+5491155550123", waId: "5491155550123", profileName: "Martina G." });
    expect(await withTenant(ORG, (tx) => tx.whatsAppConversation.count())).toBe(1);
  });

  it("supports username-only contacts (business-scoped user id, no wa_id) and links the phone when it appears", async () => {
    const userId = "AR.13491208655302741918";
    const raw = metaEnvelope([{
      contacts: [{ profile: { name: "Caro", username: "@caro" }, user_id: userId }],
      messages: [{ from_user_id: userId, id: "wamid.u1", timestamp: ts("2026-11-20T12:00:00Z"), type: "text", text: { body: "hola" } }],
    }]);
    await runDelivery(metaDelivery(raw));
    let customer = await withTenant(ORG, (tx) => tx.customer.findFirstOrThrow());
    expect(customer).toMatchObject({ phone: null, waId: null, waUserId: userId, profileName: "Caro" });
    await runDelivery(metaDelivery(metaEnvelope([{
      contacts: [{ profile: { name: "Caro" }, wa_id: "5493415550100", user_id: userId }],
      messages: [{ from: "5493415550100", from_user_id: userId, id: "wamid.u2", timestamp: ts("2026-11-20T12:01:00Z"), type: "text", text: { body: "otra" } }],
    }])));
    customer = await withTenant(ORG, (tx) => tx.customer.findFirstOrThrow());
    expect(customer).toMatchObject({ phone: "+5493415550100", waUserId: userId });
    expect(await withTenant(ORG, (tx) => tx.customer.count())).toBe(1);
  });
});

describe("conversation window and reactions", () => {
  it("windowExpiresAt = the customer's last message + 24 h, never moved back by a late old message", async () => {
    await runDelivery(metaDelivery(metaEnvelope([{ contacts: [contact(CUSTOMER)], messages: [msg("wamid.w2", "text", { text: { body: "nuevo" } }, {}, "2026-11-20T15:00:00Z")] }])));
    await runDelivery(metaDelivery(metaEnvelope([{ contacts: [contact(CUSTOMER)], messages: [msg("wamid.w1", "text", { text: { body: "viejo" } }, {}, "2026-11-20T09:00:00Z")] }])));
    const conversation = await withTenant(ORG, (tx) => tx.whatsAppConversation.findFirstOrThrow());
    expect(conversation.windowExpiresAt?.toISOString()).toBe("2026-11-21T15:00:00.000Z");
    expect(conversation.lastInboundAt?.toISOString()).toBe("2026-11-20T15:00:00.000Z");
    expect(conversation.lastMessageAt?.toISOString()).toBe("2026-11-20T15:00:00.000Z");
    expect(conversation).toMatchObject({ unreadCount: 2, status: "OPEN" });
    await runDelivery(metaDelivery(metaEnvelope([{ contacts: [contact(CUSTOMER)], messages: [msg("wamid.w3", "text", { text: { body: "más nuevo" } }, {}, "2026-11-21T10:30:00Z")] }])));
    expect((await withTenant(ORG, (tx) => tx.whatsAppConversation.findFirstOrThrow())).windowExpiresAt?.toISOString()).toBe("2026-11-22T10:30:00.000Z");
  });

  it("a reaction links to its target; an empty emoji removes it; redelivering the add does not bring it back", async () => {
    await runDelivery(metaDelivery(metaEnvelope([{ contacts: [contact(CUSTOMER)], messages: [msg("wamid.target", "text", { text: { body: "mirá" } })] }])));
    const add = metaDelivery(metaEnvelope([{ contacts: [contact(CUSTOMER)], messages: [msg("wamid.r1", "reaction", { message_id: "wamid.target", emoji: "👍" }, {}, "2026-11-20T12:01:00Z")] }]));
    await runDelivery(add);
    const target = await withTenant(ORG, (tx) => tx.whatsAppMessage.findUniqueOrThrow({ where: { waMessageId: "wamid.target" } }));
    expect(await withTenant(ORG, (tx) => tx.whatsAppReaction.findMany({ select: { emoji: true, messageId: true } }))).toEqual([{ emoji: "👍", messageId: target.id }]);
    await runDelivery(metaDelivery(metaEnvelope([{ contacts: [contact(CUSTOMER)], messages: [msg("wamid.r2", "reaction", { message_id: "wamid.target", emoji: "❤️" }, {}, "2026-11-20T12:02:00Z")] }])));
    expect(await withTenant(ORG, (tx) => tx.whatsAppReaction.findMany({ select: { emoji: true } }))).toEqual([{ emoji: "❤️" }]);
    await runDelivery(metaDelivery(metaEnvelope([{ contacts: [contact(CUSTOMER)], messages: [msg("wamid.r3", "reaction", { message_id: "wamid.target" }, {}, "2026-11-20T12:03:00Z")] }])));
    expect(await withTenant(ORG, (tx) => tx.whatsAppReaction.count())).toBe(0);
    await runDelivery(add);
    expect(await withTenant(ORG, (tx) => tx.whatsAppReaction.count())).toBe(0);
    // Reactions are not unread messages.
    expect((await withTenant(ORG, (tx) => tx.whatsAppConversation.findFirstOrThrow())).unreadCount).toBe(1);
  });
});

describe("statuses of our outbound messages", () => {
  const statuses = (...items: Array<[string, string, Record<string, unknown>?]>) =>
    metaDelivery(metaEnvelope([{ statuses: items.map(([status, at, extra]) => ({ id: "wamid.out", status, timestamp: ts(at), recipient_id: "5491166660000", ...extra })) }]));

  it("read before delivered fills delivered; late statuses never downgrade; history keeps provider times", async () => {
    const message = await outbound("wamid.out");
    await runDelivery(statuses(["read", "2026-11-20T12:00:03Z"]));
    await runDelivery(statuses(["delivered", "2026-11-20T12:00:02Z"], ["sent", "2026-11-20T12:00:01Z"]));
    const row = await withTenant(ORG, (tx) => tx.whatsAppMessage.findUniqueOrThrow({ where: { id: message.id } }));
    expect(row.status).toBe("READ");
    const history = await withTenant(ORG, (tx) => tx.whatsAppStatusEvent.findMany({ where: { messageId: message.id }, orderBy: { status: "asc" } }));
    expect(history.map((h) => [h.status, h.inferred, h.providerTimestamp.toISOString()])).toEqual([
      ["SENT", true, "2026-11-20T12:00:03.000Z"],
      ["DELIVERED", true, "2026-11-20T12:00:03.000Z"],
      ["READ", false, "2026-11-20T12:00:03.000Z"],
    ]);
  });

  it("played counts as read; failed keeps the provider's code and title; a late failure after delivery changes nothing", async () => {
    const played = await outbound("wamid.out");
    const { events } = await runDelivery(statuses(["played", "2026-11-20T12:00:05Z"]));
    expect((await admin().whatsAppMessage.findUniqueOrThrow({ where: { id: played.id } })).status).toBe("READ");
    expect(events).toHaveLength(1);
    await runDelivery(statuses(["failed", "2026-11-20T12:00:06Z", { errors: [{ code: 131026, title: "Message undeliverable" }] }]));
    expect((await admin().whatsAppMessage.findUniqueOrThrow({ where: { id: played.id } })).status).toBe("READ");

    await resetDatabase(env.DATABASE_ADMIN_URL);
    await seedOrganization(ORG);
    const failing = await outbound("wamid.out");
    await runDelivery(statuses(["sent", "2026-11-20T12:00:01Z"], ["failed", "2026-11-20T12:00:02Z", { errors: [{ code: 131047, title: "Re-engagement message", message: "Re-engagement message" }] }]));
    await runDelivery(statuses(["delivered", "2026-11-20T12:00:03Z"]));
    expect(await admin().whatsAppMessage.findUniqueOrThrow({ where: { id: failing.id } })).toMatchObject({ status: "FAILED", errorCode: "131047", errorTitle: "Re-engagement message" });
  });

  it("Twilio statuses map onto the same machine (undelivered = failed with ErrorCode)", async () => {
    const message = await outbound("SMout");
    const post = (MessageStatus: string, extra: Record<string, string> = {}) =>
      twilioDelivery("status", { MessageSid: "SMout", MessageStatus, From: `whatsapp:+${NUMBERS.twilio.display}`, To: "whatsapp:+5491166660000", ...extra });
    await runDelivery(post("queued"));
    await runDelivery(post("sent"));
    await runDelivery(post("undelivered", { ErrorCode: "63016" }));
    expect(await admin().whatsAppMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "FAILED", errorCode: "63016" });
  });

  it("parks a status for an unknown message id and applies it when the message gets that id", async () => {
    const { summary } = await runDelivery(statuses(["delivered", "2026-11-20T12:00:02Z"], ["sent", "2026-11-20T12:00:01Z"]));
    expect(summary.parked).toBe(2);
    await runDelivery(statuses(["delivered", "2026-11-20T12:00:02Z"]));
    expect(await withTenant(ORG, (tx) => tx.whatsAppParkedStatus.count())).toBe(2);
    const message = await outbound(null);
    const applied = await withTenant(ORG, async (tx) => {
      await tx.whatsAppMessage.update({ where: { id: message.id }, data: { waMessageId: "wamid.out" } });
      return applyParkedStatuses(tx, "wamid.out");
    });
    expect(applied.applied).toBe(2);
    expect(applied.events).toMatchObject([{ type: "message.status", status: "DELIVERED", messageId: message.id }]);
    expect((await admin().whatsAppMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("DELIVERED");
    expect(await withTenant(ORG, (tx) => tx.whatsAppParkedStatus.count())).toBe(0);
    expect(await withTenant(ORG, (tx) => tx.whatsAppStatusEvent.count({ where: { messageId: message.id } }))).toBe(2);
  });
});

describe("aggregation turns", () => {
  it("a burst becomes one turn when the window closes; a later message starts the next", async () => {
    const send = (id: string, at: string) =>
      runDelivery(metaDelivery(metaEnvelope([{ contacts: [contact(CUSTOMER)], messages: [msg(id, "text", { text: { body: id } }, {}, at)] }])), { aggregationWindowMs: 25 });
    const first = await send("wamid.t1", "2026-11-20T12:00:00Z");
    await new Promise((r) => setTimeout(r, 5));
    const second = await send("wamid.t2", "2026-11-20T12:00:02Z");
    const turnJobs = [...first.jobs, ...second.jobs].filter((j) => j.name === "conversation.close-turn");
    expect(turnJobs.map((j) => j.delayMs)).toEqual([25, 25]);
    const run = (job: (typeof turnJobs)[number]) => withTenant(ORG, (tx) => closeConversationTurn(tx, job.payload as never));
    // t1's window saw t2 arrive: nothing to close yet. t2's window was quiet: one turn with both.
    expect((await run(turnJobs[0]!)).turnId).toBeNull();
    const closed = await run(turnJobs[1]!);
    expect(closed.events).toMatchObject([{ type: "conversation.turn", messageIds: expect.any(Array) }]);
    expect((closed.events[0] as { messageIds: string[] }).messageIds).toHaveLength(2);
    expect((await run(turnJobs[1]!)).turnId).toBeNull();
    const third = await send("wamid.t3", "2026-11-20T12:05:00Z");
    const next = await run(third.jobs.find((j) => j.name === "conversation.close-turn")!);
    expect(next.turnId).not.toBeNull();
    const turns = await withTenant(ORG, (tx) => tx.conversationTurn.findMany({ orderBy: { closedAt: "asc" }, select: { messageCount: true } }));
    expect(turns).toEqual([{ messageCount: 2 }, { messageCount: 1 }]);
  });
});
