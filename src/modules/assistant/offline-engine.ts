import { callTool, type ToolCallRecord } from "./call-tool";
import type { EngineInput, EngineOutput } from "./engine-types";
import { chooseSlot, offerSlots, readAddressReply } from "./offline-replies/booking";
import { askClarify, clarificationFor, readClarify } from "./offline-replies/clarify";
import { readPhotos } from "./offline-replies/photo-request";
import { quote, rememberRequest } from "./offline-replies/quote";
import { firstName, NO, type Call } from "./offline-replies/reply-kit";
import { askRescheduleOrCancel, confirmCancel, jobStatus, readJobChoice, readRescheduleOrCancel, startVisitAction } from "./offline-replies/visits";
import { safetyInstructions } from "./safety-instructions";
import { mentionedHazard } from "./understanding/detect-emergency";
import { understandMessage } from "./understanding/understand-message";
import type { EmergencyKind, Understanding } from "./understanding/types";

const URGENT_YES = /\b(?:urgente|urgencia|emergencia|si+|dale|ayuda|vengan)\b/;
const ASK_URGENT = "¿Es una urgencia? Si hay olor a gas, chispas u olor a quemado, humo, agua que no para o alguien se siente mal, respondé URGENTE y te ayudamos ya. Si no, contanos un poco más qué necesitás.";

// The deterministic Spanish assistant: the understanding layer decides what the customer wants, the same tools the
// model uses do the work, and the replies are written here and in offline-replies/. No network, same answer for
// the same input. The dialogue state (assistant-state.ts) says what the last reply asked, so a short answer ("sí",
// "2", "Av. San Martín 1234") is read against that question first.
export async function runOfflineEngine(input: EngineInput): Promise<EngineOutput> {
  const { ctx } = input;
  const offered = ctx.state.awaiting === "slot_choice" ? ctx.state.offeredSlots : [];
  const u = understandMessage(input.reactionOnly ? "👍" : input.text, {
    now: ctx.now, priceList: input.priceList, offeredSlots: offered, ...(ctx.state.awaiting ? { awaiting: ctx.state.awaiting } : {}),
  });
  return answerUnderstanding(input, u);
}

// The engine from an Understanding on: what the classifier made of the message is data here, so the dialogue can
// be exercised with the readings a learned classifier produces (alternatives, possible emergencies).
export async function answerUnderstanding(input: EngineInput, u: Understanding): Promise<EngineOutput> {
  const { ctx } = input;
  const log: ToolCallRecord[] = [];
  const reply = await decide(input, u, log);
  if (u.intent !== "other") ctx.state.unclear = 0;
  // An emergency confirmed in answer to "¿es una urgencia?" is one too (for the reply's priority and the record).
  const escalated = log.find((c) => c.name === "escalate_emergency")?.input as { kind?: EngineOutput["emergency"] } | undefined;
  return { engine: "OFFLINE", intent: escalated ? "emergency" : u.intent, emergency: escalated?.kind ?? u.emergency ?? null, reply, toolCalls: log };
}

