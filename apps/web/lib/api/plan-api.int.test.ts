import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { UserRole } from "@campotech/database";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { decidePlanChangeRequest } from "@campotech/core/modules/plans";
import { call, json } from "./api-test-kit";
import { getAssistantSettingsEndpoint, setAssistantSettingsEndpoint } from "./endpoints/assistant";
import { listConversationMessagesEndpoint, listConversationsEndpoint } from "./endpoints/conversations";
import { getMessageEndpoint } from "./endpoints/messages";
import { cancelPlanChangeRequestEndpoint, getPlanEndpoint, requestPlanChangeEndpoint } from "./endpoints/plan";

// The plan matrix enforced through HTTP on a real database: PLAN_REQUIRED on the assistant's settings, the 30-day
// inbox below PROFESIONAL, "Tu plan" and the change requests an operator applies.
const ORG = "pl-org";
const OTHER = "pl-other";
const users: Record<string, UserRole> = { "pl-owner": "OWNER", "pl-admin": "ADMIN", "pl-disp": "DISPATCHER" };
const as = (id: string, organizationId = ORG) => ({ authorization: `Bearer ${issueAccessToken({ id, organizationId, role: users[id] ?? "OWNER" }).token}` });
const DAY = 86_400_000;
type Failure = { error: { code: string; message: string; fields?: Record<string, string> } };
type Overview = {
  tier: string; effectiveTier: string; effectivePlanName: string; trialEndsAt: string | null; trialDaysLeft: number | null; features: Record<string, boolean>;
  usage: { messages: { used: number; limit: number | null }; aiConversations: { used: number; limit: number | null }; responders: { used: number; limit: number | null } };
  plans: { tier: string; name: string; adds: { feature: string; name: string }[] }[];
  pendingRequest: { id: string; toTier: string; status: string } | null;
};

const setOrg = (data: { tier?: "FREE" | "INICIAL" | "PROFESIONAL" | "EMPRESARIAL"; trialEndsAt?: Date | null }) => adminDb().organization.update({ where: { id: ORG }, data });
const audits = (action: string) => adminDb().auditLog.count({ where: { organizationId: ORG, action } });

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Del Sur", cuit: "30712345671", tier: "FREE" } });
  await admin.organization.create({ data: { id: OTHER, name: "Otra", cuit: "20267565393", tier: "PROFESIONAL" } });
  for (const [i, [id, role]] of Object.entries(users).entries()) await admin.user.create({ data: { id, organizationId: ORG, phone: `+549114100000${i}`, name: id, role } });
  await admin.user.create({ data: { id: "pl-other-owner", organizationId: OTHER, phone: "+5491141999999", name: "Otro", role: "OWNER" } });
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("assistant settings by plan", () => {
  it("FREE: PLAN_REQUIRED for custom instructions and for turning the assistant on; other settings save", async () => {
    const view = await json<{ plan: Record<string, boolean> }>(await call(getAssistantSettingsEndpoint, { headers: as("pl-owner") }), 200);
    expect(view.plan).toEqual({ aiAutoResponses: false, customAiInstructions: false, autoJobCreation: false, voiceTranscription: false });

    const instructions = await json<Failure>(await call(setAssistantSettingsEndpoint, { headers: as("pl-owner"), body: { customInstructions: "No vamos a Zona Norte." } }), 403);
    expect(instructions.error).toMatchObject({ code: "PLAN_REQUIRED", fields: { feature: "customAiInstructions", requiredPlan: "PROFESIONAL" } });
    expect(instructions.error.message).toBe("Instrucciones propias para la IA: está disponible desde el plan Profesional.");
    const on = await json<Failure>(await call(setAssistantSettingsEndpoint, { headers: as("pl-owner"), body: { autoResponseEnabled: true } }), 403);
    expect(on.error.fields).toEqual({ feature: "aiAutoResponses", requiredPlan: "PROFESIONAL" });
    // Nothing of the refused saves was stored.
    const settings = (await adminDb().organization.findUniqueOrThrow({ where: { id: ORG }, select: { settings: true } })).settings as { assistant?: { customInstructions?: string } };
    expect(settings.assistant?.customInstructions ?? "").toBe("");

    await json(await call(setAssistantSettingsEndpoint, { headers: as("pl-owner"), body: { handoffMinutes: 60, customInstructions: "", autoResponseEnabled: false } }), 200);
  });

  it("a PROFESIONAL trial saves them until it ends; then the same save is refused", async () => {
    await setOrg({ tier: "PROFESIONAL", trialEndsAt: new Date(Date.now() + 3 * DAY) });
    const saved = await json<{ customInstructions: string; plan: { customAiInstructions: boolean } }>(
      await call(setAssistantSettingsEndpoint, { headers: as("pl-admin"), body: { customInstructions: "Atendemos CABA.", autoResponseEnabled: true } }), 200);
    expect(saved).toMatchObject({ customInstructions: "Atendemos CABA.", plan: { customAiInstructions: true } });
    await setOrg({ trialEndsAt: new Date(Date.now() - 1000) });
    const refused = await json<Failure>(await call(setAssistantSettingsEndpoint, { headers: as("pl-admin"), body: { customInstructions: "Atendemos CABA y GBA." } }), 403);
    expect(refused.error.code).toBe("PLAN_REQUIRED");
  });
});

