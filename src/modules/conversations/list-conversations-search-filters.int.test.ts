import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { searchBothWays } from "./inbox-search-test-kit";
import type { listConversations, ListConversationsInput } from "./list-conversations";

// issue 22 (inbox): a search combined with a filter under which the term is rare (the walk down the newest filtered
// rows fills no page, so the words' index lookup, intersected with the filters, answers), checked against the plain definition: every conversation
// that matches the term and the filter, newest first, page after page. Also across organizations: the owner-run
// lookup returns only ids of the organization set for the transaction.
const A = "sfilter-a";
const B = "sfilter-b";
const N = 600;
const owner = { userId: `${A}-owner`, role: "OWNER" as const };
const tech = { userId: `${A}-tech`, role: "TECHNICIAN" as const };
const base = Date.UTC(2026, 11, 1, 12);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const conv = (i: number) => `${A}-conv${i}`;

// Conversation i is the i-th newest. "calefón" is in the messages of every tenth conversation from 1 (never unread,
// never assigned to the technician) and of a few more scattered far apart; one customer's name holds it instead.
const unread = (i: number) => i % 2 === 0;
const techAssigned = (i: number) => i % 4 === 0;
const calefonMessage = (i: number) => i % 10 === 1 || [150, 302, 440, 598, 16, 396].includes(i);
const calefonName = (i: number) => i === 250 || i === 404;
const emergencyJob = (i: number) => [7, 161, 350, 512].includes(i);
const emergencyLead = (i: number) => [31, 444].includes(i);
const calefon = (i: number) => calefonMessage(i) || calefonName(i);
const emergency = (i: number) => emergencyJob(i) || emergencyLead(i);

// Every search runs with the default walk (it sees the whole filtered inbox here) and with a walk of 3 rows, so the
// words' index lookup intersected with the filters answers.
const all = (input: ListConversationsInput, limit: number, viewer: Parameters<typeof listConversations>[1] = owner) => searchBothWays(A, viewer, input, limit);

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  for (const org of [A, B]) await admin.organization.create({ data: { id: org, name: org, cuit: org === A ? "30712345671" : "20267565393", tier: "PROFESIONAL" } });
  await admin.user.createMany({ data: [
    { id: `${A}-owner`, organizationId: A, phone: "+5491140000001", name: "Dueña", role: "OWNER" },
    { id: `${A}-tech`, organizationId: A, phone: "+5491140000002", name: "Téc", role: "TECHNICIAN" },
  ] });
  await admin.customer.createMany({ data: range(N).map((i) => ({
    id: `${A}-c${i}`, organizationId: A, name: calefonName(i) ? `Calefonería ${i}` : `Cliente ${i}`, phone: `+54911${5_000_000 + i}`,
  })) });
  await admin.whatsAppConversation.createMany({ data: range(N).map((i) => ({
    id: conv(i), organizationId: A, customerId: `${A}-c${i}`, lastMessageAt: new Date(base - i * 60_000),
    unreadCount: unread(i) ? 1 + (i % 3) : 0, assignedToId: techAssigned(i) ? `${A}-tech` : null,
  })) });
  await admin.whatsAppMessage.createMany({ data: range(N).flatMap((i) => [
    { organizationId: A, conversationId: conv(i), direction: "INBOUND" as const, type: "TEXT" as const, status: "RECEIVED" as const, content: { body: "Hola, buen día" } },
    ...(calefonMessage(i) ? [{ organizationId: A, conversationId: conv(i), direction: "INBOUND" as const, type: "TEXT" as const, status: "RECEIVED" as const, content: { body: "Se rompió el CALEFÓN" } }] : []),
  ]) });
  await admin.job.createMany({ data: range(N).filter(emergencyJob).map((i, n) => ({
    organizationId: A, number: n + 1, customerId: `${A}-c${i}`, address: "Av. Rivadavia 1000", serviceType: "GAS" as const, description: "Urgencia",
    status: "scheduled" as const, urgency: "EMERGENCY" as const,
  })) });
  await admin.lead.createMany({ data: range(N).filter(emergencyLead).map((i) => ({
    organizationId: A, customerId: `${A}-c${i}`, conversationId: conv(i), summary: "Pérdida de gas", urgency: "EMERGENCY" as const,
  })) });
  // The other organization matches every search and every filter too.
  await admin.customer.create({ data: { id: `${B}-c0`, organizationId: B, name: "Calefonería Zárate", phone: "+5491177773330" } });
  await admin.whatsAppConversation.create({ data: { id: `${B}-conv0`, organizationId: B, customerId: `${B}-c0`, lastMessageAt: new Date(base + 60_000), unreadCount: 3 } });
  await admin.whatsAppMessage.create({ data: { organizationId: B, conversationId: `${B}-conv0`, direction: "INBOUND", type: "TEXT", status: "RECEIVED", content: { body: "calefón" } } });
});

