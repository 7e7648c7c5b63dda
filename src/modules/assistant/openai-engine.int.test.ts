import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useOpenAiSandbox } from "../../integrations/openai/sandbox-harness";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { closeSharedRedis, sharedRedis, whenRedisReady } from "../../lib/redis";
import { closeQueues } from "../../workers/queue-registry";
import { getMediaStorage } from "../media/get-media-storage";
import { ba, bodyOf, CONV, ORG_A, outbound, seedAssistantOrg, turn } from "./assistant-test-kit";
import { runAssistantTurn } from "./run-assistant-turn";

// The model path over real HTTP against the sandbox's OpenAI-compatible server: scripted tool calls run our real
// tools, their results go back to the model with the tool_call_id, and any model failure falls back to the
// offline engine.
const openai = useOpenAiSandbox();
let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const NOW = ba("2026-12-01T10:05:00");
const answer = async (text: string, config = openai.config()) =>
  withReply(await runAssistantTurn({ organizationId: ORG_A, conversationId: CONV, turnId: await turn([text], NOW) }, { now: NOW, openAi: config }));
const withReply = (result: Awaited<ReturnType<typeof runAssistantTurn>>) => ({ ...result, reply: "reply" in result ? result.reply : null });

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
  await seedAssistantOrg(sandbox, redis, { now: NOW, settings: { customInstructions: "Somos matriculados en gas. Atendemos CABA y zona sur." } });
});

