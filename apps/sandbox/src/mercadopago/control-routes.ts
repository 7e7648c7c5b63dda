import { z } from "zod";
import { bodyOf } from "../control/config-routes.ts";
import type { Router } from "../http/router.ts";
import { json } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { applicationPatchSchema, applicationView, isRegisteredRedirectUri } from "./application.ts";
import { changePaymentStatus, statusChangeSchema } from "./change-payment-status.ts";
import { applyMercadoPagoConfigPatch, configView, mercadoPagoConfigPatchSchema } from "./config.ts";
import { preferenceView } from "./create-preference.ts";
import { addFault, createFaultSchema } from "./faults.ts";
import { newNumericId } from "./ids.ts";
import { callbackLocation, issueAuthorizationCode } from "./issue-authorization-code.ts";
import { notifyConnect, resendEvent } from "./notify.ts";
import { payPreference } from "./pay-preference.ts";
import { paymentView } from "./payment-view.ts";
import { revokeSeller } from "./revoke-seller.ts";
import { addSellerSchema, sellerFromInput, sellerView } from "./sellers.ts";
import type { NotificationEvent } from "./state.ts";
import { TEST_CARD_NAMES } from "./test-cards.ts";

// The MercadoPago control API under /_sandbox/mercadopago: application, sellers, OAuth and checkout shortcuts for
// tests that do not drive a browser, payment status changes, notifications, faults, config and recorded calls.

const authorizeSchema = z
  .object({
    seller_id: z.number().int(),
    redirect_uri: z.string().min(1),
    state: z.string().optional(),
    code_challenge: z.string().min(1).optional(),
    code_challenge_method: z.enum(["S256", "plain"]).optional(),
  })
  .strict();

const paySchema = z.object({ card: z.enum(TEST_CARD_NAMES as [string, ...string[]]), amount: z.number().positive().optional() }).strict();