describe("conversation history window", () => {
  async function seedConversation() {
    const admin = adminDb();
    await admin.customer.create({ data: { id: "pl-cust", organizationId: ORG, phone: "+5491155550001", name: "Ana" } });
    await admin.whatsAppConversation.create({ data: { id: "pl-conv", organizationId: ORG, customerId: "pl-cust" } });
    await seedMessages([["pl-old", 45], ["pl-edge", 29], ["pl-new", 1]]);
  }
  async function seedMessages(messages: [string, number][]) {
    for (const [id, days] of messages) {
      await adminDb().whatsAppMessage.create({
        data: { id, organizationId: ORG, conversationId: "pl-conv", waMessageId: `wamid.${id}`, direction: "INBOUND", type: "TEXT", content: { text: { body: id } }, status: "RECEIVED", createdAt: new Date(Date.now() - days * DAY) },
      });
    }
  }
  const list = async () => json<{ items: { id: string }[]; historySince: string | null }>(await call(listConversationMessagesEndpoint, { headers: as("pl-disp"), params: { id: "pl-conv" }, query: { order: "asc" } }), 200);

  it("below PROFESIONAL lists and shows only the last 30 days; PROFESIONAL shows it all", async () => {
    await seedConversation();
    const free = await list();
    expect(free.items.map((m) => m.id)).toEqual(["pl-edge", "pl-new"]);
    expect(Date.now() - new Date(free.historySince!).getTime()).toBeGreaterThanOrEqual(30 * DAY);
    await json(await call(getMessageEndpoint, { headers: as("pl-disp"), params: { id: "pl-old" } }), 404);
    await json(await call(getMessageEndpoint, { headers: as("pl-disp"), params: { id: "pl-edge" } }), 200);
    // The inbox list's preview follows the same window: a chat whose messages are all older shows none.
    await adminDb().whatsAppMessage.deleteMany({ where: { id: { in: ["pl-edge", "pl-new"] } } });
    const inbox = async () => (await json<{ items: { id: string; lastMessage: { id: string } | null }[] }>(await call(listConversationsEndpoint, { headers: as("pl-disp") }), 200)).items.find((c) => c.id === "pl-conv");
    expect((await inbox())?.lastMessage).toBeNull();
    await setOrg({ tier: "PROFESIONAL" });
    expect((await inbox())?.lastMessage?.id).toBe("pl-old");
    await setOrg({ tier: "FREE" });
    await seedMessages([["pl-edge", 29], ["pl-new", 1]]);

    await setOrg({ tier: "PROFESIONAL" });
    const full = await list();
    expect(full.items.map((m) => m.id)).toEqual(["pl-old", "pl-edge", "pl-new"]);
    expect(full.historySince).toBeNull();
    await json(await call(getMessageEndpoint, { headers: as("pl-disp"), params: { id: "pl-old" } }), 200);

    // A trial that ended is FREE again: the old message hides (it is still stored).
    await setOrg({ trialEndsAt: new Date(Date.now() - 1000) });
    expect((await list()).items.map((m) => m.id)).toEqual(["pl-edge", "pl-new"]);
    expect(await adminDb().whatsAppMessage.count({ where: { conversationId: "pl-conv" } })).toBe(3);
  });
});

