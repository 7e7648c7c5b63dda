import type { Router } from "../http/router.ts";
import type { SandboxState } from "../state.ts";
import { apiRoute } from "./api-route.ts";
import { authenticateSeller } from "./authenticate-seller.ts";
import { createPreference, preferenceView } from "./create-preference.ts";
import { preferenceError } from "./errors.ts";
import { validatePreference } from "./validate-preference.ts";

// Checkout Pro preferences (ARGENTINA.md §5.1), created with the seller's OAuth token.

export function registerPreferenceRoutes(router: Router, state: SandboxState): void {
  router.on(
    "POST",
    "/mercadopago/checkout/preferences",
    apiRoute(state, (ctx) => {
      const auth = authenticateSeller(state, ctx);
      if (!auth.ok) return auth.reply;
      if (ctx.body.kind !== "json") return preferenceError("bad_request", "Invalid body: a JSON object is expected");
      const valid = validatePreference(ctx.body.value);
      if (!valid.ok) return valid.reply;
      const preference = createPreference(state, auth.seller, valid.value, ctx.headers["x-idempotency-key"] || undefined);
      return { status: 201, json: preferenceView(preference, ctx.origin) };
    }),
  );

  router.on(
    "GET",
    "/mercadopago/checkout/preferences/:id",
    apiRoute(state, (ctx) => {
      const auth = authenticateSeller(state, ctx);
      if (!auth.ok) return auth.reply;
      const preference = state.mercadopago.preferences.get(ctx.params.id ?? "");
      // Another seller's preference is as unknown as a made-up id.
      if (!preference || preference.sellerId !== auth.seller.id) return preferenceError("invalid_id", "preference_id not found", 404);
      return { status: 200, json: preferenceView(preference, ctx.origin) };
    }),
  );
}
