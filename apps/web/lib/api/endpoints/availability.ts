import { z } from "zod";
import { getAvailability } from "@campotech/core/modules/scheduling";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });

export const getAvailabilityEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/availability",
  summary: "Turnos libres por técnico (horario laboral, francos, feriados nacionales, trabajos y tiempo de viaje; hora de Buenos Aires)",
  tag: "scheduling",
  permission: "jobs.read",
  query: z.object({
    from: z.coerce.date().meta({ type: "string", format: "date-time" }),
    days: z.coerce.number().int().min(1).max(31).default(7),
    technicianId: z.string().min(1).optional(),
    slotMinutes: z.coerce.number().int().min(15).max(480).optional(),
  }),
  response: z.object({
    technicians: z.array(z.object({ technicianId: z.string(), name: z.string(), slots: z.array(z.object({ start: dateTime(), end: dateTime() })) })),
  }),
  handler: ({ query, tenant }) => tenant((tx) => getAvailability(tx, query)),
});
