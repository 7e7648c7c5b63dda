import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { closeSharedRedis, sharedRedis, whenRedisReady } from "../../lib/redis";
import { closeQueues, getQueue } from "../../workers/queue-registry";
import { sendConversationMessage } from "../conversations/send-conversation-message";
import { JOB_CHANGED_JOB } from "../notifications/notifications-queue";
import { ba, bodyOf, CONV, CUSTOMER, ORG_A, outbound, seedAssistantOrg, turn } from "./assistant-test-kit";
import { runAssistantTurn } from "./run-assistant-turn";

// The offline engine end to end on a real database: what the customer reads, and what the business gets (jobs,
// leads, alerts, pauses). Tuesday 1 December 2026, 10:05 in Buenos Aires.
let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const NOW = ba("2026-12-01T10:05:00");
const offline = { now: NOW, openAi: null };
const answer = (turnId: string, now = NOW) => runAssistantTurn({ organizationId: ORG_A, conversationId: CONV, turnId }, { ...offline, now });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await whenRedisReady(sharedRedis());
});
afterAll(async () => {
  await sandbox.close();
  await closeQueues();
  await closeSharedRedis();
  await redis.quit();
});
beforeEach(async () => {
  await seedAssistantOrg(sandbox, redis, { now: NOW });
});

