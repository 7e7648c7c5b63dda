import { z } from "zod";
import { safeText } from "@campotech/core/lib/sanitize-text";
import type { AccessTokenClaims } from "@campotech/core/modules/auth";
import type { JobActor } from "@campotech/core/modules/jobs";
import {
  addTimeOff,
  getTechnicianSchedule,
  listTechnicians,
  listTimeOff,
  removeTimeOff,
  setTechnicianSchedule,
  technicianScheduleSchema,
} from "@campotech/core/modules/scheduling";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const isoDate = () => z.coerce.date().meta({ type: "string", format: "date-time" });
const actorOf = (claims: AccessTokenClaims): JobActor => ({ organizationId: claims.org, userId: claims.sub, role: claims.role });
const technicianParams = z.object({ id: z.string().min(1) });
const ranges = z.array(z.tuple([z.string(), z.string()]));
const scheduleSchema = z.object({
  technicianId: z.string(),
  name: z.string(),
  workingHours: z.partialRecord(z.string(), ranges).describe('Por día de la semana ("0" = domingo), rangos HH:MM en hora de Buenos Aires'),
  travelBufferMinutes: z.number().int(),
  configured: z.boolean(),
});
const timeOffSchema = z.object({ id: z.string(), start: dateTime(), end: dateTime(), reason: z.string().nullable(), createdAt: dateTime() });

export const listTechniciansEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/technicians",
  summary: "Técnicos de la organización (un técnico se ve solo a sí mismo)",
  tag: "scheduling",
  permission: "jobs.read.own",
  response: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), hasSchedule: z.boolean() })) }),
  handler: ({ claims, tenant }) => tenant((tx) => listTechnicians(tx, actorOf(claims))),
});

export const getTechnicianScheduleEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/technicians/{id}/schedule",
  summary: "Horario semanal y tiempo de viaje de un técnico",
  tag: "scheduling",
  permission: "jobs.read.own",
  params: technicianParams,
  response: scheduleSchema,
  handler: ({ params, claims, tenant }) => tenant((tx) => getTechnicianSchedule(tx, actorOf(claims), params.id)),
});

export const setTechnicianScheduleEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/technicians/{id}/schedule",
  summary: "Reemplaza el horario semanal y el tiempo de viaje entre trabajos",
  tag: "scheduling",
  permission: "jobs.write",
  params: technicianParams,
  body: technicianScheduleSchema.strict(),
  response: scheduleSchema,
  handler: ({ params, body, claims, tenant }) => tenant((tx) => setTechnicianSchedule(tx, actorOf(claims), params.id, body)),
});

export const listTimeOffEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/technicians/{id}/time-off",
  summary: "Francos y ausencias vigentes y futuras de un técnico",
  tag: "scheduling",
  permission: "jobs.read.own",
  params: technicianParams,
  query: z.object({ from: isoDate().optional() }),
  response: z.object({ items: z.array(timeOffSchema) }),
  handler: ({ params, query, claims, tenant }) => tenant((tx) => listTimeOff(tx, actorOf(claims), params.id, query)),
});

export const addTimeOffEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/technicians/{id}/time-off",
  summary: "Carga un franco o ausencia; devuelve los trabajos ya agendados que quedan adentro para reprogramarlos",
  tag: "scheduling",
  permission: "jobs.write",
  status: 201,
  params: technicianParams,
  body: z.object({ start: isoDate(), end: isoDate(), reason: safeText().min(1).max(200).optional() }).strict(),
  response: z.object({ timeOff: timeOffSchema, conflictingJobs: z.array(z.object({ id: z.string(), number: z.number().int(), scheduledStart: dateTime().nullable() })) }),
  handler: ({ params, body, claims, tenant }) => tenant((tx) => addTimeOff(tx, actorOf(claims), params.id, body)),
});

export const removeTimeOffEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/technicians/{id}/time-off/{timeOffId}",
  summary: "Borra un franco",
  tag: "scheduling",
  permission: "jobs.write",
  params: z.object({ id: z.string().min(1), timeOffId: z.string().min(1) }),
  response: z.object({ removed: z.literal(true) }),
  handler: ({ params, claims, tenant }) => tenant((tx) => removeTimeOff(tx, actorOf(claims), { technicianId: params.id, timeOffId: params.timeOffId })),
});