async function decide(input: EngineInput, u: Understanding, log: ToolCallRecord[]): Promise<string | null> {
  const { ctx } = input;
  const call: Call = async <T>(name: string, args: unknown) => {
    const result = await callTool(ctx, log, name, args);
    return (result.ok ? result.output : null) as T | null;
  };
  const first = firstName(ctx.customerName);
  const hello = /^(?:hola|buenas|buen dia|buenos dias|buenas tardes|buenas noches)\b/.test(u.normalized) ? `¡Hola${first ? ` ${first}` : ""}! ` : "";

  // Answer to "¿es una urgencia?": yes escalates what the earlier message described.
  let emergency = u.emergency;
  let summary = input.text;
  if (ctx.state.awaiting === "emergency_check" && ctx.state.hazard) {
    ctx.state.awaiting = undefined;
    // "URGENTE" answers the question about the earlier message: its kind is the earlier hazard's, unless this
    // message names a danger of its own.
    if ((emergency || URGENT_YES.test(u.normalized)) && !NO.test(u.normalized)) {
      if (!emergency || !mentionedHazard(u.normalized)) emergency = ctx.state.hazard.kind;
      summary = `${ctx.state.hazard.text} (confirmó que es urgente)`;
    }
    ctx.state.hazard = undefined;
  } else if (!emergency && u.possibleEmergency && ctx.state.awaiting !== "address" && ctx.state.awaiting !== "job_choice") {
    // (An address or a pick among the customer's visits answers our own question; "timbre", "piso 2, al fondo del
    // pasillo" read as a faint hazard out of context. A real danger there is still u.emergency.)
    // It may be an emergency the classifier could not confirm: always ask before anything else.
    return askUrgent(input, u.possibleEmergency, hello);
  }
  if (emergency) {
    const result = await call<{ number: number; alreadyReported: boolean }>("escalate_emergency", { kind: emergency, summary: summary.slice(0, 400) });
    const tail = result?.alreadyReported
      ? `Tu urgencia ya está registrada (trabajo #${result.number}) y el equipo de ${input.organizationName} está avisado.`
      : `Ya avisamos al equipo de ${input.organizationName}${result ? ` (trabajo #${result.number})` : ""}: te van a contactar de urgencia.`;
    return `${safetyInstructions(emergency)}\n\n${tail}`;
  }

  // A photo after "mandanos una foto": attached to the job; a photo with nothing else to say is just thanked.
  const photos = await readPhotos(input, call);
  if (photos && (!input.text.trim() || ["other", "confirmation", "greeting"].includes(u.intent))) return photos;

  if (input.reactionOnly) {
    if (ctx.state.awaiting === "schedule_offer") return offerSlots(input, call, undefined, hello);
    if (ctx.state.awaiting === "slot_choice" && ctx.state.offeredSlots.length === 1) return chooseSlot(input, call, 0);
    if (ctx.state.awaiting === "address" && ctx.state.address?.onFile) return readAddressReply(input, { ...u, intent: "confirmation" }, call);
    if (ctx.state.awaiting === "cancel_confirm") return confirmCancel(call);
    return null;
  }

  const awaiting = ctx.state.awaiting;
  if (awaiting === "slot_choice" && u.entities.slotChoice !== undefined) return chooseSlot(input, call, u.entities.slotChoice);
  if (awaiting === "address") {
    const answered = await readAddressReply(input, u, call);
    if (answered !== null) return answered;
  }
  if (awaiting === "cancel_confirm") {
    if (u.intent === "confirmation" || u.intent === "cancel") return confirmCancel(call);
    ctx.state.awaiting = undefined;
    ctx.state.targetJobId = undefined;
    if (NO.test(u.normalized)) return "Perfecto, tu visita sigue en pie. ¡Te esperamos!";
  }
  if (awaiting === "job_choice") {
    const answered = await readJobChoice(input, call);
    if (answered !== null) return answered;
  }
  if (awaiting === "reschedule_or_cancel") {
    const answered = await readRescheduleOrCancel(input, call, u.intent);
    if (answered !== null) return answered;
  }
  if (awaiting === "clarify") {
    const picked = readClarify(input, u);
    if (picked) {
      const reread = understandMessage(picked.text, { now: ctx.now, priceList: input.priceList });
      return route({ ...input, text: picked.text }, { ...reread, intent: picked.intent, confidence: 1, alternatives: [{ intent: picked.intent, confidence: 1 }] }, call, hello);
    }
  }
  if (ctx.state.awaiting && NO.test(u.normalized) && u.intent !== "cancel") {
    ctx.state.awaiting = undefined;
    ctx.state.offeredSlots = [];
    ctx.state.jobId = undefined;
    return "Perfecto. Cualquier cosa, escribinos por acá.";
  }

  // Unsure between two readings: ask, unless this message already answered such a question.
  const unsure = awaiting === "clarify" || awaiting === "reschedule_or_cancel" ? null : clarificationFor(u);
  if (unsure?.kind === "reschedule_or_cancel") return askRescheduleOrCancel(input, call, hello);
  if (unsure?.kind === "clarify") return askClarify(input, unsure.options, hello);
  return route(input, u, call, hello);
}

async function route(input: EngineInput, u: Understanding, call: Call, hello: string): Promise<string> {
  const { ctx } = input;
  switch (u.intent) {
    case "greeting":
      return `${hello || "¡Hola! "}Te escribe el asistente de ${input.organizationName}. ¿En qué te podemos ayudar? Te puedo pasar precios, darte un turno o atender una urgencia.`;
    case "quote_request":
      return quote(input, u, call, hello);
    case "schedule_request":
      rememberRequest(input, u);
      ctx.state.jobId = undefined;
      return offerSlots(input, call, u.entities.when, hello);
    case "reschedule":
      return startVisitAction(input, call, "reschedule", u.entities.when, hello);
    case "cancel":
      return startVisitAction(input, call, "cancel", undefined, hello);
    case "job_status":
      return jobStatus(call, hello);
    case "complaint":
      await call("handoff", { reason: `Reclamo: ${input.text.slice(0, 200)}` });
      return `${hello}Lamentamos mucho lo que pasó. Ya le pasé tu mensaje al equipo de ${input.organizationName} y una persona te va a responder a la brevedad.`;
    case "human_handoff":
      await call("handoff", { reason: "El cliente pidió hablar con una persona" });
      return `${hello}Dale, ya le aviso al equipo: una persona te va a responder por acá a la brevedad.`;
    case "confirmation":
      if (ctx.state.awaiting === "schedule_offer") return offerSlots(input, call, u.entities.when, hello);
      if (ctx.state.awaiting === "slot_choice") return "¿Cuál de los turnos te queda mejor? Respondé con el número (1, 2 o 3).";
      return "¡Gracias a vos! Cualquier cosa, escribinos por acá.";
    default: {
      // Not understood, but it touches gas, combustion, electricity or water: ask before anything else.
      const hazard = mentionedHazard(u.normalized);
      if (hazard) return askUrgent(input, hazard, hello);
      ctx.state.unclear += 1;
      if (ctx.state.unclear >= 3) {
        await call("handoff", { reason: `No logro entender lo que necesita: "${input.text.slice(0, 150)}"` });
        return "Perdón, no te estoy entendiendo bien. Le paso la conversación a una persona del equipo, que te responde a la brevedad.";
      }
      return `${hello}Perdón, no te entendí bien. ¿Nos contás qué necesitás? Por ejemplo: un presupuesto, un turno o si es una urgencia.`;
    }
  }
}

function askUrgent(input: EngineInput, kind: EmergencyKind, hello: string): string {
  input.ctx.state.awaiting = "emergency_check";
  input.ctx.state.hazard = { kind, text: input.text.slice(0, 300) };
  return `${hello}${ASK_URGENT}`;
}

