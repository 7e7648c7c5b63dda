import { z } from "zod";
import { withTenant } from "../../../lib/db";
import { defineTool } from "./assistant-tool";

// The address a new visit would go to if the customer says "sí": their default address-book entry, or the
// address typed on the customer before the address book existed. Offline engine only (the model gets it through
// create_job's fallback).
export const getCustomerAddressTool = defineTool({
  name: "get_customer_address",
  description: "La dirección guardada del cliente, si tiene.",
  parameters: { type: "object", properties: {}, additionalProperties: false },
  input: z.object({}),
  async run(ctx) {
    return withTenant(ctx.organizationId, async (tx) => {
      const row = await tx.customerAddress.findFirst({
        where: { customerId: ctx.customerId }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
        select: { street: true, floorApartment: true, locality: true, references: true },
      });
      if (row) return { found: true as const, ...row };
      const customer = await tx.customer.findFirstOrThrow({ where: { id: ctx.customerId }, select: { address: true, city: true } });
      return customer.address?.trim()
        ? { found: true as const, street: customer.address.trim(), floorApartment: null, locality: customer.city, references: null }
        : { found: false as const };
    });
  },
});
