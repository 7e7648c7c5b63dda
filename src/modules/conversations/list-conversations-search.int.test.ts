import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { searchBothWays } from "./inbox-search-test-kit";
import type { listConversations } from "./list-conversations";

// The search answers from two strategies (a walk down the newest rows, or the words' trigram index when matches are
// rare): whichever answers, a page is the same as the plain "every match, newest first", also across cursors,
// and the indexed lookup never crosses organizations or a technician's scope.
const A = "search-a";
const B = "search-b";
const N = 340; // more than the longest walk needs here, so the indexed path has matches no walk sees
const owner = { userId: `${A}-owner`, role: "OWNER" as const };
const base = Date.UTC(2026, 11, 1, 12);
const idsOf = (indexes: number[]) => indexes.map((i) => `${A}-conv${i}`);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// Every search runs with the default walk and with a walk of 3 rows, so the words' index lookup answers too.
const all = (search: string, limit: number, viewer: Parameters<typeof listConversations>[1] = owner) => searchBothWays(A, viewer, { search }, limit);

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  for (const org of [A, B]) await admin.organization.create({ data: { id: org, name: org, cuit: org === A ? "30712345671" : "20267565393", tier: "PROFESIONAL" } });
  await admin.user.createMany({ data: [
    { id: `${A}-owner`, organizationId: A, phone: "+5491140000001", name: "Dueña", role: "OWNER" },
    { id: `${A}-tech`, organizationId: A, phone: "+5491140000002", name: "Téc", role: "TECHNICIAN" },
  ] });
  // Conversation i is the i-th newest. Every third mentions the calefón (dense: the walk fills pages); "Los Aromos"
  // appears in three (one inside the walk, two past it); the only "Zárate" and the phone ending 7777333 are past it.
  await admin.customer.createMany({ data: range(N).map((i) => ({
    id: `${A}-c${i}`, organizationId: A, name: i === 330 ? "Inés Zárate" : `Cliente ${i}`, phone: `+54911${i === 333 ? "7777333" : String(5_000_000 + i)}`,
  })) });
  await admin.whatsAppConversation.createMany({ data: range(N).map((i) => ({
    id: `${A}-conv${i}`, organizationId: A, customerId: `${A}-c${i}`, lastMessageAt: new Date(base - i * 60_000), assignedToId: i === 320 ? `${A}-tech` : null,
  })) });
  await admin.whatsAppMessage.createMany({ data: range(N).flatMap((i) => [
    { organizationId: A, conversationId: `${A}-conv${i}`, direction: "INBOUND" as const, type: "TEXT" as const, status: "RECEIVED" as const, content: { body: "Hola, buen día" } },
    ...(i % 3 === 0 ? [{ organizationId: A, conversationId: `${A}-conv${i}`, direction: "INBOUND" as const, type: "TEXT" as const, status: "RECEIVED" as const, content: { body: "Se rompió el CALEFÓN" } }] : []),
    ...([10, 320, 335].includes(i) ? [{ organizationId: A, conversationId: `${A}-conv${i}`, direction: "OUTBOUND" as const, type: "TEMPLATE" as const, status: "READ" as const, content: { preview: "Vamos al consorcio Los Aromos" } }] : []),
  ]) });
  // The other organization matches every search too.
  await admin.customer.create({ data: { id: `${B}-c0`, organizationId: B, name: "Raúl Zárate", phone: "+5491177773330" } });
  await admin.whatsAppConversation.create({ data: { id: `${B}-conv0`, organizationId: B, customerId: `${B}-c0`, lastMessageAt: new Date(base + 60_000) } });
  await admin.whatsAppMessage.create({ data: { organizationId: B, conversationId: `${B}-conv0`, direction: "INBOUND", type: "TEXT", status: "RECEIVED", content: { body: "calefón de Los Aromos" } } });
});

describe("listConversations search", () => {
  it("pages through a frequent term in order, the same whichever strategy answers each page", async () => {
    const expected = idsOf(range(N).filter((i) => i % 3 === 0));
    expect(await all("calefon", 50)).toEqual(expected);
    expect(await all("calefón", 7)).toEqual(expected);
  });

  it("finds rare matches past the newest rows in messages, names and phone digits, in order", async () => {
    expect(await all("los aromos", 25)).toEqual(idsOf([10, 320, 335]));
    expect(await all("aromos", 2)).toEqual(idsOf([10, 320, 335]));
    expect(await all("ZARATE", 25)).toEqual(idsOf([330]));
    expect(await all("7777 333", 25)).toEqual(idsOf([333]));
    expect(await all("xilófono", 25)).toEqual([]);
  });

  it("keeps a technician to their own conversations on the indexed path", async () => {
    expect(await all("aromos", 25, { userId: `${A}-tech`, role: "TECHNICIAN" })).toEqual(idsOf([320]));
  });

  it("the indexed lookup returns only the organization set for the transaction", async () => {
    const lookup = (org: string) => withTenant(org, (tx) => tx.$queryRaw<{ id: string }[]>`SELECT s."id" FROM campotech_inbox_search_words(ARRAY['%aromos%'], NULL, NULL, false, NULL, false) AS s`);
    expect((await lookup(A)).map((r) => r.id).sort()).toEqual(idsOf([10, 320, 335]).sort());
    expect((await lookup(B)).map((r) => r.id)).toEqual([`${B}-conv0`]);
  });
});