export function registerMercadoPagoControlRoutes(router: Router, state: SandboxState): void {
  const mp = () => state.mercadopago;
  const config = () => state.config.mercadopago;

  router.on("GET", "/_sandbox/mercadopago/application", () => json(200, applicationView(mp().application, config().clientId, config().applicationName)));
  router.on("POST", "/_sandbox/mercadopago/application", (ctx) => {
    const parsed = applicationPatchSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "aplicación inválida", issues: parsed.error.issues });
    if (parsed.data.redirectUris) mp().application.redirectUris = parsed.data.redirectUris;
    if (parsed.data.webhookUrl !== undefined) mp().application.webhookUrl = parsed.data.webhookUrl;
    return json(200, applicationView(mp().application, config().clientId, config().applicationName));
  });

  router.on("GET", "/_sandbox/mercadopago/sellers", () => json(200, [...mp().sellers.values()].map(sellerView)));
  router.on("POST", "/_sandbox/mercadopago/sellers", (ctx) => {
    const parsed = addSellerSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "vendedor inválido", issues: parsed.error.issues });
    const id = parsed.data.id ?? newNumericId(mp(), 9);
    const seller = sellerFromInput(parsed.data, id);
    mp().sellers.set(id, seller);
    return json(201, sellerView(seller));
  });
  router.on("POST", "/_sandbox/mercadopago/sellers/:id/revoke", (ctx) => {
    const sellerId = Number(ctx.params.id);
    if (!mp().sellers.has(sellerId)) return json(404, { error: `no hay un vendedor ${ctx.params.id}` });
    return json(200, revokeSeller(state, sellerId));
  });

  router.on("POST", "/_sandbox/mercadopago/authorize", (ctx) => {
    const parsed = authorizeSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "pedido inválido", issues: parsed.error.issues });
    const input = parsed.data;
    if (!mp().sellers.has(input.seller_id)) return json(404, { error: `no hay un vendedor ${input.seller_id}` });
    if (!isRegisteredRedirectUri(mp().application, input.redirect_uri)) {
      return json(400, { error: `redirect_uri no registrado en la aplicación: ${input.redirect_uri}`, registered: mp().application.redirectUris });
    }
    const code = issueAuthorizationCode(state, {
      sellerId: input.seller_id,
      redirectUri: input.redirect_uri,
      ...(input.code_challenge ? { codeChallenge: input.code_challenge, codeChallengeMethod: input.code_challenge_method ?? "plain" } : {}),
    });
    notifyConnect(state, input.seller_id, "application.authorized");
    return json(201, { code: code.code, location: callbackLocation(input.redirect_uri, { code: code.code, state: input.state }) });
  });

  router.on("GET", "/_sandbox/mercadopago/preferences", (ctx) => {
    const seller = ctx.query.get("seller_id");
    return json(200, [...mp().preferences.values()].filter((p) => !seller || String(p.sellerId) === seller).map((p) => preferenceView(p, ctx.origin)));
  });
  router.on("POST", "/_sandbox/mercadopago/checkout/:preferenceId/pay", (ctx) => {
    const parsed = paySchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: `pago inválido: card es ${TEST_CARD_NAMES.join(", ")}; amount (opcional) en pesos`, issues: parsed.error.issues });
    const preference = mp().preferences.get(ctx.params.preferenceId ?? "");
    if (!preference) return json(404, { error: `no hay una preferencia ${ctx.params.preferenceId}` });
    const amountCents = parsed.data.amount === undefined ? undefined : Math.round(parsed.data.amount * 100);
    const outcome = payPreference(state, preference, parsed.data.card as (typeof TEST_CARD_NAMES)[number], amountCents);
    if (!outcome.ok) {
      const messages = { expired: "la preferencia venció", not_yet: "la preferencia todavía no se puede pagar", amount: "el monto tiene que ser mayor a cero y no superar el total" };
      return json(outcome.reason === "amount" ? 400 : 410, { error: messages[outcome.reason] });
    }
    return json(201, paymentView(state, outcome.payment));
  });

  router.on("GET", "/_sandbox/mercadopago/payments", (ctx) => {
    const seller = ctx.query.get("seller_id");
    return json(200, [...mp().payments.values()].filter((p) => !seller || String(p.sellerId) === seller).map((p) => paymentView(state, p)));
  });
  router.on("POST", "/_sandbox/mercadopago/payments/:id/status", (ctx) => {
    const parsed = statusChangeSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "estado inválido", issues: parsed.error.issues });
    const payment = mp().payments.get(Number(ctx.params.id));
    if (!payment) return json(404, { error: `no hay un pago ${ctx.params.id}` });
    changePaymentStatus(state, payment, parsed.data);
    return json(200, paymentView(state, payment));
  });

  router.on("GET", "/_sandbox/mercadopago/notifications", (ctx) => {
    const dataId = ctx.query.get("data_id");
    const topic = ctx.query.get("topic");
    const events = [...mp().events.values()].filter((e) => (!dataId || e.dataId === dataId) && (!topic || e.topic === topic));
    return json(200, events.map((e) => eventView(state, e)));
  });
  router.on("DELETE", "/_sandbox/mercadopago/notifications", () => {
    mp().events.clear();
    mp().notifications = [];
    return json(200, { cleared: true });
  });
  router.on("POST", "/_sandbox/mercadopago/notifications/:id/resend", async (ctx) => {
    const event = mp().events.get(ctx.params.id ?? "");
    if (!event) return json(404, { error: `no hay una notificación ${ctx.params.id}` });
    const sent = resendEvent(state, event);
    if (!sent) return json(409, { error: "esa notificación no tiene URL de destino (ni notification_url ni webhook de la aplicación)" });
    const delivered = await sent;
    return json(200, { ...eventView(state, event), delivered });
  });

  router.on("GET", "/_sandbox/mercadopago/faults", () => json(200, mp().faults));
  router.on("DELETE", "/_sandbox/mercadopago/faults", () => {
    mp().faults = [];
    return json(200, { cleared: true });
  });
  router.on("POST", "/_sandbox/mercadopago/faults", (ctx) => {
    const parsed = createFaultSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "falla inválida", issues: parsed.error.issues });
    const fault = addFault(mp(), parsed.data);
    return json(201, { id: fault.id, fault });
  });

  router.on("GET", "/_sandbox/mercadopago/config", () => json(200, configView(config())));
  router.on("POST", "/_sandbox/mercadopago/config", (ctx) => {
    const parsed = mercadoPagoConfigPatchSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "configuración inválida", issues: parsed.error.issues });
    state.config.mercadopago = applyMercadoPagoConfigPatch(config(), parsed.data);
    return json(200, configView(config()));
  });

  router.on("GET", "/_sandbox/mercadopago/requests", (ctx) => {
    const path = ctx.query.get("path");
    return json(200, mp().requests.filter((r) => !path || r.path.includes(path)));
  });
  router.on("DELETE", "/_sandbox/mercadopago/requests", () => {
    mp().requests = [];
    return json(200, { cleared: true });
  });
}

function eventView(state: SandboxState, event: NotificationEvent): Record<string, unknown> {
  return {
    ...event,
    createdAt: new Date(event.createdAt).toISOString(),
    attempts: state.mercadopago.notifications.filter((a) => a.eventId === event.id),
  };
}
