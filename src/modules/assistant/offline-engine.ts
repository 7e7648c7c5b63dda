import { callTool, type ToolCallRecord } from "./call-tool";
import type { EngineInput, EngineOutput } from "./engine-types";
import { safetyInstructions } from "./safety-instructions";
import type { OfferedSlotView } from "./tools/find-slots";
import { mentionedHazard } from "./understanding/detect-emergency";
import { understandMessage } from "./understanding/understand-message";
import type { Understanding, When } from "./understanding/types";

const URGENT_YES = /\b(?:urgente|urgencia|emergencia|si+|dale|ayuda|vengan)\b/;
const NO = /^(?:no|nop|nah|no gracias|no por ahora|por ahora no|despues (?:te )?(?:aviso|escribo)|ahora no|dejalo)\b/;

// The deterministic Spanish assistant: the understanding layer decides what the customer wants, the same tools the
// model uses do the work, and the replies are written here. No network, same answer for the same input.
export async function runOfflineEngine(input: EngineInput): Promise<EngineOutput> {
  const { ctx } = input;
  const log: ToolCallRecord[] = [];
  const offered = ctx.state.awaiting === "slot_choice" ? ctx.state.offeredSlots : [];
  const u = understandMessage(input.reactionOnly ? "👍" : input.text, { now: ctx.now, priceList: input.priceList, offeredSlots: offered, ...(ctx.state.awaiting ? { awaiting: ctx.state.awaiting } : {}) });
  const reply = await decide(input, u, log);
  if (u.intent !== "other") ctx.state.unclear = 0;
  // An emergency confirmed in answer to "¿es una urgencia?" is one too (for the reply's priority and the record).
  const escalated = log.find((c) => c.name === "escalate_emergency")?.input as { kind?: EngineOutput["emergency"] } | undefined;
  return { engine: "OFFLINE", intent: escalated ? "emergency" : u.intent, emergency: u.emergency ?? escalated?.kind ?? null, reply, toolCalls: log };
}

async function decide(input: EngineInput, u: Understanding, log: ToolCallRecord[]): Promise<string | null> {
  const { ctx } = input;
  const call = async <T>(name: string, args: unknown) => {
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
  }
  if (emergency) {
    const result = await call<{ number: number; alreadyReported: boolean }>("escalate_emergency", { kind: emergency, summary: summary.slice(0, 400) });
    const tail = result?.alreadyReported
      ? `Tu urgencia ya está registrada (trabajo #${result.number}) y el equipo de ${input.organizationName} está avisado.`
      : `Ya avisamos al equipo de ${input.organizationName}${result ? ` (trabajo #${result.number})` : ""}: te van a contactar de urgencia.`;
    return `${safetyInstructions(emergency)}\n\n${tail}`;
  }

  if (input.reactionOnly) {
    if (ctx.state.awaiting === "schedule_offer") return offerSlots(input, call, undefined, hello);
    if (ctx.state.awaiting === "slot_choice" && ctx.state.offeredSlots.length === 1) return book(input, call, 0);
    return null;
  }

  if (ctx.state.awaiting === "slot_choice" && u.entities.slotChoice !== undefined) return book(input, call, u.entities.slotChoice);
  if (ctx.state.awaiting === "cancel_confirm") {
    if (u.intent === "confirmation" || u.intent === "cancel") {
      const result = await call<{ cancelled: boolean; number?: number }>("cancel_job", {});
      return result?.cancelled
        ? `Listo, cancelamos tu visita (trabajo #${result.number}). Si necesitás otro turno, escribinos cuando quieras.`
        : "No encontré una visita para cancelar. Si querés, te paso turnos nuevos.";
    }
    ctx.state.awaiting = undefined;
    if (NO.test(u.normalized)) return "Perfecto, tu visita sigue en pie. ¡Te esperamos!";
  }
  if (ctx.state.awaiting && NO.test(u.normalized) && u.intent !== "cancel") {
    ctx.state.awaiting = undefined;
    ctx.state.offeredSlots = [];
    return "Perfecto. Cualquier cosa, escribinos por acá.";
  }

  // It could be an emergency without reading as one: ask before anything else (a wording no one foresaw must not
  // get a price list while the kitchen fills with gas).
  if (u.possibleEmergency && !input.reactionOnly) return askIfUrgent(input, u.possibleEmergency, hello);

  switch (u.intent) {
    case "greeting":
      return `${hello || "¡Hola! "}Te escribe el asistente de ${input.organizationName}. ¿En qué te podemos ayudar? Te puedo pasar precios, darte un turno o atender una urgencia.`;
    case "quote_request":
      return quote(input, u, call, hello);
    case "schedule_request":
      rememberRequest(input, u);
      return offerSlots(input, call, u.entities.when, hello);
    case "reschedule": {
      const job = await call<JobStatus>("get_job_status", {});
      if (!job?.found || !["pending", "scheduled"].includes(job.status)) {
        ctx.state.awaiting = "schedule_offer";
        return `${hello}No encuentro una visita agendada para reprogramar. ¿Querés que te pase turnos para una nueva?`;
      }
      ctx.state.jobId = job.jobId;
      return offerSlots(input, call, u.entities.when, `${hello}Dale, cambiamos tu visita${job.label ? ` del ${job.label}` : ""}. `);
    }
    case "cancel": {
      const job = await call<JobStatus>("get_job_status", {});
      if (!job?.found) return `${hello}No encuentro visitas agendadas a tu nombre.`;
      if (!["pending", "scheduled"].includes(job.status)) {
        await call("handoff", { reason: `Quiere cancelar la visita #${job.number}, que ya está en curso` });
        return `${hello}Tu visita ya está en curso, así que le paso tu pedido a una persona del equipo, que te escribe enseguida.`;
      }
      ctx.state.awaiting = "cancel_confirm";
      return `${hello}¿Confirmás que querés cancelar la visita${job.label ? ` del ${job.label}` : ""} (trabajo #${job.number})? Respondé SÍ para cancelarla.`;
    }
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
      if (hazard) return askIfUrgent(input, hazard, hello);
      ctx.state.unclear += 1;
      if (ctx.state.unclear >= 3) {
        await call("handoff", { reason: `No logro entender lo que necesita: "${input.text.slice(0, 150)}"` });
        return "Perdón, no te estoy entendiendo bien. Le paso la conversación a una persona del equipo, que te responde a la brevedad.";
      }
      return `${hello}Perdón, no te entendí bien. ¿Nos contás qué necesitás? Por ejemplo: un presupuesto, un turno o si es una urgencia.`;
    }
  }
}

