import type { EngineInput } from "../engine-types";
import { formatDateAr } from "../../messaging/format-ar";
import { pickOfferedSlot } from "../understanding/pick-offered-slot";
import { parseWhen } from "../understanding/parse-when";
import type { When } from "../understanding/types";
import { offerSlots } from "./booking";
import { capitalize, changeable, firstName, type ActiveJob, type Call, type JobStatus } from "./reply-kit";

// Moving and cancelling visits the customer already has: which one (when there are several), reprogramar or
// cancelar (when the message could be either), new slots for THAT visit, and a yes before cancelling.

type Action = "reschedule" | "cancel";

const RESCHEDULE_WORDS = /\b(?:reprogram\w*|cambi\w*|mov\w*|pas\w*|correr\w*|posterg\w*|otro dia|otra fecha|otro horario|otro turno|otro momento)\b/;
const CANCEL_WORDS = /\b(?:cancel\w*|suspend\w*|anul\w*|dar de baja|baja|ya no (?:hace falta|lo necesito|la necesito)|no (?:vengan|hace falta))\b/;

export async function startVisitAction(input: EngineInput, call: Call, action: Action, when: When | undefined, hello: string): Promise<string> {
  const { ctx } = input;
  const status = await call<JobStatus>("get_job_status", {});
  const jobs = changeable(status?.active ?? []);
  if (!jobs.length) {
    if (action === "reschedule") {
      ctx.state.awaiting = "schedule_offer";
      return `${hello}No encuentro una visita agendada para reprogramar. ¿Querés que te pase turnos para una nueva?`;
    }
    if (!status?.found) return `${hello}No encuentro visitas agendadas a tu nombre.`;
    await call("handoff", { reason: `Quiere cancelar la visita #${status.number}, que ya está en curso` });
    return `${hello}Tu visita ya está en curso, así que le paso tu pedido a una persona del equipo, que te escribe enseguida.`;
  }
  if (jobs.length > 1) {
    ctx.state.awaiting = "job_choice";
    ctx.state.jobChoice = { action, jobIds: jobs.map((j) => j.jobId), text: input.text.slice(0, 300) };
    const lines = jobs.map((j, i) => `${i + 1}) ${j.label ? capitalize(j.label) : "Sin día asignado todavía"} (trabajo #${j.number})`).join("\n");
    return `${hello}Tenés ${jobs.length} visitas:\n${lines}\n¿Cuál querés ${action === "reschedule" ? "reprogramar" : "cancelar"}? Respondé con el número.`;
  }
  return proceed(input, call, action, jobs[0]!, when, hello);
}

async function proceed(input: EngineInput, call: Call, action: Action, job: ActiveJob, when: When | undefined, hello: string): Promise<string> {
  const { ctx } = input;
  ctx.state.jobChoice = undefined;
  ctx.state.clarify = undefined;
  if (action === "reschedule") {
    ctx.state.jobId = job.jobId;
    ctx.state.chosenSlot = undefined;
    ctx.state.address = undefined;
    return offerSlots(input, call, when, `${hello}Dale, cambiamos tu visita${job.label ? ` del ${job.label}` : ""}. `);
  }
  ctx.state.targetJobId = job.jobId;
  ctx.state.awaiting = "cancel_confirm";
  return `${hello}¿Confirmás que querés cancelar la visita${job.label ? ` del ${job.label}` : ""} (trabajo #${job.number})? Respondé SÍ para cancelarla.`;
}