describe("Tu plan and change requests", () => {
  it("shows the plan, the trial, usage against limits and what each plan adds", async () => {
    await setOrg({ tier: "PROFESIONAL", trialEndsAt: new Date(Date.now() + 2.5 * DAY) });
    const trial = await json<Overview>(await call(getPlanEndpoint, { headers: as("pl-disp") }), 200);
    expect(trial).toMatchObject({ tier: "PROFESIONAL", effectiveTier: "PROFESIONAL", trialDaysLeft: 3, pendingRequest: null });
    expect(trial.usage).toEqual({ periodStart: expect.any(String), messages: { used: 0, limit: 1000 }, aiConversations: { used: 0, limit: 500 }, responders: { used: 3, limit: 2 } });
    expect(trial.plans.map((p) => p.tier)).toEqual(["FREE", "INICIAL", "PROFESIONAL", "EMPRESARIAL", "ENTERPRISE"]);
    expect(trial.plans.find((p) => p.tier === "EMPRESARIAL")!.adds).toEqual([{ feature: "multipleResponders", name: "Varias personas respondiendo" }]);
    expect(trial.features.aiAutoResponses).toBe(true);

    await setOrg({ trialEndsAt: new Date(Date.now() - 1000) });
    const ended = await json<Overview>(await call(getPlanEndpoint, { headers: as("pl-owner") }), 200);
    expect(ended).toMatchObject({ tier: "PROFESIONAL", effectiveTier: "FREE", effectivePlanName: "Gratis", trialDaysLeft: 0 });
    expect(ended.usage.aiConversations.limit).toBe(0);
    expect(ended.features.aiAutoResponses).toBe(false);
  });

  it("one pending request at a time, cancellable, applied by an operator (which ends the trial)", async () => {
    await setOrg({ trialEndsAt: new Date(Date.now() + DAY) });
    const request = (body: unknown, who = "pl-owner") => call(requestPlanChangeEndpoint, { headers: as(who), body });
    const first = await json<{ id: string; status: string; fromTier: string }>(await request({ toTier: "INICIAL" }), 201);
    expect(first).toMatchObject({ status: "PENDING", fromTier: "FREE" });
    // The same request again (double click) is the same row; another plan replaces it.
    expect((await json<{ id: string }>(await request({ toTier: "INICIAL" }), 201)).id).toBe(first.id);
    const second = await json<{ id: string }>(await request({ toTier: "PROFESIONAL", note: "Quiero el asistente" }, "pl-admin"), 201);
    expect(await adminDb().planChangeRequest.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await adminDb().planChangeRequest.count({ where: { organizationId: ORG, status: "PENDING" } })).toBe(1);
    expect((await json<Overview>(await call(getPlanEndpoint, { headers: as("pl-owner") }), 200)).pendingRequest).toMatchObject({ id: second.id, toTier: "PROFESIONAL" });

    // Dispatchers don't change the plan; a bad plan is a 400; another organization can't cancel it.
    await json(await request({ toTier: "EMPRESARIAL" }, "pl-disp"), 403);
    expect((await json<Failure>(await request({ toTier: "ORO" }), 400)).error.code).toBe("VALIDATION_FAILED");
    await json(await call(cancelPlanChangeRequestEndpoint, { headers: as("pl-other-owner", OTHER), params: { id: second.id } }), 404);

    const cancelled = await json<{ status: string }>(await call(cancelPlanChangeRequestEndpoint, { headers: as("pl-owner"), params: { id: second.id } }), 200);
    expect(cancelled.status).toBe("CANCELLED");
    await json(await call(cancelPlanChangeRequestEndpoint, { headers: as("pl-owner"), params: { id: second.id } }), 200);
    expect(await audits("plan.change_requested")).toBe(2);
    expect(await audits("plan.change_request_cancelled")).toBe(2);

    // The operator applies the next one: the tier changes, the trial ends, and it can't be cancelled any more.
    const third = await json<{ id: string }>(await request({ toTier: "PROFESIONAL" }), 201);
    const applied = await decidePlanChangeRequest(adminDb(), { requestId: third.id, decision: "apply", operator: "test" });
    expect(applied).toMatchObject({ status: "APPLIED", tier: "PROFESIONAL" });
    expect(await adminDb().organization.findUniqueOrThrow({ where: { id: ORG }, select: { tier: true, trialEndsAt: true } })).toEqual({ tier: "PROFESIONAL", trialEndsAt: null });
    expect((await decidePlanChangeRequest(adminDb(), { requestId: third.id, decision: "apply", operator: "test" })).status).toBe("APPLIED");
    await expect(decidePlanChangeRequest(adminDb(), { requestId: third.id, decision: "reject", operator: "test" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await json<Failure>(await call(cancelPlanChangeRequestEndpoint, { headers: as("pl-owner"), params: { id: third.id } }), 409)).error.code).toBe("CONFLICT");
    expect(await audits("plan.change_applied")).toBe(1);
    // Now paying for PROFESIONAL: asking for it again is refused.
    expect((await json<Failure>(await request({ toTier: "PROFESIONAL" }), 400)).error.fields).toEqual({ toTier: "Ya estás en el plan Profesional." });
  });
});