function askIfUrgent(input: EngineInput, kind: NonNullable<Understanding["possibleEmergency"]>, hello: string): string {
  input.ctx.state.awaiting = "emergency_check";
  input.ctx.state.hazard = { kind, text: input.text.slice(0, 300) };
  return `${hello}¿Es una urgencia? Si hay olor a gas, chispas u olor a quemado, humo, agua que no para o alguien se siente mal, respondé URGENTE y te ayudamos ya. Si no, contanos un poco más qué necesitás.`;
}

type Call = <T>(name: string, args: unknown) => Promise<T | null>;
type JobStatus = { found: boolean; jobId: string; number: number; status: string; technicianName: string | null; label: string | null; trackingUrl: string | null };
type PriceMatch = { code: string; name: string; serviceType: string; priceCents: number; priceText: string };

async function quote(input: EngineInput, u: Understanding, call: Call, hello: string): Promise<string> {
  const { ctx } = input;
  const found = await call<{ matches: PriceMatch[] }>("get_price", { query: input.text.slice(0, 500) });
  ctx.state.description = input.text.slice(0, 300);
  ctx.state.awaiting = "schedule_offer";
  const best = found?.matches[0];
  if (!best) {
    await call("create_lead", { summary: input.text.slice(0, 300), ...(u.entities.serviceType ? { serviceType: u.entities.serviceType } : {}) });
    if (u.entities.serviceType) ctx.state.service = { serviceType: u.entities.serviceType };
    const hazard = mentionedHazard(u.normalized);
    if (hazard) {
      ctx.state.awaiting = "emergency_check";
      ctx.state.hazard = { kind: hazard, text: input.text.slice(0, 300) };
    }
    const urgentHint = hazard ? " Si es una urgencia (olor a gas, chispas, humo, agua que no para), respondé URGENTE." : "";
    return `${hello}Ese trabajo no está en nuestra lista de precios, así que le pasé tu consulta al equipo de ${input.organizationName} para que te envíen el presupuesto.${urgentHint || " Si querés, mientras tanto te paso turnos para una visita de diagnóstico."}`;
  }
  await call("create_lead", { summary: input.text.slice(0, 300), serviceType: best.serviceType, priceListCode: best.code, quotedCents: best.priceCents });
  const others = (found?.matches ?? []).slice(1, 2).filter((m) => m.serviceType === best.serviceType);
  const extra = others.map((m) => ` Si lo que necesitás es ${lower(m.name)}, sale ${m.priceText}.`).join("");
  return `${hello}${best.name} tiene un costo de ${best.priceText} (materiales aparte).${extra} ¿Querés que te pase turnos para la visita?`;
}

