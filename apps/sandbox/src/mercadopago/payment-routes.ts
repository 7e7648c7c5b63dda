import type { Router } from "../http/router.ts";
import type { RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { apiRoute, type ApiReply } from "./api-route.ts";
import { authenticateSeller } from "./authenticate-seller.ts";
import { mpError, paymentNotFound } from "./errors.ts";
import { paymentView, refundView } from "./payment-view.ts";
import { refundPayment } from "./refund-payment.ts";
import { searchPayments } from "./search-payments.ts";
import type { Payment } from "./state.ts";
import type { Seller } from "./sellers.ts";

// The Payments API a marketplace reads after every notification (get, search) and uses for refunds. A seller's token
// only reaches its own payments: anyone else's id answers 404, exactly like an id that does not exist.

export function registerPaymentRoutes(router: Router, state: SandboxState): void {
  router.on(
    "GET",
    "/mercadopago/v1/payments/search",
    apiRoute(state, (ctx) => {
      const auth = authenticateSeller(state, ctx);
      if (!auth.ok) return auth.reply;
      const result = searchPayments(state, auth.seller.id, ctx.query);
      return result.ok ? { status: 200, json: result.body } : result.reply;
    }),
  );

  router.on(
    "GET",
    "/mercadopago/v1/payments/:id",
    apiRoute(state, (ctx) => withPayment(state, ctx, (payment) => ({ status: 200, json: paymentView(state, payment) }))),
  );

  router.on(
    "POST",
    "/mercadopago/v1/payments/:id/refunds",
    apiRoute(state, (ctx) =>
      withPayment(state, ctx, (payment, seller) => {
        const key = ctx.headers["x-idempotency-key"];
        if (!key) return mpError(400, "bad_request", "Header X-Idempotency-Key can't be null", [{ code: 4292, description: "Header X-Idempotency-Key can't be null" }]);
        let amount: unknown;
        if (ctx.body.kind === "json" && typeof ctx.body.value === "object" && ctx.body.value !== null) amount = (ctx.body.value as Record<string, unknown>).amount;
        else if (ctx.body.kind !== "none") return mpError(400, "bad_request", "Invalid body: a JSON object is expected");
        const outcome = refundPayment(state, payment, amount, key);
        if (outcome.kind === "error") return outcome.reply;
        if (outcome.kind === "replayed") return { status: 200, text: "", contentType: "application/json; charset=utf-8" };
        return { status: 201, json: refundView(payment, outcome.refund, seller) };
      }),
    ),
  );

  router.on(
    "GET",
    "/mercadopago/v1/payments/:id/refunds",
    apiRoute(state, (ctx) => withPayment(state, ctx, (payment, seller) => ({ status: 200, json: payment.refunds.map((r) => refundView(payment, r, seller)) }))),
  );

  router.on(
    "GET",
    "/mercadopago/v1/payments/:id/refunds/:refundId",
    apiRoute(state, (ctx) =>
      withPayment(state, ctx, (payment, seller) => {
        const refund = payment.refunds.find((r) => String(r.id) === ctx.params.refundId);
        if (!refund) return mpError(404, "not_found", "Refund not found", [{ code: 2032, description: "Refund not found" }]);
        return { status: 200, json: refundView(payment, refund, seller) };
      }),
    ),
  );
}

function withPayment(state: SandboxState, ctx: RequestContext, run: (payment: Payment, seller: Seller) => ApiReply): ApiReply {
  const auth = authenticateSeller(state, ctx);
  if (!auth.ok) return auth.reply;
  const payment = /^\d{1,19}$/.test(ctx.params.id ?? "") ? state.mercadopago.payments.get(Number(ctx.params.id)) : undefined;
  if (!payment || payment.sellerId !== auth.seller.id) return paymentNotFound();
  return run(payment, auth.seller);
}
