import type { Prisma, Tier } from "@campotech/database";
import { captureProductEvent } from "../../integrations/posthog";
import { openAiConfigFromEnv } from "../../integrations/openai/openai-config-from-env";
import type { OpenAiConfig } from "../../integrations/openai/types";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { logger } from "../../lib/logger";
import { assistantTurnSeconds, assistantTurnsTotal } from "../../lib/metrics/assistant-metrics";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { sendMessage } from "../messaging/send-message";
import { assistantSettings, isWithinBusinessHours } from "./assistant-settings";
import { readAssistantState } from "./assistant-state";
import { callTool } from "./call-tool";
import { claimAiConversation } from "./claim-ai-conversation";
import type { EngineInput, EngineOutput, HistoryLine } from "./engine-types";
import { runOfflineEngine } from "./offline-engine";
import { runOpenAiEngine } from "./openai-engine";
import { readVoiceNotes } from "./read-voice-notes";
import { turnText } from "./turn-text";
import { readEmergency } from "./learned/read-emergency";
import { effectiveTier } from "../organizations/effective-tier";
import { includesFeature, planFeatures } from "../organizations/features";

export type AssistantTurnInput = { organizationId: string; conversationId: string; turnId: string };
export type AssistantTurnResult = { status: "answered" | "silent"; runId: string; reply: string | null; messageId: string | null } | { status: "skipped"; reason: string };

export type AssistantDeps = { now?: Date; openAi?: OpenAiConfig | null };

const HISTORY_LINES = 12;
const CONFIRMING = /^(?:👍|👌|✅|🙌|👏|💪|🙏|❤️|♥️|😊|🥰)/u;
// A run left "running" this long ago died midway (worker crash): a retry takes the turn over.
const STALE_RUN_MS = 2 * 60_000;

// One customer turn → at most one answer. Gates first (assistant on, plan includes it, not paused by a person,
// business-hours mode, the month's AI conversations), then the turn is claimed by inserting its AssistantRun row
// (turnId is unique: a retried or duplicated job never answers twice), the engine runs (the model with tools when
// configured, the offline engine otherwise or on failure) and the reply goes through the outbound engine.
// Emergencies pass the pause and the business-hours gate: safety instructions never wait for a person.
export async function runAssistantTurn(input: AssistantTurnInput, deps: AssistantDeps = {}): Promise<AssistantTurnResult> {
  const result = await answerTurn(input, deps);
  assistantTurnsTotal.inc({ status: result.status, reason: result.status === "skipped" ? result.reason : "" });
  return result;
}