describe("the OpenAI engine", () => {
  it("runs tool calls through our tools and answers with the model's text", async () => {
    await openai.script([
      { toolCalls: [{ id: "call_price", name: "get_price", arguments: { query: "destapar una cloaca" } }] },
      { toolCalls: [{ id: "call_lead", name: "create_lead", arguments: { summary: "Destapar cloaca", serviceType: "DRAINAGE", priceListCode: "DESTAP-CLOACA", quotedCents: 3_800_000 } }] },
      { content: "La destapación de cloaca sale $38.000 + IVA. ¿Querés que te pase turnos?" },
    ]);
    const result = await answer("cuanto me sale destapar la cloaca?");
    expect(result).toMatchObject({ status: "answered", reply: "La destapación de cloaca sale $38.000 + IVA. ¿Querés que te pase turnos?" });
    expect(bodyOf((await outbound())[0]!)).toBe("La destapación de cloaca sale $38.000 + IVA. ¿Querés que te pase turnos?");

    const requests = await openai.requests("chat/completions");
    expect(requests).toHaveLength(3);
    const first = requests[0]!.body;
    expect(first.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual([
      "get_price", "find_slots", "create_job", "create_lead", "escalate_emergency", "handoff", "get_job_status", "cancel_job",
    ]);
    expect(first.messages[0]).toMatchObject({ role: "system" });
    expect(first.messages[0].content).toContain("Sos el asistente de WhatsApp de Del Sur Plomería y Gas");
    expect(first.messages[0].content).toContain("Instrucciones de la empresa: Somos matriculados en gas.");
    expect(first.messages.at(-1)).toEqual({ role: "user", content: "cuanto me sale destapar la cloaca?" });
    // The price tool's real answer went back to the model, tied to its call.
    const toolMessage = requests[1]!.body.messages.at(-1);
    expect(toolMessage).toMatchObject({ role: "tool", tool_call_id: "call_price" });
    expect(JSON.parse(toolMessage.content).matches[0]).toMatchObject({ code: "DESTAP-CLOACA", priceText: "$38.000 + IVA" });

    expect(await adminDb().lead.findFirstOrThrow()).toMatchObject({ status: "QUOTED", priceListCode: "DESTAP-CLOACA", quotedCents: 3_800_000 });
    const run = await adminDb().assistantRun.findFirstOrThrow();
    expect(run).toMatchObject({ engine: "OPENAI", outcome: "replied", error: null });
    expect((run.toolCalls as { name: string }[]).map((c) => c.name)).toEqual(["get_price", "create_lead"]);
  });

  it("books the slot the model picks from the ones find_slots offered", async () => {
    await openai.script([
      { toolCalls: [{ id: "call_slots", name: "find_slots", arguments: { dayPart: "morning" } }] },
      { content: "Tengo: 1) miércoles 2/12 08:00, 2) jueves 3/12 08:00. ¿Cuál preferís?" },
      { toolCalls: [{ id: "call_book", name: "create_job", arguments: { slotIndex: 1, description: "Service de split", serviceType: "HVAC" } }] },
      { content: "¡Listo! Quedó para el jueves 3/12 a las 08:00." },
    ]);
    await answer("necesito un service del aire a la mañana");
    const second = withReply(await runAssistantTurn({ organizationId: ORG_A, conversationId: CONV, turnId: await turn(["el jueves"], NOW) }, { now: NOW, openAi: openai.config() }));
    expect(second.reply).toBe("¡Listo! Quedó para el jueves 3/12 a las 08:00.");
    const job = await adminDb().job.findFirstOrThrow();
    expect(job).toMatchObject({ status: "scheduled", serviceType: "HVAC", description: "Service de split", scheduledStart: ba("2026-12-03T08:00:00") });
    // The second turn's system prompt listed the offered slots by index.
    const [, , third] = await openai.requests("chat/completions");
    expect(third!.body.messages[0].content).toContain("1: jueves 3/12 de 08:00 a 10:00");
  });

  it("hands bad tool arguments back to the model as an error instead of acting", async () => {
    await openai.script([
      { toolCalls: [{ id: "call_bad", name: "create_job", arguments: { slotIndex: "la primera" } }] },
      { content: "Perdón, ¿qué turno preferís?" },
    ]);
    expect((await answer("agendame")).reply).toBe("Perdón, ¿qué turno preferís?");
    const [, second] = await openai.requests("chat/completions");
    expect(JSON.parse(second!.body.messages.at(-1).content)).toEqual({ error: expect.stringContaining("slotIndex") });
    expect(await adminDb().job.count()).toBe(0);
  });

  it("falls back to the offline engine when the model fails or is too slow", async () => {
    await openai.script([{ error: { status: 500, message: "The server had an error" } }]);
    expect((await answer("cuánto sale destapar una cloaca")).reply).toBe("Destapación de cloaca tiene un costo de $38.000 + IVA (materiales aparte). ¿Querés que te pase turnos para la visita?");
    expect((await adminDb().assistantRun.findFirstOrThrow()).error).toMatch(/^server: /);

    await openai.script([{ delayMs: 1_500, content: "tarde" }]);
    const slow = await answer("quiero hablar con una persona", openai.config({ timeoutMs: 300 }));
    expect(slow.reply).toBe("Dale, ya le aviso al equipo: una persona te va a responder por acá a la brevedad.");
  });

  it("never waits for the model in an emergency", async () => {
    await answer("hay olor a gas en toda la casa");
    expect(await openai.requests("chat/completions")).toEqual([]);
    expect(bodyOf((await outbound())[0]!)).toContain("No toques llaves de luz");
  });

  it("asks '¿Es una urgencia?' itself when a message could be an emergency, and escalates the yes without the model", async () => {
    await answer("el toma de la cocina hace un ruidito");
    expect(bodyOf((await outbound())[0]!)).toMatch(/^¿Es una urgencia\?/);
    await answer("URGENTE");
    expect(await openai.requests("chat/completions")).toEqual([]);
    expect(await adminDb().job.findFirstOrThrow()).toMatchObject({ urgency: "EMERGENCY" });
    const runs = await adminDb().assistantRun.findMany({ orderBy: { createdAt: "asc" } });
    expect(runs.map((r) => r.emergencyKind)).toEqual([null, "electrical"]);
  });

  it("records the turn as an emergency when the model escalates on its own", async () => {
    await openai.script([
      { toolCalls: [{ id: "call_esc", name: "escalate_emergency", arguments: { kind: "flood", summary: "Agua saliendo del techo" } }] },
      { content: "Ya avisamos al equipo. Cortá la llave de paso." },
    ]);
    await answer("hola, consulta por el departamento del tercer piso");
    const run = await adminDb().assistantRun.findFirstOrThrow();
    expect(run).toMatchObject({ engine: "OPENAI", intent: "emergency", emergencyKind: "flood" });
  });

  it("transcribes a voice note through the Whisper-compatible endpoint and answers it as text", async () => {
    const key = `${ORG_A}/voice/nota-1.ogg`;
    await getMediaStorage().put(key, Buffer.from("TRANSCRIPT: hola, cuánto sale destapar una cloaca?"), "audio/ogg");
    const turnId = await turn([{ type: "AUDIO", content: { voice: true }, mediaStorageKey: key, mediaMimeType: "audio/ogg; codecs=opus" }], NOW);
    await openai.script([{ content: "¡Hola! La destapación de cloaca sale $38.000 + IVA." }]);
    await runAssistantTurn({ organizationId: ORG_A, conversationId: CONV, turnId }, { now: NOW, openAi: openai.config() });
    const [transcription] = await openai.requests("audio/transcriptions");
    expect(transcription).toBeDefined();
    const [chat] = await openai.requests("chat/completions");
    expect(chat!.body.messages.at(-1)).toEqual({ role: "user", content: "hola, cuánto sale destapar una cloaca?" });
  });
});
