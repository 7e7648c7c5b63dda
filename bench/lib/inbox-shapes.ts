import { Prisma, type SqlTx } from "@campotech/database";

// The requests the inbox bench times: every filter and search kind GET /api/whatsapp/conversations accepts, and a
// thread's messages. Terms are picked from the seed (bench/lib/inbox-seed.sql) to span match rates: "hola" is in about
// a third of the messages, "calefón" in 1 of 36, "los aromos" in 1 of 6,000, "xilófono" in none (the worst case for an
// ordered scan: it reads everything and finds nothing).
export type Shape = { name: string; call: (tx: SqlTx) => Promise<unknown> };
type Run = <T>(fn: (tx: SqlTx) => Promise<T>) => Promise<T>;

const cursor = (value: Record<string, string>) => Buffer.from(JSON.stringify(value)).toString("base64url");

export async function inboxShapes(org: string, run: Run): Promise<Shape[]> {
  const { listConversations, listMessages } = await import("@campotech/core/modules/conversations");
  const owner = { userId: `${org}-u0`, role: "OWNER" as const };
  const technician = { userId: `${org}-u7`, role: "TECHNICIAN" as const };
  // Row 1,000 of the inbox order and message 2,500 of the long thread (newest first): the deep pages' cursors.
  const [deep] = await run((tx) => tx.query<{ id: string; at: string }>(Prisma.sql`
    SELECT c."id", to_char(coalesce(c."lastMessageAt", c."createdAt"), 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at"
    FROM "WhatsAppConversation" c WHERE c."deletedAt" IS NULL
    ORDER BY coalesce(c."lastMessageAt", c."createdAt") DESC, c."id" DESC OFFSET 999 LIMIT 1`));
  const longThread = `${org}-c1`;
  const [deepMessage] = await run((tx) => tx.query<{ id: string }>(Prisma.sql`
    SELECT "id" FROM "WhatsAppMessage" WHERE "conversationId" = ${longThread} ORDER BY "createdAt" DESC, "id" DESC OFFSET 2499 LIMIT 1`));
  const [phone] = await run((tx) => tx.query<{ phone: string }>(Prisma.sql`SELECT "phone" FROM "Customer" WHERE "id" = ${`${org}-cu54321`}`));
  if (!deep || !deepMessage || !phone) throw new Error("the bench organization is not seeded");

  const list = (name: string, input: Parameters<typeof listConversations>[2], viewer: Parameters<typeof listConversations>[1] = owner): Shape => ({ name, call: (tx) => listConversations(tx, viewer, input) });
  return [
    list("list: default (25 newest)", {}),
    list("list: page after 1,000 rows (cursor)", { cursor: cursor({ at: deep.at, id: deep.id }) }),
    list("list: status=OPEN", { status: "OPEN" }),
    list("list: status=PENDING", { status: "PENDING" }),
    list("list: status=CLOSED", { status: "CLOSED" }),
    list("list: unread", { unread: true }),
    list("list: assignedTo=me", { assignedTo: "me" }),
    list("list: assignedTo=none", { assignedTo: "none" }),
    list("list: assignedTo=<technician>", { assignedTo: `${org}-u7` }),
    list("list: window=open", { window: "open" }),
    list("list: window=closed", { window: "closed" }),
    list("list: emergency", { emergency: true }),
    list("list: as a technician (own conversations only)", {}, technician),
    list("search: name, common (\"gomez\")", { search: "gomez" }),
    list("search: name, rare (\"Iñaki Zárate\")", { search: "Iñaki Zárate" }),
    list(`search: phone digits, full (${phone.phone})`, { search: phone.phone }),
    list("search: phone digits, area code (\"351 1\")", { search: "351 1" }),
    list("search: message words, very common (\"hola\")", { search: "hola" }),
    list("search: message words, common (\"calefon\")", { search: "calefon" }),
    list("search: message words, rare (\"los aromos\")", { search: "los aromos" }),
    list("search: no match anywhere (\"xilófono\")", { search: "xilófono" }),
    list("search + filter (\"calefon\", unread)", { search: "calefon", unread: true }),
    // A common term that the filter's newest rows hardly hold: the case neither the walk nor the candidates answer.
    list("search + filter (\"calefon\", status=PENDING)", { search: "calefon", status: "PENDING" }),
    list("search + filter (\"calefon\", emergency)", { search: "calefon", emergency: true }),
    list("search + filter (\"gomez\", assignedTo=<technician>)", { search: "gomez", assignedTo: `${org}-u7` }),
    list("search + filter (\"calefon\", as a technician)", { search: "calefon" }, technician),
    list("search + cursor (\"calefon\", after 1,000 rows)", { search: "calefon", cursor: cursor({ at: deep.at, id: deep.id }) }),
    { name: "thread: first page (3,000-message thread)", call: (tx) => listMessages(tx, owner, { conversationId: longThread }) },
    { name: "thread: page after 2,500 messages", call: (tx) => listMessages(tx, owner, { conversationId: longThread, cursor: cursor({ id: deepMessage.id }) }) },
    { name: "thread: first page (typical 10-message thread)", call: (tx) => listMessages(tx, owner, { conversationId: `${org}-c2` }) },
  ];
}