async function answerTurn(input: AssistantTurnInput, deps: AssistantDeps): Promise<AssistantTurnResult> {
  const now = deps.now ?? new Date();
  const started = performance.now();
  const loaded = await withTenant(input.organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { name: true, tier: true, trialEndsAt: true, settings: true } });
    const conversation = await tx.whatsAppConversation.findFirst({
      where: { id: input.conversationId },
      select: { assistantPausedUntil: true, assistantState: true, customer: { select: { id: true, name: true, profileName: true, staffUserId: true } } },
    });
    const messages = await tx.whatsAppMessage.findMany({
      where: { turnId: input.turnId, direction: "INBOUND" },
      orderBy: [{ providerTimestamp: "asc" }, { createdAt: "asc" }],
      select: { id: true, type: true, content: true, mediaStorageKey: true, mediaMimeType: true, mediaState: true, createdAt: true },
    });
    const firstAt = messages[0]?.createdAt ?? now;
    const history = await tx.whatsAppMessage.findMany({
      where: { conversationId: input.conversationId, createdAt: { lt: firstAt }, type: { notIn: ["REACTION", "SYSTEM"] } },
      orderBy: { createdAt: "desc" },
      take: HISTORY_LINES,
      select: { direction: true, type: true, content: true, mediaStorageKey: true, mediaMimeType: true, mediaState: true },
    });
    const priceList = await tx.priceListItem.findMany({ where: { active: true }, select: { code: true, name: true, serviceType: true, keywords: true } });
    return { organization, conversation, messages, history: history.reverse(), priceList };
  });
  const { organization, conversation, messages } = loaded;
  // The plan decides through the features module, read at the effective tier: an expired trial is FREE.
  const tier = effectiveTier(organization, now);
  const features = planFeatures(tier);
  const stored = assistantSettings(organization.settings);
  // Instructions saved on a higher plan (or during a trial) stay stored but are not given to the assistant.
  const settings = features.customAiInstructions ? stored : { ...stored, customInstructions: "" };
  if (!settings.autoResponseEnabled) return { status: "skipped", reason: "assistant_off" };
  if (!conversation || conversation.customer.staffUserId) return { status: "skipped", reason: "not_a_customer" };
  if (!messages.length) return { status: "skipped", reason: "empty_turn" };
  if (!includesFeature(tier, "aiAutoResponses")) {
    // The message is already stored for the inbox; the office answers it. The turn keeps a run row saying why, so
    // "why didn't the assistant answer?" has an answer in the conversation's runs.
    await recordPlanSkip(input, now);
    logger.info({ organizationId: input.organizationId, conversationId: input.conversationId, tier }, "assistant: plan without aiAutoResponses, turn left to the office");
    return { status: "skipped", reason: "plan_required" };
  }

  const texts = messages.map(turnText).filter((t): t is string => Boolean(t));
  const reactionOnly = messages.every((m) => m.type === "REACTION");
  const openAi = deps.openAi === undefined ? openAiConfigFromEnv() : deps.openAi;
  // Voice notes are transcribed only on plans with voiceTranscription; otherwise they go to a person.
  const voice = await readVoiceNotes(messages, features.voiceTranscription ? openAi : null);
  const text = [...texts.filter(() => !reactionOnly), ...voice.transcripts].join("\n").trim();
  const emergency = text ? readEmergency(text) : null;
  const state = readAssistantState(conversation.assistantState, now);
  // A reaction answers only a question the assistant asked, and only if it says yes.
  if (reactionOnly && !voice.transcripts.length && !(state.awaiting && texts.some((t) => CONFIRMING.test(t)))) return { status: "skipped", reason: "reaction" };
  if (!emergency) {
    if (conversation.assistantPausedUntil && conversation.assistantPausedUntil > now) return { status: "skipped", reason: "paused" };
    if (settings.mode === "outside_business_hours" && isWithinBusinessHours(settings, now)) return { status: "skipped", reason: "business_hours" };
  }

  const claim = await claimTurn(input, { now, tier, emergency: Boolean(emergency) });
  if (claim.kind === "duplicate") return { status: "skipped", reason: "already_answered" };
  if (claim.kind === "refused") {
    logger.warn({ organizationId: input.organizationId, used: claim.allowance.used, limit: claim.allowance.limit }, "assistant: monthly AI conversations used up");
    return { status: "skipped", reason: "plan_limit" };
  }

  const customerName = conversation.customer.name || conversation.customer.profileName || null;
  const engineInput: EngineInput = {
    text, reactionOnly: reactionOnly && !voice.transcripts.length,
    ctx: { organizationId: input.organizationId, conversationId: input.conversationId, customerId: conversation.customer.id, customerName, now, state, settings, features },
    organizationName: organization.name,
    priceList: loaded.priceList,
    history: toHistory(loaded.history),
  };
  let output: EngineOutput;
  if (voice.untranscribed && !text) {
    output = await voiceNoteHandoff(engineInput);
  } else {
    output = openAi ? await runOpenAiEngine(engineInput, openAi) : await runOfflineEngine(engineInput);
  }

  let messageId: string | null = null;
  let outcome = output.reply ? "replied" : "silent";
  if (output.reply) {
    try {
      const message = await sendMessage(
        {
          organizationId: input.organizationId, conversationId: input.conversationId, content: { type: "text", body: output.reply.slice(0, 4096) },
          purpose: output.emergency ? "emergency" : "reply", priority: output.emergency ? "high" : "normal", idempotencyKey: `assistant-${input.turnId}`, sentByUserId: "assistant",
        },
        now,
      );
      messageId = message.id;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome = `reply_refused:${error.code}`;
      logger.warn({ organizationId: input.organizationId, conversationId: input.conversationId, code: error.code }, "assistant reply refused by the outbound engine");
    }
  }
  const latencyMs = Math.round(performance.now() - started);
  assistantTurnSeconds.observe({ engine: output.engine.toLowerCase() }, latencyMs / 1000);
  await withTenant(input.organizationId, async (tx) => {
    await tx.whatsAppConversation.update({ where: { id: input.conversationId }, data: { assistantState: { ...state, updatedAt: now } as unknown as Prisma.InputJsonValue } });
    await tx.assistantRun.update({
      where: { id: claim.runId },
      data: {
        engine: output.engine, intent: output.intent, emergencyKind: output.emergency, outcome, reply: output.reply, latencyMs, error: output.error ?? null,
        toolCalls: JSON.parse(JSON.stringify(output.toolCalls)) as Prisma.InputJsonValue,
      },
    });
  });
  await publishOrganizationEvents([
    { type: "assistant.replied", organizationId: input.organizationId, conversationId: input.conversationId, runId: claim.runId, intent: output.intent, engine: output.engine, messageId, at: now.toISOString() },
  ]);
  if (output.reply && messageId) captureProductEvent({ event: "conversation_answered", organizationId: input.organizationId, properties: { conversationId: input.conversationId, runId: claim.runId, messageId, toolCallCount: output.toolCalls.length } });
  return { status: output.reply ? "answered" : "silent", runId: claim.runId, reply: output.reply, messageId };
}

