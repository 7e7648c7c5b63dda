import type { EngineInput } from "../engine-types";
import { CLARIFY_BELOW, type Intent, type Understanding } from "../understanding/types";

// Calibrated confidence: below CLARIFY_BELOW the assistant asks between its two best readings instead of acting
// on a guess, then reads the short answer ("lo primero", "el precio", "cancelar") against that question.

// Intents worth a question: each one leads somewhere different. Greetings, thanks and "other" are not.
const PHRASE: Partial<Record<Intent, string>> = {
  quote_request: "saber un precio",
  schedule_request: "agendar una visita",
  reschedule: "cambiar el día de tu visita",
  cancel: "cancelar tu visita",
  job_status: "saber cuándo llega el técnico",
  complaint: "hacer un reclamo",
  human_handoff: "hablar con una persona",
};

const CUES: Partial<Record<Intent, RegExp>> = {
  quote_request: /\b(?:precio|cuanto|sale|cuesta|presupuesto|cotiz\w*)\b/,
  schedule_request: /\b(?:agendar|turno|visita|que vengan|venir|nueva)\b/,
  reschedule: /\b(?:cambiar|reprogram\w*|mover|pasar|otro dia)\b/,
  cancel: /\b(?:cancel\w*|anular|suspender)\b/,
  job_status: /\b(?:cuando llega|donde esta|estado|ya viene)\b/,
  complaint: /\b(?:reclamo|queja|reclamar)\b/,
  human_handoff: /\b(?:persona|humano|alguien|hablar)\b/,
};

export type Clarification = { kind: "reschedule_or_cancel" } | { kind: "clarify"; options: [Intent, Intent] };

// When to ask: the best reading is under CLARIFY_BELOW and there is a second one that leads elsewhere; or the two
// best are reprogramar and cancelar and close (a wrong guess there cancels a visit the customer wanted to keep).
export function clarificationFor(u: Understanding): Clarification | null {
  if (u.emergency) return null;
  const [a, b] = u.alternatives;
  if (!a) return null;
  const visit = (i: Intent | undefined) => i === "reschedule" || i === "cancel";
  if (visit(a.intent) && (!b || visit(b.intent)) && (a.confidence < CLARIFY_BELOW || (b && b.confidence >= a.confidence - 0.15))) {
    return { kind: "reschedule_or_cancel" };
  }
  if (a.confidence >= CLARIFY_BELOW || !b || a.intent === b.intent) return null;
  if (!PHRASE[a.intent] || !PHRASE[b.intent]) return null;
  return { kind: "clarify", options: [a.intent, b.intent] };
}

export function askClarify(input: EngineInput, options: [Intent, Intent], hello: string): string {
  input.ctx.state.awaiting = "clarify";
  input.ctx.state.clarify = { options, text: input.text.slice(0, 300) };
  return `${hello}Para no entenderte mal: ¿querés ${PHRASE[options[0]]} o ${PHRASE[options[1]]}?`;
}

// The intent the answer picks, or null (the answer is then handled as a message of its own).
export function readClarify(input: EngineInput, u: Understanding): { intent: Intent; text: string } | null {
  const { ctx } = input;
  const clarify = ctx.state.clarify;
  ctx.state.awaiting = undefined;
  ctx.state.clarify = undefined;
  if (!clarify) return null;
  const [a, b] = clarify.options as [Intent, Intent];
  const s = u.normalized;
  let picked: Intent | null = null;
  if (/^(?:1|(?:lo |la |el )?primer[oa]?)\b/.test(s)) picked = a;
  else if (/^(?:2|(?:lo |la |el )?segund[oa])\b/.test(s)) picked = b;
  else if (CUES[a]?.test(s) && !CUES[b]?.test(s)) picked = a;
  else if (CUES[b]?.test(s) && !CUES[a]?.test(s)) picked = b;
  else if (u.intent === a || u.intent === b) picked = u.intent;
  // The answer carries its own details ("cancelar el del jueves"): read those together with the first message.
  return picked ? { intent: picked, text: `${clarify.text}\n${input.text}` } : null;
}