// "¿Cuál querés reprogramar?" answered: by position, by day or time, or by job number. Null: not an answer.
export async function readJobChoice(input: EngineInput, call: Call): Promise<string | null> {
  const { ctx } = input;
  const choice = ctx.state.jobChoice;
  ctx.state.awaiting = undefined;
  if (!choice) return null;
  const status = await call<JobStatus>("get_job_status", {});
  const jobs = choice.jobIds.map((id) => status?.active.find((j) => j.jobId === id)).filter((j): j is ActiveJob => Boolean(j));
  const byNumber = /(?:#|trabajo|nro|numero)\s*(\d{1,6})\b/i.exec(input.text);
  let picked = byNumber ? jobs.find((j) => j.number === Number(byNumber[1])) : undefined;
  if (!picked) {
    // Jobs without a day yet get a far date so positions still work.
    const slots = jobs.map((j, i) => { const start = j.start ? new Date(j.start) : new Date(Date.UTC(2999, 0, i + 1)); return { start, end: start }; });
    const index = pickOfferedSlot(input.text, slots, ctx.now);
    picked = index === null ? undefined : jobs[index];
  }
  if (!picked) {
    ctx.state.jobChoice = undefined;
    return null;
  }
  // The new time is what the first message asked for ("pasalo al viernes"); the answer only names the visit.
  const wish = choice.action === "reschedule" ? parseWhen(choice.text, ctx.now) ?? undefined : undefined;
  return proceed(input, call, choice.action, picked, wish, "");
}

// The message could be a reschedule or a cancel: ask about the visit by its day.
export async function askRescheduleOrCancel(input: EngineInput, call: Call, hello: string): Promise<string> {
  const { ctx } = input;
  const status = await call<JobStatus>("get_job_status", {});
  const jobs = changeable(status?.active ?? []);
  if (!jobs.length) {
    ctx.state.awaiting = "schedule_offer";
    return `${hello}No encuentro visitas agendadas a tu nombre. ¿Querés que te pase turnos para una nueva?`;
  }
  ctx.state.awaiting = "reschedule_or_cancel";
  ctx.state.clarify = { options: ["reschedule", "cancel"], text: input.text.slice(0, 300) };
  const only = jobs.length === 1 ? jobs[0]! : null;
  ctx.state.targetJobId = only?.jobId;
  const which = only?.start ? ` del ${formatDateAr(new Date(only.start))}` : only ? ` (trabajo #${only.number})` : "";
  return `${hello}¿Querés reprogramar la visita${which} o cancelarla?`;
}

// The answer to "¿reprogramar o cancelar?". Null: neither (the message is handled as usual).
export async function readRescheduleOrCancel(input: EngineInput, call: Call, intent: string): Promise<string | null> {
  const { ctx } = input;
  const s = input.text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const targetJobId = ctx.state.targetJobId;
  const original = ctx.state.clarify?.text;
  ctx.state.awaiting = undefined;
  ctx.state.clarify = undefined;
  const when = parseWhen(input.text, ctx.now) ?? undefined;
  const cancel = CANCEL_WORDS.test(s) || intent === "cancel" || /^(?:2|la segunda|lo segundo|segunda)\b/.test(s);
  const reschedule = !cancel && (RESCHEDULE_WORDS.test(s) || intent === "reschedule" || Boolean(when) || /^(?:1|la primera|lo primero|primera)\b/.test(s));
  const action: Action | null = cancel ? "cancel" : reschedule ? "reschedule" : null;
  if (!action) {
    ctx.state.targetJobId = undefined;
    return null;
  }
  if (!targetJobId) return startVisitAction({ ...input, text: original ?? input.text }, call, action, when, "");
  const status = await call<JobStatus>("get_job_status", {});
  const job = changeable(status?.active ?? []).find((j) => j.jobId === targetJobId);
  if (!job) return startVisitAction(input, call, action, when, "");
  return proceed(input, call, action, job, when, "");
}

export async function confirmCancel(call: Call): Promise<string> {
  const result = await call<{ cancelled: boolean; number?: number }>("cancel_job", {});
  return result?.cancelled
    ? `Listo, cancelamos tu visita (trabajo #${result.number}). Si necesitás otro turno, escribinos cuando quieras.`
    : "No encontré una visita para cancelar. Si querés, te paso turnos nuevos.";
}

export async function jobStatus(call: Call, hello: string): Promise<string> {
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
