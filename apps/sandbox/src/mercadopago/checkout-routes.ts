import type { Router } from "../http/router.ts";
import type { Reply } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { backUrlFor, returnsAutomatically } from "./back-url.ts";
import { checkoutPage, resultPage, unavailablePage } from "./checkout-page.ts";
import { mpNow } from "./mp-time.ts";
import { parsePesos } from "./page-layout.ts";
import { payPreference } from "./pay-preference.ts";
import { preferenceAvailability } from "./preference-availability.ts";
import { isTestCardName } from "./test-cards.ts";

// The init_point: the page a customer opens from the payment link (GET), pays on (POST, then back to the seller's site
// or to a result page), and the result page itself.

export function registerCheckoutRoutes(router: Router, state: SandboxState): void {
  router.on("GET", "/mercadopago/checkout/pay/:id", (ctx) => {
    const found = lookup(state, ctx.params.id);
    if (!found) return html(404, unavailablePage("not_found"));
    const availability = preferenceAvailability(found.preference, mpNow(state));
    if (availability !== "open") return html(410, unavailablePage(availability, found.seller));
    return html(200, checkoutPage(found.preference, found.seller));
  });

  router.on("POST", "/mercadopago/checkout/pay/:id", (ctx) => {
    const found = lookup(state, ctx.params.id);
    if (!found) return html(404, unavailablePage("not_found"));
    const { preference, seller } = found;
    const fields = ctx.body.kind === "form" ? ctx.body.fields : {};
    const card = Array.isArray(fields.card) ? fields.card[0] : fields.card;
    const amountText = typeof fields.amount === "string" ? fields.amount : undefined;
    if (!isTestCardName(card)) return html(400, checkoutPage(preference, seller, "Elegí una de las tarjetas de prueba."));
    const amountCents = amountText === undefined ? undefined : parsePesos(amountText);
    if (amountText !== undefined && amountCents === undefined) {
      return html(400, checkoutPage(preference, seller, "Escribí el monto en pesos, por ejemplo 10.000,50.", amountText));
    }
    const outcome = payPreference(state, preference, card, amountCents);
    if (!outcome.ok) {
      if (outcome.reason !== "amount") return html(410, unavailablePage(outcome.reason, seller));
      return html(400, checkoutPage(preference, seller, "El monto tiene que ser mayor a cero y no puede superar el total.", amountText));
    }
    const back = backUrlFor(preference, outcome.payment);
    if (back && returnsAutomatically(preference, outcome.payment)) return redirect(302, back);
    return redirect(303, `/mercadopago/checkout/pay/${encodeURIComponent(preference.id)}/resultado?payment_id=${outcome.payment.id}`);
  });

  router.on("GET", "/mercadopago/checkout/pay/:id/resultado", (ctx) => {
    const found = lookup(state, ctx.params.id);
    const payment = state.mercadopago.payments.get(Number(ctx.query.get("payment_id")));
    if (!found || !payment || payment.preferenceId !== found.preference.id) return html(404, unavailablePage("not_found"));
    return html(200, resultPage(payment, found.preference, found.seller, backUrlFor(found.preference, payment)));
  });
}

function lookup(state: SandboxState, id: string | undefined) {
  const preference = state.mercadopago.preferences.get(id ?? "");
  const seller = preference ? state.mercadopago.sellers.get(preference.sellerId) : undefined;
  return preference && seller ? { preference, seller } : undefined;
}

function html(status: number, body: string): Reply {
  return { status, text: body, contentType: "text/html; charset=utf-8" };
}

function redirect(status: 302 | 303, location: string): Reply {
  return { status, headers: { location }, text: "" };
}
