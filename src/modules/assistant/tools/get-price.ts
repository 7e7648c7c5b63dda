import { z } from "zod";
import { withTenant } from "../../../lib/db";
import { matchService } from "../understanding/match-service";
import { defineTool } from "./assistant-tool";
import { formatPrice } from "./format-price";

// Prices come only from the organization's own price list: no match means no price (a person quotes it).
export const getPriceTool = defineTool({
  name: "get_price",
  description: "Busca en la lista de precios de la empresa el servicio que pide el cliente. Devuelve los servicios que coinciden con su precio. Nunca inventes precios: si no hay coincidencias, no hay precio.",
  parameters: {
    type: "object",
    properties: { query: { type: "string", description: "lo que pide el cliente, en sus palabras (ej.: 'destapar una cloaca')" } },
    required: ["query"],
    additionalProperties: false,
  },
  input: z.object({ query: z.string().min(1).max(500) }),
  async run(ctx, input) {
    const items = await withTenant(ctx.organizationId, (tx) =>
      tx.priceListItem.findMany({ where: { active: true }, select: { code: true, name: true, serviceType: true, keywords: true, unit: true, priceCents: true, ivaRateBps: true } }),
    );
    const matches = matchService(input.query, items).slice(0, 3);
    const found = matches.map((m) => items.find((i) => i.code === m.code)!).map((i) => ({
      code: i.code, name: i.name, serviceType: i.serviceType, unit: i.unit, priceCents: i.priceCents, ivaRateBps: i.ivaRateBps, priceText: formatPrice(i),
    }));
    if (found[0]) ctx.state.service = { code: found[0].code, serviceType: found[0].serviceType, name: found[0].name };
    return { matches: found };
  },
});
