import type { Router } from "../http/router.ts";
import type { SandboxState } from "../state.ts";
import { registerCheckoutRoutes } from "./checkout-routes.ts";
import { registerMercadoPagoControlRoutes } from "./control-routes.ts";
import { registerOAuthRoutes } from "./oauth-routes.ts";
import { registerPaymentRoutes } from "./payment-routes.ts";
import { registerPreferenceRoutes } from "./preference-routes.ts";

// MercadoPago: the API (api.mercadopago.com → /mercadopago), the authorization host (auth.mercadopago.com →
// /mercadopago/auth), the Checkout Pro page, and /_sandbox/mercadopago control.
export function registerMercadoPagoRoutes(router: Router, state: SandboxState): void {
  registerOAuthRoutes(router, state);
  registerPreferenceRoutes(router, state);
  registerPaymentRoutes(router, state);
  registerCheckoutRoutes(router, state);
  registerMercadoPagoControlRoutes(router, state);
}
