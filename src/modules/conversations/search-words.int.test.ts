import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { searchBothWays } from "./inbox-search-test-kit";

// issue 22 (inbox): each conversation's searchWords (migration 20261221000000_inbox_search_words) is kept by triggers,
// whatever path changes a message, a customer or a conversation — so the search finds a word the moment it is
// stored and stops finding it the moment it is gone. Every check searches both ways (the walk, and a walk of 0 rows
// so the words' index lookup answers).
const ORG = "words-org";
const owner = { userId: `${ORG}-owner`, role: "OWNER" as const };
const message = (conversationId: string, body: string, id?: string) => ({
  ...(id ? { id } : {}), organizationId: ORG, conversationId, direction: "INBOUND" as const, type: "TEXT" as const, status: "RECEIVED" as const, content: { body },
});

const found = async (search: string) => (await searchBothWays(ORG, owner, { search }, 100, [undefined, 0])).sort();
const words = async (id: string) => (await adminDb().$queryRaw<{ w: string }[]>`SELECT "searchWords" AS w FROM "WhatsAppConversation" WHERE "id" = ${id}`)[0]!.w.split(" ").sort();

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: ORG, cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.user.create({ data: { id: `${ORG}-owner`, organizationId: ORG, phone: "+5491140000001", name: "Dueña", role: "OWNER" } });
  await admin.customer.createMany({ data: [
    { id: `${ORG}-c1`, organizationId: ORG, name: "María Gómez", profileName: "Mari", phone: "+5491150001234" },
    { id: `${ORG}-c2`, organizationId: ORG, name: "Raúl Núñez", phone: "+5493517770000" },
  ] });
  await admin.whatsAppConversation.createMany({ data: [
    { id: `${ORG}-conv1`, organizationId: ORG, customerId: `${ORG}-c1`, lastMessageAt: new Date() },
    { id: `${ORG}-conv2`, organizationId: ORG, customerId: `${ORG}-c2`, lastMessageAt: new Date() },
  ] });
});

describe("a conversation's search words", () => {
  it("start with the customer's name, profile name and phone digits, folded", async () => {
    expect(await words(`${ORG}-conv1`)).toEqual(["5491150001234", "gomez", "mari", "maria"]);
    expect(await found("GÓMEZ")).toEqual([`${ORG}-conv1`]);
    expect(await found("0001234")).toEqual([`${ORG}-conv1`]);
  });

  it("gain a message's new words as it is stored, once each", async () => {
    await withTenant(ORG, (tx) => tx.whatsAppMessage.create({ data: message(`${ORG}-conv1`, "Se rompió el CALEFÓN") }));
    await withTenant(ORG, (tx) => tx.whatsAppMessage.create({ data: message(`${ORG}-conv1`, "el calefón   otra vez") }));
    expect(await words(`${ORG}-conv1`)).toEqual(["5491150001234", "calefon", "el", "gomez", "mari", "maria", "otra", "rompio", "se", "vez"]);
    expect(await found("calefon")).toEqual([`${ORG}-conv1`]);
  });

  it("match a phrase only where its words are together, and digits only from three on", async () => {
    await adminDb().whatsAppMessage.createMany({ data: [message(`${ORG}-conv2`, "los del fondo"), message(`${ORG}-conv2`, "consorcio aromos")] });
    expect(await found("los aromos")).toEqual([]);
    await adminDb().whatsAppMessage.create({ data: message(`${ORG}-conv2`, "Soy de Los Aromos") });
    expect(await found("los aromos")).toEqual([`${ORG}-conv2`]);
    // "12" is in conv1's phone digits, but a search matches phone digits only from 3 digits on; "351 777" does.
    expect(await found("12")).toEqual([]);
    expect(await found("351 777")).toEqual([`${ORG}-conv2`]);
  });

  it("lose a message's words when its text is purged or the message is deleted", async () => {
    const admin = adminDb();
    await admin.whatsAppMessage.create({ data: message(`${ORG}-conv2`, "termotanque roto", `${ORG}-m-purge`) });
    await admin.whatsAppMessage.create({ data: message(`${ORG}-conv2`, "flexible nuevo", `${ORG}-m-delete`) });
    expect(await found("termotanque")).toEqual([`${ORG}-conv2`]);
    await admin.whatsAppMessage.update({ where: { id: `${ORG}-m-purge` }, data: { content: { preview: "[Mensaje eliminado por antigüedad]", purged: true } } });
    expect(await found("termotanque")).toEqual([]);
    expect(await found("antiguedad")).toEqual([`${ORG}-conv2`]);
    await admin.whatsAppMessage.delete({ where: { id: `${ORG}-m-delete` } });
    expect(await found("flexible")).toEqual([]);
    // A status update does not touch the words.
    await admin.whatsAppMessage.updateMany({ where: { conversationId: `${ORG}-conv2` }, data: { status: "READ" } });
    expect(await found("aromos")).toEqual([`${ORG}-conv2`]);
  });

  it("are dropped for a chat with too many distinct words, whose search then reads its messages, exactly", async () => {
    const admin = adminDb();
    await admin.customer.create({ data: { id: `${ORG}-c3`, organizationId: ORG, name: "Pegó Un Manual", phone: "+5491160000000" } });
    await admin.whatsAppConversation.create({ data: { id: `${ORG}-conv3`, organizationId: ORG, customerId: `${ORG}-c3`, lastMessageAt: new Date() } });
    // 40 messages of 100 distinct 9-letter codes each: 40,000 characters of words, past the 32,768 cap.
    const code = (n: number) => `zq${n.toString(36).padStart(7, "0")}`;
    for (let m = 0; m < 40; m++) {
      await withTenant(ORG, (tx) => tx.whatsAppMessage.create({ data: message(`${ORG}-conv3`, Array.from({ length: 100 }, (_, i) => code(m * 100 + i)).join(" ")) }));
    }
    const [row] = await admin.$queryRaw<{ capped: boolean; words: string }[]>`SELECT "searchWordsCapped" AS capped, "searchWords" AS words FROM "WhatsAppConversation" WHERE "id" = ${`${ORG}-conv3`}`;
    expect(row).toEqual({ capped: true, words: "" });
    expect(await found(code(3999))).toEqual([`${ORG}-conv3`]);
    expect(await found(`${code(17)} ${code(18)}`)).toEqual([`${ORG}-conv3`]);
    expect(await found(`${code(17)} ${code(19)}`)).toEqual([]);
    expect(await found("manual")).toEqual([`${ORG}-conv3`]);
    await admin.customer.update({ where: { id: `${ORG}-c3` }, data: { name: "Otro Nombre" } });
    expect(await found("manual")).toEqual([]);
    expect(await found("otro")).toEqual([`${ORG}-conv3`]);
  });

  it("follow a message moved to another conversation, and a customer renamed", async () => {
    const admin = adminDb();
    await admin.whatsAppMessage.create({ data: message(`${ORG}-conv2`, "presupuesto urgente", `${ORG}-m-move`) });
    await admin.whatsAppMessage.update({ where: { id: `${ORG}-m-move` }, data: { conversationId: `${ORG}-conv1` } });
    expect(await found("presupuesto")).toEqual([`${ORG}-conv1`]);
    await withTenant(ORG, (tx) => tx.customer.update({ where: { id: `${ORG}-c2` }, data: { name: "Ramón Ibáñez", phone: "+5492614440000" } }));
    expect(await found("nunez")).toEqual([]);
    expect(await found("ibanez")).toEqual([`${ORG}-conv2`]);
    expect(await found("2614440")).toEqual([`${ORG}-conv2`]);
    expect(await found("3517770")).toEqual([]);
  });
});