function toHistory(rows: { direction: string; type: string; content: unknown; mediaStorageKey: string | null; mediaMimeType: string | null; mediaState: string | null }[]): HistoryLine[] {
  return rows
    .map((r) => ({ from: r.direction === "INBOUND" ? ("customer" as const) : ("business" as const), text: turnText(r) ?? "" }))
    .filter((h) => h.text);
}

// Idempotent: a retried job finds the row and leaves it.
async function recordPlanSkip(input: AssistantTurnInput, now: Date): Promise<void> {
  await withTenant(input.organizationId, (tx) =>
    tx.assistantRun.createMany({
      data: [{ organizationId: input.organizationId, conversationId: input.conversationId, turnId: input.turnId, engine: "OFFLINE", intent: "none", outcome: "skipped:plan_required:aiAutoResponses", latencyMs: 0, createdAt: now }],
      skipDuplicates: true,
    }),
  );
}

// A voice note nobody can transcribe here: the customer is told a person will listen, and the office is told.
async function voiceNoteHandoff(input: EngineInput): Promise<EngineOutput> {
  const log: EngineOutput["toolCalls"] = [];
  await callTool(input.ctx, log, "handoff", { reason: "Mandó un audio que hay que escuchar" });
  return {
    engine: "OFFLINE", intent: "other", emergency: null, toolCalls: log,
    reply: "Recibimos tu audio 🎧. En este momento no lo puedo escuchar, así que se lo pasé al equipo: una persona lo escucha y te responde a la brevedad. Si es una urgencia, escribinos en texto qué pasa.",
  };
}

// Claims the turn by inserting its AssistantRun row (unique turnId), with the month's AI-conversation allowance
// checked in the same transaction. A concurrent claim of the same turn loses on the unique index.
async function claimTurn(input: AssistantTurnInput, opts: { now: Date; tier: Tier; emergency: boolean }) {
  const { now, emergency } = opts;
  const organization = { tier: opts.tier };
  try {
    return await withTenant(input.organizationId, async (tx) => {
    const existing = await tx.assistantRun.findUnique({ where: { turnId: input.turnId }, select: { id: true, outcome: true, createdAt: true } });
    if (existing && !(existing.outcome === "running" && now.getTime() - existing.createdAt.getTime() > STALE_RUN_MS)) return { kind: "duplicate" as const };
    const allowance = await claimAiConversation(tx, { organizationId: input.organizationId, conversationId: input.conversationId, tier: organization.tier, now });
    if (!allowance.allowed && !emergency) return { kind: "refused" as const, allowance };
    const data = { engine: "OFFLINE" as const, intent: "pending", outcome: "running", counted: allowance.counted, latencyMs: 0, createdAt: now };
    const run = existing
      ? await tx.assistantRun.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.assistantRun.create({ data: { ...data, organizationId: input.organizationId, conversationId: input.conversationId, turnId: input.turnId }, select: { id: true } });
    return { kind: "claimed" as const, runId: run.id };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { kind: "duplicate" as const };
    throw error;
  }
}
