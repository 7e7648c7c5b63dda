import type { VisitAddress } from "../assistant-state";
import type { EngineInput } from "../engine-types";
import type { BookingAddress } from "../tools/book-visit";
import type { OfferedSlotView } from "../tools/find-slots";
import { isCompleteAddress, parseAddress } from "../understanding/parse-address";
import { CLARIFY_BELOW, type Understanding, type When } from "../understanding/types";
import { photoRequestFor } from "./photo-request";
import { capitalize, firstName, NO, YES, type Call } from "./reply-kit";

// The booking dialogue on WhatsApp: slots offered → the customer picks one → the address (the one on file
// confirmed with a "sí", or a new one typed freely) → booked, the slot re-checked at that moment. A moved visit
// keeps its address and books as soon as the slot is picked.

const ASK_ADDRESS = "¿En qué dirección es la visita? Mandame calle y número, barrio o localidad y, si hace falta, piso/depto y alguna referencia (por ejemplo: Av. San Martín 1234 3°B, Lanús).";
const MAX_ADDRESS_TRIES = 2;

export async function offerSlots(input: EngineInput, call: Call, when: When | undefined, prefix: string): Promise<string> {
  const { ctx } = input;
  const result = await call<{ slots: OfferedSlotView[]; matchedPreference: boolean }>("find_slots", slotWish(when));
  if (!result?.slots.length) {
    await call("create_lead", { summary: ctx.state.description ?? input.text.slice(0, 300), ...(ctx.state.service?.serviceType ? { serviceType: ctx.state.service.serviceType } : {}) });
    ctx.state.awaiting = undefined;
    return `${prefix}En este momento no tengo turnos libres en los próximos días. Le pasé tu pedido al equipo para que te contacten y coordinen un horario.`;
  }
  const lines = result.slots.map((s, i) => `${i + 1}) ${capitalize(s.label)}`).join("\n");
  const lead = result.matchedPreference ? "Tengo estos turnos:" : "Para ese momento no me quedan turnos, pero tengo estos:";
  return `${prefix}${lead}\n${lines}\n¿Cuál te queda mejor? Respondé con el número.`;
}

// What the customer said about the time, as find_slots reads it.
export function slotWish(when: When | undefined): Record<string, unknown> {
  if (!when) return {};
  return {
    ...(when.date ? { date: when.date } : {}),
    ...(when.weekday !== undefined && !when.date ? { weekday: when.weekday } : {}),
    ...(when.dayPart ? { dayPart: when.dayPart } : {}),
    ...(when.time ? { time: when.time } : {}),
    ...(when.after ? { after: when.after } : {}),
    ...(when.before ? { before: when.before } : {}),
    ...(when.weekend ? { weekend: true } : {}),
    ...(when.relative === "next_week" ? { nextWeek: true } : {}),
  };
}

// A slot was picked: a moved visit books now; a new one asks for (or confirms) the address first.
export async function chooseSlot(input: EngineInput, call: Call, index: number): Promise<string> {
  const { ctx } = input;
  if (ctx.state.jobId) return book(input, call, index);
  const slot = ctx.state.offeredSlots[index];
  if (!slot) return "¿Cuál de los turnos te queda mejor? Respondé con el número.";
  ctx.state.chosenSlot = { index };
  const ready = ctx.state.address?.draft;
  if (ready && isCompleteAddress(ready)) return book(input, call, index, toBooking(ready));
  const onFile = await call<{ found: boolean; street?: string; floorApartment?: string | null; locality?: string | null; references?: string | null }>("get_customer_address", {});
  ctx.state.awaiting = "address";
  if (onFile?.found && onFile.street) {
    const address: VisitAddress = { street: onFile.street, number: null, floorApartment: onFile.floorApartment ?? null, locality: onFile.locality ?? null, references: onFile.references ?? null };
    ctx.state.address = { onFile: address, tries: 0, askedLocality: false };
    return `Buenísimo. ¿La visita es en ${addressText(address)}? Respondé SÍ o mandame otra dirección.`;
  }
  ctx.state.address = { tries: 0, askedLocality: false };
  return `Buenísimo. ${ASK_ADDRESS}`;
}