describe("emergencies", () => {
  it("answer with safety instructions, open an EMERGENCY job and alert the owner on every channel", async () => {
    const result = await answer(await turn(["hola tengo olor a gas en la cocina"], NOW));
    expect(result.status).toBe("answered");
    const [reply] = await outbound();
    expect(bodyOf(reply!)).toContain("No toques llaves de luz");
    expect(bodyOf(reply!)).toContain("Cerrá la llave de paso del gas");
    expect(bodyOf(reply!)).toMatch(/Ya avisamos al equipo de Del Sur Plomería y Gas \(trabajo #1\)/);
    expect(reply).toMatchObject({ sentByUserId: "assistant", delivery: { purpose: "emergency", priority: "HIGH" } });

    const job = await adminDb().job.findFirstOrThrow({ where: { customerId: CUSTOMER } });
    expect(job).toMatchObject({ urgency: "EMERGENCY", status: "pending", serviceType: "GAS", address: "Av. Rivadavia 4520" });
    expect(await adminDb().lead.findFirstOrThrow({ where: { customerId: CUSTOMER } })).toMatchObject({ urgency: "EMERGENCY", jobId: job.id });
    // The owner's WhatsApp alert goes through the outbound engine as the staff_alert template.
    const staffRow = await adminDb().customer.findFirstOrThrow({ where: { staffUserId: "u-owner" } });
    const [alert] = await outbound((await adminDb().whatsAppConversation.findFirstOrThrow({ where: { customerId: staffRow.id } })).id);
    expect(alert!.content).toMatchObject({ name: "staff_alert" });
    expect((alert!.content as { preview: string }).preview).toContain("URGENCIA: pérdida de gas");
    const run = await adminDb().assistantRun.findUniqueOrThrow({ where: { turnId: (await adminDb().conversationTurn.findFirstOrThrow()).id } });
    expect(run).toMatchObject({ engine: "OFFLINE", intent: "emergency", emergencyKind: "gas", outcome: "replied", counted: true });
    expect((run.toolCalls as { name: string }[]).map((c) => c.name)).toEqual(["escalate_emergency"]);

    // The same emergency written again is not a second job or alert.
    await answer(await turn(["sigue oliendo mucho a gas!!"], new Date(NOW.getTime() + 60_000)), new Date(NOW.getTime() + 60_000));
    expect(await adminDb().job.count()).toBe(1);
    expect(bodyOf((await outbound()).at(-1)!)).toContain("Tu urgencia ya está registrada (trabajo #1)");
  });

  it("asks '¿es una urgencia?' when a message touches a hazard it cannot read, and escalates on yes", async () => {
    await answer(await turn(["tengo un tema con el toma de la pared"], NOW));
    expect(bodyOf((await outbound())[0]!)).toMatch(/^¿Es una urgencia\? Si hay olor a gas, chispas/);
    expect(await adminDb().job.count()).toBe(0);
    await answer(await turn(["URGENTE"], NOW));
    expect(bodyOf((await outbound())[1]!)).toContain("bajá la térmica");
    expect(await adminDb().job.findFirstOrThrow()).toMatchObject({ urgency: "EMERGENCY", serviceType: "ELECTRICAL" });
    expect((await outbound())[1]).toMatchObject({ delivery: { purpose: "emergency" } });
    // Without a hazard it is just not understood.
    await answer(await turn(["asdfg"], NOW));
    expect(bodyOf((await outbound())[2]!)).toMatch(/^Perdón, no te entendí bien/);
  });

  it("go through even when a person paused the assistant", async () => {
    await adminDb().whatsAppConversation.update({ where: { id: CONV }, data: { assistantPausedUntil: new Date(NOW.getTime() + 3600_000) } });
    expect(await answer(await turn(["cuanto sale un service de aire"], NOW))).toEqual({ status: "skipped", reason: "paused" });
    expect((await answer(await turn(["salen chispas del enchufe y huele a quemado"], NOW))).status).toBe("answered");
    expect(bodyOf((await outbound()).at(-1)!)).toContain("bajá la térmica");
  });
});

describe("quotes", () => {
  it("come from the price list, and become a quoted lead", async () => {
    await answer(await turn(["cuánto sale destapar una cloaca"], NOW));
    const [reply] = await outbound();
    expect(bodyOf(reply!)).toBe("Destapación de cloaca tiene un costo de $38.000 + IVA (materiales aparte). ¿Querés que te pase turnos para la visita?");
    expect(await adminDb().lead.findFirstOrThrow()).toMatchObject({ status: "QUOTED", priceListCode: "DESTAP-CLOACA", quotedCents: 3_800_000, serviceType: "DRAINAGE" });
  });

  it("never invent a price: an unknown service becomes a lead for a person", async () => {
    await answer(await turn(["Hola! cuánto me cobran por pintar el living?"], NOW));
    const text = bodyOf((await outbound())[0]!);
    expect(text).toMatch(/^¡Hola Martina! Ese trabajo no está en nuestra lista de precios/);
    expect(text).not.toMatch(/\$\d/);
    expect(await adminDb().lead.findFirstOrThrow()).toMatchObject({ status: "NEW", quotedCents: null });
  });
});

describe("scheduling", () => {
  it("offers real free slots, books the one picked and confirms it in the chat", async () => {
    await answer(await turn(["quiero que vengan a revisar el aire"], NOW));
    const offer = bodyOf((await outbound())[0]!);
    expect(offer).toBe([
      "Tengo estos turnos:",
      "1) Martes 1/12 de 12:00 a 14:00",
      "2) Miércoles 2/12 de 08:00 a 10:00",
      "3) Jueves 3/12 de 08:00 a 10:00",
      "¿Cuál te queda mejor? Respondé con el número.",
    ].join("\n"));

    const later = new Date(NOW.getTime() + 5 * 60_000);
    await answer(await turn(["el miércoles está bien"], later), later);
    // The customer has an address on file: it is confirmed, not asked again, and nothing is booked before that.
    expect(bodyOf((await outbound())[1]!)).toBe("Buenísimo. ¿La visita es en Av. Rivadavia 4520? Respondé SÍ o mandame otra dirección.");
    expect(await adminDb().job.count()).toBe(0);
    await answer(await turn(["sí"], later), later);
    const job = await adminDb().job.findFirstOrThrow({ where: { customerId: CUSTOMER }, include: { transitions: true } });
    expect(job).toMatchObject({ status: "scheduled", serviceType: "HVAC", technicianId: "u-tech1", scheduledStart: ba("2026-12-02T08:00:00"), scheduledEnd: ba("2026-12-02T10:00:00"), createdById: null, address: "Av. Rivadavia 4520" });
    expect(job.transitions.map((t) => [t.to, t.actorType, t.actorId])).toEqual([["pending", "SYSTEM", "assistant"], ["scheduled", "SYSTEM", "assistant"]]);
    expect(bodyOf((await outbound())[2]!)).toBe("¡Listo! Te agendamos la visita para el miércoles 2/12 de 08:00 a 10:00 en Av. Rivadavia 4520 (trabajo #1). Va a ir Diego. Te mandamos un recordatorio antes. Si necesitás cambiar algo, escribinos por acá.");
    // The address typed on the customer before the address book existed is now its default entry.
    expect(await adminDb().customerAddress.findMany({ where: { customerId: CUSTOMER }, select: { street: true, isDefault: true } })).toEqual([{ street: "Av. Rivadavia 4520", isDefault: true }]);
    expect(await adminDb().lead.findFirstOrThrow()).toMatchObject({ status: "SCHEDULED", jobId: job.id });
    // Reminders and the technician's notice follow from the job rules; the customer already has the confirmation.
    const changes = (await getQueue("notifications").getWaiting()).filter((j) => j.name === JOB_CHANGED_JOB);
    expect(changes.map((j) => j.data)).toEqual([expect.objectContaining({ jobId: job.id, to: "scheduled", customerInformed: true })]);
    expect((await adminDb().whatsAppConversation.findUniqueOrThrow({ where: { id: CONV } })).assistantState).toMatchObject({ offeredSlots: [] });
  });

  it("honours the customer's wish ('mañana a la tarde') and moves a booked visit", async () => {
    await answer(await turn(["necesito un service del aire, puede ser mañana a la tarde?"], NOW));
    expect(bodyOf((await outbound())[0]!)).toContain("1) Miércoles 2/12 de 12:00 a 14:00\n2) Miércoles 2/12 de 14:00 a 16:00\n3) Miércoles 2/12 de 16:00 a 18:00");
    await answer(await turn(["1"], NOW));
    await answer(await turn(["dale"], NOW));
    const booked = await adminDb().job.findFirstOrThrow();
    expect(booked.scheduledStart).toEqual(ba("2026-12-02T12:00:00"));

    await answer(await turn(["no voy a poder, lo podemos pasar para el jueves?"], NOW));
    expect(bodyOf((await outbound())[3]!)).toMatch(/^Dale, cambiamos tu visita del miércoles 2\/12 de 12:00 a 14:00\. Tengo estos turnos:\n1\) Jueves 3\/12 de 08:00 a 10:00/);
    await answer(await turn(["la primera"], NOW));
    const moved = await adminDb().job.findFirstOrThrow();
    expect(moved).toMatchObject({ id: booked.id, scheduledStart: ba("2026-12-03T08:00:00"), address: "Av. Rivadavia 4520" });
    expect(bodyOf((await outbound())[4]!)).toContain("Cambiamos tu visita para el jueves 3/12 de 08:00 a 10:00");
  });

  it("a 👍 to '¿querés turnos?' counts as yes; a 👍 to nothing is left alone", async () => {
    await answer(await turn(["cuanto sale destapar la cloaca"], NOW));
    const reaction = { type: "REACTION" as const, content: { emoji: "👍", targetMessageId: "wamid.x" } };
    expect((await answer(await turn([reaction], NOW))).status).toBe("answered");
    expect(bodyOf((await outbound())[1]!)).toMatch(/^Tengo estos turnos:/);
    await answer(await turn(["2"], NOW));
    // A 👍 to "¿la visita es en …?" confirms the address on file.
    expect((await answer(await turn([reaction], NOW))).status).toBe("answered");
    expect(await adminDb().job.count()).toBe(1);
    expect(await answer(await turn([reaction], NOW))).toEqual({ status: "skipped", reason: "reaction" });
  });
});

describe("status, cancel and handoff", () => {
  it("tells where the visit is and cancels it after a yes", async () => {
    expect(bodyOf(((await answer(await turn(["ya viene el tecnico?"], NOW))), (await outbound())[0])!)).toBe("No encuentro visitas activas a tu nombre. ¿Querés que te pase turnos?");
    await answer(await turn(["quiero un turno para destapar la pileta"], NOW));
    await answer(await turn(["el primero"], NOW));
    await answer(await turn(["si"], NOW));
    await answer(await turn(["a que hora viene el tecnico?"], NOW));
    expect(bodyOf((await outbound()).at(-1)!)).toBe("Tu visita es el martes 1/12 de 12:00 a 14:00 con Diego (trabajo #1). Cuando salga para tu casa te avisamos con un link para seguirlo.");
    await answer(await turn(["quiero cancelar el turno"], NOW));
    expect(bodyOf((await outbound()).at(-1)!)).toBe("¿Confirmás que querés cancelar la visita del martes 1/12 de 12:00 a 14:00 (trabajo #1)? Respondé SÍ para cancelarla.");
    await answer(await turn(["si"], NOW));
    expect(await adminDb().job.findFirstOrThrow()).toMatchObject({ status: "cancelled" });
    expect(bodyOf((await outbound()).at(-1)!)).toMatch(/^Listo, cancelamos tu visita \(trabajo #1\)/);
  });

  it("asking for a person pauses the assistant; so does a person replying from the inbox", async () => {
    await answer(await turn(["quiero hablar con una persona"], NOW));
    expect(bodyOf((await outbound())[0]!)).toBe("Dale, ya le aviso al equipo: una persona te va a responder por acá a la brevedad.");
    const paused = await adminDb().whatsAppConversation.findUniqueOrThrow({ where: { id: CONV } });
    expect(paused.assistantPausedUntil).toEqual(new Date(NOW.getTime() + 120 * 60_000));
    expect(await answer(await turn(["hola?"], NOW))).toEqual({ status: "skipped", reason: "paused" });

    const other = `${ORG_A}-conv1`;
    // A person replies at the wall clock (the inbox has no injected clock), so this chat's 24-hour window must be
    // open relative to it, not to the fixed NOW the rest of the file uses.
    const wallNow = new Date();
    await adminDb().whatsAppConversation.update({ where: { id: other }, data: { lastInboundAt: wallNow, windowExpiresAt: new Date(wallNow.getTime() + 20 * 3600_000) } });
    await sendConversationMessage({ userId: "u-disp", role: "DISPATCHER" }, { organizationId: ORG_A, conversationId: other, content: { type: "text", body: "Hola, te escribe Laura" } });
    const t = await turn(["gracias laura, cuanto sale el service?"], new Date(), other);
    expect(await runAssistantTurn({ organizationId: ORG_A, conversationId: other, turnId: t }, { openAi: null })).toEqual({ status: "skipped", reason: "paused" });
  });

  it("a voice note it cannot hear goes to a person", async () => {
    await answer(await turn([{ type: "AUDIO", content: { voice: true } }], NOW));
    expect(bodyOf((await outbound())[0]!)).toMatch(/^Recibimos tu audio 🎧\. En este momento no lo puedo escuchar/);
    expect((await adminDb().whatsAppConversation.findUniqueOrThrow({ where: { id: CONV } })).assistantPausedUntil).not.toBeNull();
  });
});

describe("gates", () => {
  it("answers each turn once", async () => {
    const t = await turn(["cuanto sale destapar una cloaca"], NOW);
    const [first, second] = await Promise.all([answer(t), answer(t)]);
    expect([first.status, second.status].sort()).toEqual(["answered", "skipped"]);
    expect(await outbound()).toHaveLength(1);
    expect(await adminDb().lead.count()).toBe(1);
  });

  it("stays quiet when off, on plans without it, inside business hours in that mode, and past the month's allowance", async () => {
    await adminDb().organization.update({ where: { id: ORG_A }, data: { settings: { assistant: { autoResponseEnabled: false } } } });
    expect(await answer(await turn(["hola"], NOW))).toEqual({ status: "skipped", reason: "assistant_off" });

    await adminDb().organization.update({ where: { id: ORG_A }, data: { settings: { assistant: { autoResponseEnabled: true, mode: "outside_business_hours" }, businessHours: { tuesday: ["08:00", "18:00"] } } } });
    expect(await answer(await turn(["hola"], NOW))).toEqual({ status: "skipped", reason: "business_hours" });
    expect((await answer(await turn(["hola"], ba("2026-12-01T22:00:00")), ba("2026-12-01T22:00:00"))).status).toBe("answered");

    // FREE (and a PROFESIONAL trial that ended) has no aiAutoResponses: the turn is stored for the office, not
    // answered, and its run row says why.
    await adminDb().organization.update({ where: { id: ORG_A }, data: { tier: "FREE", settings: { assistant: { autoResponseEnabled: true } } } });
    const sentBefore = (await outbound()).length;
    const freeTurn = await turn(["hola"], NOW);
    expect(await answer(freeTurn)).toEqual({ status: "skipped", reason: "plan_required" });
    expect(await answer(freeTurn)).toEqual({ status: "skipped", reason: "plan_required" });
    expect(await adminDb().assistantRun.findUniqueOrThrow({ where: { turnId: freeTurn } })).toMatchObject({ outcome: "skipped:plan_required:aiAutoResponses", counted: false });
    await adminDb().organization.update({ where: { id: ORG_A }, data: { tier: "PROFESIONAL", trialEndsAt: new Date(NOW.getTime() - 60_000) } });
    expect(await answer(await turn(["hola"], NOW))).toEqual({ status: "skipped", reason: "plan_required" });
    expect(await outbound()).toHaveLength(sentBefore);
    await adminDb().organization.update({ where: { id: ORG_A }, data: { trialEndsAt: new Date(NOW.getTime() + 86_400_000) } });
    expect((await answer(await turn(["hola"], NOW))).status).toBe("answered");
    await adminDb().organization.update({ where: { id: ORG_A }, data: { trialEndsAt: null } });

    // PROFESIONAL: 500 conversations a month. 499 are used: this one gets the last; a new one is refused; one
    // already counted this month keeps its assistant.
    await adminDb().organization.update({ where: { id: ORG_A }, data: { tier: "PROFESIONAL" } });
    const ids = Array.from({ length: 499 }, (_, i) => `old-${i}`);
    await adminDb().customer.createMany({ data: ids.map((id, i) => ({ id, organizationId: ORG_A, phone: `+54911700${String(i).padStart(5, "0")}`, name: id })) });
    await adminDb().whatsAppConversation.createMany({ data: ids.map((id) => ({ id, organizationId: ORG_A, customerId: id })) });
    await adminDb().assistantRun.createMany({
      data: ids.map((id) => ({ organizationId: ORG_A, conversationId: id, turnId: `turn-${id}`, engine: "OFFLINE" as const, intent: "greeting", outcome: "replied", latencyMs: 1, counted: true, createdAt: NOW })),
    });
    expect((await answer(await turn(["hola"], NOW))).status).toBe("answered");
    const other = `${ORG_A}-conv1`;
    // A person replies at the wall clock (the inbox has no injected clock), so this chat's 24-hour window must be
    // open relative to it, not to the fixed NOW the rest of the file uses.
    const wallNow = new Date();
    await adminDb().whatsAppConversation.update({ where: { id: other }, data: { lastInboundAt: wallNow, windowExpiresAt: new Date(wallNow.getTime() + 20 * 3600_000) } });
    expect(await runAssistantTurn({ organizationId: ORG_A, conversationId: other, turnId: await turn(["hola"], NOW, other) }, offline)).toEqual({ status: "skipped", reason: "plan_limit" });
    expect((await answer(await turn(["cuanto sale destapar la cloaca"], NOW))).status).toBe("answered");
    // Last month's conversations do not count.
    expect(await adminDb().assistantRun.count({ where: { counted: true } })).toBe(500);
  });
});