function rememberRequest(input: EngineInput, u: Understanding): void {
  const { ctx } = input;
  if (!ctx.state.description) ctx.state.description = input.text.slice(0, 300);
  const code = u.entities.serviceCodes?.[0];
  const item = input.priceList.find((p) => p.code === code);
  const detected = u.entities.serviceType;
  // "revisar el aire" matches the generic diagnosis visit by its verb; the trade named (aire → HVAC) says more.
  if (item && !(item.serviceType === "GENERAL" && detected && detected !== "GENERAL")) ctx.state.service = { code: item.code, serviceType: item.serviceType, name: item.name };
  else if (detected) ctx.state.service = { serviceType: detected };
}

async function offerSlots(input: EngineInput, call: Call, when: When | undefined, prefix: string): Promise<string> {
  const { ctx } = input;
  const wish = when ? { ...(when.date ? { date: when.date } : {}), ...(when.weekday !== undefined && !when.date ? { weekday: when.weekday } : {}), ...(when.dayPart ? { dayPart: when.dayPart } : {}), ...(when.time ? { time: when.time } : {}) } : {};
  const result = await call<{ slots: OfferedSlotView[]; matchedPreference: boolean }>("find_slots", wish);
  if (!result?.slots.length) {
    await call("create_lead", { summary: ctx.state.description ?? input.text.slice(0, 300), ...(ctx.state.service?.serviceType ? { serviceType: ctx.state.service.serviceType } : {}) });
    ctx.state.awaiting = undefined;
    return `${prefix}En este momento no tengo turnos libres en los próximos días. Le pasé tu pedido al equipo para que te contacten y coordinen un horario.`;
  }
  const lines = result.slots.map((s, i) => `${i + 1}) ${capitalize(s.label)}`).join("\n");
  const lead = result.matchedPreference ? "Tengo estos turnos:" : "Para ese momento no me quedan turnos, pero tengo estos:";
  return `${prefix}${lead}\n${lines}\n¿Cuál te queda mejor? Respondé con el número.`;
}

async function book(input: EngineInput, call: Call, slotIndex: number): Promise<string> {
  const result = await call<{ booked: boolean; rescheduled?: boolean; number?: number; technicianName?: string; label?: string }>("create_job", { slotIndex });
  if (!result?.booked) return offerSlots(input, call, undefined, "Uy, ese turno se acaba de ocupar. ");
  const tech = firstName(result.technicianName ?? null);
  const verb = result.rescheduled ? "Cambiamos tu visita para el" : "Te agendamos la visita para el";
  return `¡Listo! ${verb} ${result.label} (trabajo #${result.number}).${tech ? ` Va a ir ${tech}.` : ""} Te mandamos un recordatorio antes. Si necesitás cambiar algo, escribinos por acá.`;
}

async function jobStatus(call: Call, hello: string): Promise<string> {
  const job = await call<JobStatus>("get_job_status", {});
  if (!job?.found) return `${hello}No encuentro visitas activas a tu nombre. ¿Querés que te pase turnos?`;
  const tech = firstName(job.technicianName) ?? "El técnico";
  switch (job.status) {
    case "en_camino": return `${hello}${tech} ya está en camino. Seguí su llegada acá: ${job.trackingUrl}`;
    case "working": return `${hello}${tech} ya está trabajando en tu domicilio.`;
    case "scheduled": return `${hello}Tu visita es el ${job.label}${job.technicianName ? ` con ${firstName(job.technicianName)}` : ""} (trabajo #${job.number}). Cuando salga para tu casa te avisamos con un link para seguirlo.`;
    default: return `${hello}Tu pedido está registrado (trabajo #${job.number}) y en breve te confirmamos el día y el horario.`;
  }
}

const firstName = (name: string | null | undefined) => name?.trim().split(/\s+/)[0] || null;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
