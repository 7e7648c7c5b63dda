import { detectEmergency } from "./detect-emergency";
import { detectServiceType } from "./detect-service-type";
import {
  AGAIN, AVAILABILITY, CANCEL_CUES, COMPLAINT_CUES, CONFIRMATION, type Cue, DEFERRAL, GREETING, HANDOFF_CUES,
  INFO_OR_DEFERRAL_CUES, NEEDS_SERVICE, OFFERS_SERVICE, PAST_VISIT, PROBLEM, QUOTE_CUES, RESCHEDULE_CUES,
  NEEDS_PERSON, SALES_OR_PAYMENT, SCHEDULE_CUES, SERVICE_NOUN, SLOT_PICK, STATUS_CUES, UNAVAILABLE, WANTS_VISIT, WHEN_WORDS, WIDE_OUTAGE,
} from "./intent-cues";
import { normalizeText } from "./normalize-text";
import type { Intent, IntentContext, IntentResult } from "./types";

const matching = (s: string, cues: Cue[]) => cues.filter(([, pattern]) => pattern.test(s)).map(([name]) => name);

// Decides what the customer wants, one intent per message. When a message mixes several, the one the business must
// act on first wins (eval/LABELS.md): emergency > human_handoff > reschedule/cancel > complaint > job_status >
// schedule_request > quote_request > other > confirmation > greeting.
//
// With `awaitingSlotChoice` (the assistant just offered slots), a message that picks one — by position, day/time
// or a plain "sí"/"dale" — is a `schedule_request`; understandMessage then resolves which slot into
// `entities.slotChoice`. Anything stronger (cancel, a price question…) still wins.
export function classifyIntent(text: string, context: IntentContext = {}): IntentResult {
  const s = normalizeText(text);
  const result = (intent: Intent, signals: string[], confidence: number): IntentResult => ({
    intent,
    confidence: Math.round(confidence * 100) / 100,
    emergency: null,
    signals,
  });
  const strength = (signals: string[], base = 0.7) => Math.min(0.95, base + 0.1 * (signals.length - 1));

  const emergency = detectEmergency(s);
  if (emergency) return { intent: "emergency", confidence: 0.95, emergency: emergency.kind, signals: emergency.signals };

  const handoff = matching(s, HANDOFF_CUES);
  if (handoff.length) return result("human_handoff", handoff, strength(handoff));

  const hasWhen = WHEN_WORDS.test(s);
  const reschedule = matching(s, RESCHEDULE_CUES);
  const cancel = matching(s, CANCEL_CUES);
  // "Otro día" alone could be a cancel ("no vengan, otro día vemos"); it moves the booking only with no cancel cue.
  const strongReschedule = reschedule.filter((cue) => cue !== "another-day");
  if (strongReschedule.length) return result("reschedule", reschedule, strength(reschedule));
  if (cancel.length) return result("cancel", cancel, strength(cancel));
  if (reschedule.length) return result("reschedule", reschedule, 0.7);
  if (UNAVAILABLE.test(s) && (hasWhen || reschedule.length) && (reschedule.length || /\b(?:podria|puede) ser\b|\bcuando\b|\?/.test(s) || text.includes("?"))) {
    return result("reschedule", ["unavailable+another-time", ...reschedule], 0.75);
  }

  const complaint = matching(s, COMPLAINT_CUES);
  if (AGAIN.test(s) && PAST_VISIT.test(s)) complaint.push("again-after-visit");
  if (complaint.length) return result("complaint", complaint, strength(complaint));

  const status = matching(s, STATUS_CUES);
  if (status.length) return result("job_status", status, strength(status));

  const quote = matching(s, QUOTE_CUES);
  const serviceType = detectServiceType(s);
  const namesService = serviceType !== null || SERVICE_NOUN.test(s);
  if (namesService && OFFERS_SERVICE.test(s)) quote.push("offers-service");
  if (namesService && NEEDS_SERVICE.test(s)) quote.push("needs-service");
  if (serviceType && PROBLEM.test(s) && !WIDE_OUTAGE.test(s)) quote.push("describes-problem");

  if (context.awaitingSlotChoice && !quote.length && (SLOT_PICK.test(s) || hasWhen)) {
    return result("schedule_request", ["slot-pick"], 0.85);
  }
  const salesOrPayment = SALES_OR_PAYMENT.test(s);
  if (salesOrPayment && !quote.includes("price")) return result("other", ["sales-or-payment"], 0.6);
  const deferral = DEFERRAL.test(s);
  const schedule = matching(s, SCHEDULE_CUES);
  if (hasWhen && !deferral && (AVAILABILITY.test(s) || text.includes("?") || /^(?:el|para el|manana|hoy|pasado)\b/.test(s))) {
    schedule.push("time+availability");
  }
  // A need plus a time is a booking: "necesito un electricista para el jueves a las 17".
  if (hasWhen && !deferral && (WANTS_VISIT.test(s) || NEEDS_PERSON.test(s) || quote.includes("needs-service"))) schedule.push("need+time");
  if (schedule.length) return result("schedule_request", schedule, strength(schedule));
  if (quote.length) return result("quote_request", quote, strength(quote));
  if (WANTS_VISIT.test(s)) return result("schedule_request", ["wants-visit"], 0.7);

  const info = matching(s, INFO_OR_DEFERRAL_CUES);
  if (info.length) return result("other", info, 0.6);
  if (CONFIRMATION.test(s)) return result("confirmation", ["confirmation"], 0.85);
  if (GREETING.test(s)) return result("greeting", ["greeting"], 0.9);
  return result("other", [], 0.3);
}
