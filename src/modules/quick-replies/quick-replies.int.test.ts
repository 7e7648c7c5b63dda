import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { createQuickReply } from "./create-quick-reply";
import { deleteQuickReply } from "./delete-quick-reply";
import { listQuickReplies } from "./list-quick-replies";
import { quickReplyChangesSchema, quickReplyInputSchema } from "./quick-reply.schemas";
import { updateQuickReply } from "./update-quick-reply";

// Quick replies against real Postgres: validation in Spanish, one shortcut per organization, idempotent mutations
// with one audit row per real change, and RLS keeping each organization's replies to itself.
const A = "org-qr-a";
const B = "org-qr-b";
const actorA = { organizationId: A, userId: "qr-owner-a" };
const actorB = { organizationId: B, userId: "qr-owner-b" };
const HORARIOS = { shortcut: "horarios", title: "Horarios", body: "Hola {nombre}, atendemos de 8 a 18." };
const audits = (org: string, action: string) => adminDb().auditLog.count({ where: { organizationId: org, action } });

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  for (const [org, cuit] of [[A, "30712345671"], [B, "20267565393"]] as const) {
    await adminDb().organization.create({ data: { id: org, name: `Org ${org}`, cuit, tier: "PROFESIONAL" } });
  }
});
afterAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

describe("quick reply validation", () => {
  it("accepts lower-case letters, digits and hyphens, 2 to 30 characters", () => {
    expect(quickReplyInputSchema.parse({ ...HORARIOS, shortcut: " pedir-direccion-2 " }).shortcut).toBe("pedir-direccion-2");
    for (const shortcut of ["a", "Horarios", "con espacio", "/horarios", "guion_bajo", "x".repeat(31), "dirección"]) {
      const result = quickReplyInputSchema.safeParse({ ...HORARIOS, shortcut });
      expect(result.success, shortcut).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/de 2 a 30 letras minúsculas, números o guiones/);
    }
    expect(quickReplyInputSchema.safeParse({ ...HORARIOS, shortcut: "x".repeat(30) }).success).toBe(true);
  });

  it("limits the body to WhatsApp's 4096 characters and requires a title and a text", () => {
    expect(quickReplyInputSchema.safeParse({ ...HORARIOS, body: "a".repeat(4096) }).success).toBe(true);
    expect(quickReplyInputSchema.safeParse({ ...HORARIOS, body: "a".repeat(4097) }).error?.issues[0]?.message).toMatch(/hasta 4096 caracteres/);
    expect(quickReplyInputSchema.safeParse({ ...HORARIOS, body: "   " }).error?.issues[0]?.message).toBe("Escribí el texto.");
    expect(quickReplyInputSchema.safeParse({ ...HORARIOS, title: "" }).error?.issues[0]?.message).toBe("Escribí un título.");
    expect(quickReplyChangesSchema.safeParse({}).error?.issues[0]?.message).toBe("No hay cambios para guardar.");
  });
});

describe("quick replies", () => {
  it("creates idempotently: the same request twice is one reply and one audit row", async () => {
    const first = await withTenant(A, (tx) => createQuickReply(tx, actorA, HORARIOS));
    const again = await withTenant(A, (tx) => createQuickReply(tx, actorA, HORARIOS));
    expect(again).toEqual(first);
    expect(await withTenant(A, (tx) => listQuickReplies(tx))).toEqual([first]);
    expect(await audits(A, "quick_reply.created")).toBe(1);
    expect(await adminDb().quickReply.findUniqueOrThrow({ where: { id: first.id }, select: { createdById: true } })).toEqual({ createdById: "qr-owner-a" });
  });

  it("refuses a different reply under a shortcut in use with a 409 and a Spanish reason", async () => {
    await withTenant(A, (tx) => createQuickReply(tx, actorA, HORARIOS));
    await expect(withTenant(A, (tx) => createQuickReply(tx, actorA, { ...HORARIOS, body: "Otro texto" }))).rejects.toMatchObject({
      code: "CONFLICT", status: 409, message: "Ya hay una respuesta rápida con el atajo /horarios.",
    });
    const other = await withTenant(A, (tx) => createQuickReply(tx, actorA, { ...HORARIOS, shortcut: "direccion" }));
    await expect(withTenant(A, (tx) => updateQuickReply(tx, actorA, other.id, { shortcut: "horarios" }))).rejects.toMatchObject({ code: "CONFLICT", status: 409 });
  });

  it("lets two organizations use the same shortcut", async () => {
    await withTenant(A, (tx) => createQuickReply(tx, actorA, HORARIOS));
    const b = await withTenant(B, (tx) => createQuickReply(tx, actorB, { ...HORARIOS, body: "Abrimos de 9 a 17." }));
    expect(b.body).toBe("Abrimos de 9 a 17.");
  });

  it("updates idempotently: saving the same change again writes no second audit row", async () => {
    const reply = await withTenant(A, (tx) => createQuickReply(tx, actorA, HORARIOS));
    const changed = await withTenant(A, (tx) => updateQuickReply(tx, actorA, reply.id, { title: "Horarios de atención", body: "De 8 a 18." }));
    const again = await withTenant(A, (tx) => updateQuickReply(tx, actorA, reply.id, { title: "Horarios de atención", body: "De 8 a 18." }));
    expect(again).toEqual(changed);
    expect(changed).toMatchObject({ shortcut: "horarios", title: "Horarios de atención", body: "De 8 a 18." });
    expect(await audits(A, "quick_reply.updated")).toBe(1);
  });

  it("deletes idempotently: a second delete answers the same and audits nothing", async () => {
    const reply = await withTenant(A, (tx) => createQuickReply(tx, actorA, HORARIOS));
    expect(await withTenant(A, (tx) => deleteQuickReply(tx, actorA, reply.id))).toEqual({ id: reply.id, deleted: true });
    expect(await withTenant(A, (tx) => deleteQuickReply(tx, actorA, reply.id))).toEqual({ id: reply.id, deleted: false });
    expect(await withTenant(A, (tx) => listQuickReplies(tx))).toEqual([]);
    expect(await audits(A, "quick_reply.deleted")).toBe(1);
  });

  it("keeps each organization's replies to itself (RLS): not listed, not editable, not deletable", async () => {
    const b = await withTenant(B, (tx) => createQuickReply(tx, actorB, { ...HORARIOS, shortcut: "beta-solo" }));
    expect(await withTenant(A, (tx) => listQuickReplies(tx))).toEqual([]);
    await expect(withTenant(A, (tx) => updateQuickReply(tx, actorA, b.id, { body: "Hackeado" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await withTenant(A, (tx) => deleteQuickReply(tx, actorA, b.id))).toEqual({ id: b.id, deleted: false });
    expect(await adminDb().quickReply.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ body: HORARIOS.body, organizationId: B });
    // Even a write naming the other organization is refused by the policy, not just filtered.
    await expect(withTenant(A, (tx) => tx.quickReply.create({ data: { organizationId: B, shortcut: "intruso", title: "x", body: "x" } }))).rejects.toThrow();
  });
});
