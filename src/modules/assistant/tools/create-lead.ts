import { z } from "zod";
import { withTenant } from "../../../lib/db";
import { publishOrganizationEvents } from "../../events/publish-organization-events";
import { defineTool } from "./assistant-tool";
import { upsertLead } from "./upsert-lead";

const SERVICE_TYPES = ["PLUMBING", "GAS", "ELECTRICAL", "HVAC", "DRAINAGE", "GENERAL"] as const;

// A customer who asked for a price or a visit: the owner sees it as a lead and follows up (quotes what the price
// list doesn't cover, calls back).
export const createLeadTool = defineTool({
  name: "create_lead",
  description: "Registra (o actualiza) el interés del cliente para que el dueño lo siga: qué necesita, el tipo de servicio y, si hubo, el precio cotizado. Usalo cuando el cliente pide precio o un trabajo, sobre todo si no está en la lista de precios.",
  parameters: {
    type: "object",
    properties: {
      summary: { type: "string", description: "qué necesita el cliente, en una frase" },
      serviceType: { type: "string", enum: [...SERVICE_TYPES] },
      priceListCode: { type: "string", description: "código del servicio cotizado, si lo hubo" },
      quotedCents: { type: "integer", description: "precio cotizado en centavos, si lo hubo" },
    },
    required: ["summary"],
    additionalProperties: false,
  },
  input: z.object({
    summary: z.string().min(1).max(500),
    serviceType: z.enum(SERVICE_TYPES).optional(),
    priceListCode: z.string().max(60).optional(),
    quotedCents: z.number().int().nonnegative().optional(),
  }),
  async run(ctx, input) {
    const { id, event } = await withTenant(ctx.organizationId, (tx) =>
      upsertLead(tx, {
        organizationId: ctx.organizationId, customerId: ctx.customerId, conversationId: ctx.conversationId, summary: input.summary,
        status: input.quotedCents != null ? "QUOTED" : "NEW", serviceType: input.serviceType ?? null, priceListCode: input.priceListCode ?? null,
        quotedCents: input.quotedCents ?? null, urgency: ctx.state.urgency ?? "NORMAL",
      }),
    );
    ctx.state.leadId = id;
    await publishOrganizationEvents([event]);
    return { leadId: id };
  },
});
