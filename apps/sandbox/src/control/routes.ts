import { createFaultSchema, addFault, faultFamily } from "../faults.ts";
import type { Router } from "../http/router.ts";
import { json } from "../http/types.ts";
import { numberView, registerNumber, registerNumberSchema } from "../numbers.ts";
import { resetState, type SandboxState } from "../state.ts";
import { bodyOf, registerConfigRoutes } from "./config-routes.ts";
import { registerCustomerRoutes } from "./customer-routes.ts";

// The control API under /_sandbox: no auth (local only), plain JSON.
export function registerControlRoutes(router: Router, state: SandboxState): void {
  router.on("GET", "/_sandbox/numbers", () => json(200, state.numbers.map(numberView)));
  router.on("POST", "/_sandbox/numbers", (ctx) => {
    const parsed = registerNumberSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "invalid number", issues: parsed.error.issues });
    return json(201, numberView(registerNumber(state, parsed.data)));
  });

  router.on("GET", "/_sandbox/faults", () => json(200, state.faults));
  router.on("DELETE", "/_sandbox/faults", () => {
    state.faults = [];
    return json(200, { cleared: true });
  });
  router.on("POST", "/_sandbox/faults", (ctx) => {
    const parsed = createFaultSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "invalid fault", issues: parsed.error.issues });
    if (!faultFamily(parsed.data.kind)) {
      return json(400, { error: `unknown fault kind "${parsed.data.kind}": use "5xx", "timeout" or a Meta/Twilio error code the sandbox knows` });
    }
    const fault = addFault(state, parsed.data);
    return json(201, { id: fault.id, fault });
  });

  router.on("GET", "/_sandbox/requests", (ctx) => {
    const provider = ctx.query.get("provider");
    const path = ctx.query.get("path");
    return json(
      200,
      state.requests.filter((r) => (!provider || r.provider === provider) && (!path || r.path.includes(path))),
    );
  });
  router.on("DELETE", "/_sandbox/requests", () => {
    state.requests = [];
    return json(200, { cleared: true });
  });

  router.on("GET", "/_sandbox/webhooks", (ctx) => {
    const provider = ctx.query.get("provider");
    return json(200, state.webhooks.filter((w) => !provider || w.provider === provider));
  });
  router.on("DELETE", "/_sandbox/webhooks", () => {
    state.webhooks = [];
    return json(200, { cleared: true });
  });

  router.on("POST", "/_sandbox/reset", () => {
    resetState(state);
    return json(200, { reset: true });
  });

  registerConfigRoutes(router, state);
  registerCustomerRoutes(router, state);
}
