import { customerMessageSchema } from "../customers/schema.ts";
import { sendCustomerMessage } from "../customers/send-customer-message.ts";
import type { Router } from "../http/router.ts";
import { json } from "../http/types.ts";
import { canonicalWaId } from "../phone.ts";
import type { SandboxState } from "../state.ts";
import { bodyOf } from "./config-routes.ts";

export function registerCustomerRoutes(router: Router, state: SandboxState): void {
  router.on("POST", "/_sandbox/customers/:phone/messages", async (ctx) => {
    const parsed = customerMessageSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "invalid customer message", issues: parsed.error.issues });
    const result = await sendCustomerMessage(state, ctx.params.phone ?? "", parsed.data);
    if (!result.ok) return json(result.status, { error: result.error });
    return json(202, { id: result.id, delivery: result.delivery });
  });

  router.on("GET", "/_sandbox/customers/:phone/inbox", (ctx) => json(200, state.inbox.get(canonicalWaId(ctx.params.phone ?? "")) ?? []));

  // Both directions in time order, for the simulator page.
  router.on("GET", "/_sandbox/customers/:phone/conversation", (ctx) => {
    const phone = canonicalWaId(ctx.params.phone ?? "");
    const outbound = (state.inbox.get(phone) ?? []).map((m) => ({ direction: "business", ...m }));
    const inbound = (state.customerMessages.get(phone) ?? []).map((m) => ({ direction: "customer", ...m }));
    return json(200, [...outbound, ...inbound].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  });

  router.on("GET", "/_sandbox/customers", () => {
    const phones = new Set([...state.inbox.keys(), ...state.customerMessages.keys()]);
    return json(200, [...phones]);
  });
}