describe("listConversations search with a filter", () => {
  it("pages through a term that is rare under the filter: exactly the conversations matching both, in order", async () => {
    const expected = range(N).filter((i) => calefon(i) && unread(i)).map(conv);
    expect(expected.length).toBeGreaterThan(4); // several pages at limit 2, none filled by the walk
    expect(await all({ search: "calefon", unread: true }, 2)).toEqual(expected);
    expect(await all({ search: "CALEFÓN", unread: true }, 25)).toEqual(expected);
  });

  it("answers emergencies, an assignee and a technician's own inbox the same way", async () => {
    expect(await all({ search: "calefon", emergency: true }, 2)).toEqual(range(N).filter((i) => calefon(i) && emergency(i)).map(conv));
    const assigned = range(N).filter((i) => calefon(i) && techAssigned(i)).map(conv);
    expect(await all({ search: "calefon", assignedTo: `${A}-tech` }, 2)).toEqual(assigned);
    expect(await all({ search: "calefon" }, 2, tech)).toEqual(assigned);
    expect(await all({ search: "calefon", unread: true, assignedTo: "none" }, 3)).toEqual(
      range(N).filter((i) => calefon(i) && unread(i) && !techAssigned(i)).map(conv),
    );
  });

  it("finds nothing when nothing under the filter matches", async () => {
    expect(await all({ search: "xilófono", unread: true }, 5)).toEqual([]);
    expect(await all({ search: "calefon", emergency: true, unread: true }, 5)).toEqual(range(N).filter((i) => calefon(i) && emergency(i) && unread(i)).map(conv));
  });

  it("the words' lookup returns only the organization set for the transaction, narrowed by the filters given", async () => {
    const lookup = (org: string, filters: string) =>
      withTenant(org, (tx) => tx.$queryRawUnsafe<{ id: string }[]>(`SELECT s."id" FROM campotech_inbox_search_words(ARRAY['%calefon%'], NULL, ${filters}) AS s ORDER BY 1`));
    const expected = (keep: (i: number) => boolean) => range(N).filter((i) => calefon(i) && keep(i)).map(conv).sort();
    expect((await lookup(A, "NULL, false, NULL, false")).map((r) => r.id)).toEqual(expected(() => true));
    expect((await lookup(A, "NULL, true, NULL, false")).map((r) => r.id)).toEqual(expected(unread));
    expect((await lookup(A, `NULL, false, '${A}-tech', false`)).map((r) => r.id)).toEqual(expected(techAssigned));
    expect((await lookup(A, "NULL, false, NULL, true")).map((r) => r.id)).toEqual(expected((i) => !techAssigned(i)));
    expect((await lookup(A, "'PENDING', false, NULL, false")).map((r) => r.id)).toEqual([]);
    expect((await lookup(B, "NULL, true, NULL, false")).map((r) => r.id)).toEqual([`${B}-conv0`]);
  });
});
