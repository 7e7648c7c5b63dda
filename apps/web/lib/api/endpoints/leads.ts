import { z } from "zod";
import { safeText } from "@campotech/core/lib/sanitize-text";
import { publishOrganizationEvents } from "@campotech/core/modules/events";
import { getLeadOrThrow, listLeads, updateLead } from "@campotech/core/modules/leads";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const idParams = z.object({ id: z.string().min(1) });

const LEAD_STATUSES = ["NEW", "QUOTED", "SCHEDULED", "WON", "LOST"] as const;
const SERVICE_TYPES = ["PLUMBING", "GAS", "ELECTRICAL", "HVAC", "DRAINAGE", "GENERAL"] as const;
const URGENCIES = ["EMERGENCY", "HIGH", "NORMAL"] as const;

const leadSchema = z.object({
  id: z.string(),
  status: z.enum(LEAD_STATUSES),
  serviceType: z.enum(SERVICE_TYPES).nullable(),
  priceListCode: z.string().nullable(),
  quotedCents: z.number().int().nullable().describe("precio cotizado en centavos"),
  urgency: z.enum(URGENCIES),
  summary: z.string().describe("qué necesita el cliente"),
  source: z.string().describe('"assistant" si lo registró el asistente de WhatsApp'),
  customer: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable().describe("E.164 (+549…)") }),
  conversationId: z.string().nullable(),
  job: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const listLeadsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/leads",
  summary: "Lista los pedidos de clientes (precio, visita, urgencias) para hacerles seguimiento, los más nuevos primero (paginado por cursor)",
  tag: "leads",
  permission: "customers.read",
  query: z.object({
    status: z.enum(LEAD_STATUSES).optional(),
    urgency: z.enum(URGENCIES).optional(),
    customerId: z.string().min(1).optional(),
    cursor: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  }),
  response: z.object({ items: z.array(leadSchema), nextCursor: z.string().nullable() }),
  handler: ({ query, tenant }) => tenant((tx) => listLeads(tx, query)),
});

export const getLeadEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/leads/{id}",
  summary: "Un pedido de cliente",
  tag: "leads",
  permission: "customers.read",
  params: idParams,
  response: leadSchema,
  handler: ({ params, tenant }) => tenant((tx) => getLeadOrThrow(tx, params.id)),
});

export const updateLeadEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/leads/{id}",
  summary: "Cambia el estado de un pedido (ganado, perdido, cotizado…) o el precio cotizado, con una nota opcional (queda en la auditoría)",
  tag: "leads",
  permission: "customers.write",
  params: idParams,
  body: z
    .object({
      status: z.enum(LEAD_STATUSES).optional(),
      quotedCents: z.number().int().nonnegative("El precio no puede ser negativo.").max(2_000_000_000).nullable().optional().describe("en centavos; null lo borra"),
      note: safeText().max(1000, "La nota puede tener hasta 1000 caracteres.").optional(),
    })
    .strict()
    .refine((b) => b.status !== undefined || b.quotedCents !== undefined || Boolean(b.note), "Indicá el estado, el precio cotizado o una nota."),
  response: leadSchema,
  handler: async ({ params, body, claims, tenant }) => {
    const { lead, events } = await tenant((tx) => updateLead(tx, { organizationId: claims.org, userId: claims.sub }, params.id, body));
    await publishOrganizationEvents(events);
    return lead;
  },
});