// The answer to "¿la visita es en …?" or "¿en qué dirección?". Null: the customer moved on to something else (the
// engine handles the message as usual). Two answers without street and number and a person takes over.
export async function readAddressReply(input: EngineInput, u: Understanding, call: Call): Promise<string | null> {
  const { ctx } = input;
  const index = ctx.state.chosenSlot?.index;
  const state = ctx.state.address ?? { tries: 0, askedLocality: false };
  ctx.state.address = state;
  if (index === undefined) return dropAddress(input);
  const parsed = parseAddress(input.text);
  const s = u.normalized;

  if (state.onFile && !parsed.number) {
    if (YES.test(s) || u.intent === "confirmation") return book(input, call, index, { street: state.onFile.street!, floorApartment: state.onFile.floorApartment, locality: state.onFile.locality, references: state.onFile.references });
    if (NO.test(s) || /\b(?:otra|en otro lado|no es (?:ahi|esa))\b/.test(s)) {
      state.onFile = undefined;
      return "Dale. ¿En qué dirección es? Mandame calle y número, y barrio o localidad.";
    }
  }

  let draft = merge(state.draft, parsed, input.text);
  if (state.askedLocality && state.draft && isCompleteAddress(state.draft) && !isCompleteAddress(parsed)) {
    const locality = input.text.trim().replace(/^(?:es en|en|barrio)\s+/i, "");
    draft = { ...state.draft, locality: NO.test(s) || !locality ? state.draft.locality : locality };
    return book(input, call, index, toBooking(draft));
  }
  if (isCompleteAddress(draft)) {
    if (!draft.locality && !state.askedLocality) {
      state.draft = draft;
      state.askedLocality = true;
      return "¿Y en qué barrio o localidad?";
    }
    return book(input, call, index, toBooking(draft));
  }
  // Not an address at all, and clearly something else (a question, a complaint, a cancel): answer that instead.
  const movedOn = !parsed.street && !["other", "confirmation", "schedule_request", "greeting"].includes(u.intent) && u.confidence >= CLARIFY_BELOW;
  if (movedOn) return dropAddress(input);
  state.tries += 1;
  if (draft.street) state.draft = draft;
  if (state.tries >= MAX_ADDRESS_TRIES) {
    await call("handoff", { reason: `No pude tomar la dirección de la visita: "${input.text.slice(0, 120)}"` });
    dropAddress(input);
    ctx.state.offeredSlots = [];
    return "Perdón, no logro tomar bien la dirección. Le paso la conversación a una persona del equipo para que la coordine con vos y confirme el turno.";
  }
  return draft.street
    ? `Me falta la altura: ¿qué número es en ${draft.street}?`
    : "Me falta la calle y el número. Mandámelos así: Av. San Martín 1234, Lanús.";
}

export async function book(input: EngineInput, call: Call, slotIndex: number, address?: BookingAddress): Promise<string> {
  const { ctx } = input;
  const result = await call<{ booked: boolean; handedOff?: boolean; reason?: string; rescheduled?: boolean; jobId?: string; number?: number; technicianName?: string; label?: string; address?: string | null }>(
    "create_job", { slotIndex, ...(address ? { address } : {}) },
  );
  if (!result?.booked) {
    if (result?.handedOff) return `Perfecto, le paso tu pedido para el ${result.label} al equipo: una persona te escribe para confirmarte el turno.`;
    if (result?.reason?.startsWith("falta la dirección")) {
      ctx.state.awaiting = "address";
      ctx.state.address = { tries: 0, askedLocality: false };
      return ASK_ADDRESS;
    }
    return offerSlots(input, call, undefined, "Uy, ese turno se acaba de ocupar. ");
  }
  const tech = firstName(result.technicianName ?? null);
  if (result.rescheduled) {
    return `¡Listo! Cambiamos tu visita para el ${result.label} (trabajo #${result.number}).${tech ? ` Va a ir ${tech}.` : ""} Te mandamos un recordatorio antes. Si necesitás cambiar algo, escribinos por acá.`;
  }
  const where = result.address ? ` en ${result.address}` : "";
  const ask = photoRequestFor(ctx.state.service, ctx.state.description);
  if (ask && result.jobId && result.number) ctx.state.photo = { jobId: result.jobId, number: result.number, askedAt: ctx.now };
  const photo = ask ? `\n\nSi podés, mandanos ${ask}: le sirve al técnico para saber qué llevar.` : "";
  return `¡Listo! Te agendamos la visita para el ${result.label}${where} (trabajo #${result.number}).${tech ? ` Va a ir ${tech}.` : ""} Te mandamos un recordatorio antes. Si necesitás cambiar algo, escribinos por acá.${photo}`;
}

function dropAddress(input: EngineInput): null {
  input.ctx.state.awaiting = undefined;
  input.ctx.state.address = undefined;
  input.ctx.state.chosenSlot = undefined;
  return null;
}

// A second answer completes the first: "Av. Belgrano" then "1020", or the number then the street.
function merge(draft: VisitAddress | undefined, parsed: VisitAddress, text: string): VisitAddress {
  if (!draft?.street) return parsed;
  if (!draft.number && !parsed.street) {
    const number = /^\s*(?:(?:al|nro|n°|numero|número)\s*)?(\d{1,5}|s\/n)\b/i.exec(text)?.[1] ?? parsed.number;
    const rest = number ? parseAddress(`${draft.street} ${number} ${text.replace(/^\s*(?:(?:al|nro|n°|numero|número)\s*)?(?:\d{1,5}|s\/n)\b\s*,?/i, "")}`) : null;
    if (rest && isCompleteAddress(rest)) return { ...rest, locality: rest.locality ?? draft.locality, references: rest.references ?? draft.references, floorApartment: rest.floorApartment ?? draft.floorApartment };
  }
  return parsed.street ? parsed : draft;
}

function toBooking(a: VisitAddress): BookingAddress {
  return { street: a.number ? `${a.street} ${a.number}` : a.street!, floorApartment: a.floorApartment, locality: a.locality, references: a.references };
}

function addressText(a: VisitAddress): string {
  return [a.number ? `${a.street} ${a.number}` : a.street, a.floorApartment, a.locality].filter(Boolean).join(", ");
}
