import type { SandboxState } from "../state.ts";
import { mpDate } from "./mp-time.ts";
import type { Seller } from "./sellers.ts";
import type { Payment, Refund } from "./state.ts";
import { TEST_CARD } from "./test-cards.ts";

// GET /v1/payments/{id}: MercadoPago's payment JSON for a Checkout Pro card payment. The preference id is not a payment
// field: the payment points at the merchant order (`order`) and carries the preference's metadata and items.

export function refundedCents(payment: Payment): number {
  return payment.refunds.reduce((sum, r) => sum + r.amountCents, 0);
}

export function paymentView(state: SandboxState, payment: Payment): Record<string, unknown> {
  const mp = state.mercadopago;
  const preference = mp.preferences.get(payment.preferenceId);
  const seller = mp.sellers.get(payment.sellerId);
  const body = preference?.body ?? {};
  const amount = payment.amountCents / 100;
  const fee = Math.min(Number(body.marketplace_fee ?? 0), amount);
  const payer = (body.payer ?? {}) as Record<string, unknown>;
  const approved = payment.approvedAt !== null;
  return {
    id: payment.id,
    date_created: mpDate(payment.createdAt),
    date_approved: approved ? mpDate(payment.approvedAt as number) : null,
    date_last_updated: mpDate(payment.updatedAt),
    date_of_expiration: null,
    money_release_date: approved ? mpDate(payment.approvedAt as number) : null,
    money_release_status: approved ? "released" : "pending",
    money_release_schema: null,
    operation_type: "regular_payment",
    issuer_id: TEST_CARD.issuerId,
    payment_method_id: TEST_CARD.paymentMethodId,
    payment_type_id: TEST_CARD.paymentTypeId,
    payment_method: { id: TEST_CARD.paymentMethodId, type: TEST_CARD.paymentTypeId, issuer_id: TEST_CARD.issuerId },
    status: payment.status,
    status_detail: payment.statusDetail,
    currency_id: "ARS",
    description: preference?.items[0]?.title ?? null,
    live_mode: false,
    sponsor_id: null,
    authorization_code: approved ? String(payment.id).slice(-6) : null,
    integrator_id: null,
    platform_id: null,
    corporation_id: null,
    collector_id: payment.sellerId,
    payer: {
      type: null,
      id: String(payment.payerId),
      operator_id: null,
      email: typeof payer.email === "string" && payer.email ? payer.email : `test_user_${payment.payerId}@testuser.com`,
      identification: { type: "DNI", number: "12345678" },
      phone: { area_code: null, number: null, extension: null },
      first_name: null,
      last_name: null,
      entity_type: null,
    },
    metadata: body.metadata ?? {},
    additional_info: {
      items: (preference?.items ?? []).map((i) => ({
        id: i.id,
        title: i.title,
        description: i.description || null,
        picture_url: i.picture_url || null,
        category_id: i.category_id || null,
        quantity: String(i.quantity),
        unit_price: String(i.unit_price),
      })),
    },
    order: { id: String(payment.merchantOrderId), type: "mercadopago" },
    external_reference: body.external_reference || null,
    transaction_amount: amount,
    transaction_amount_refunded: refundedCents(payment) / 100,
    coupon_amount: 0,
    differential_pricing_id: null,
    deduction_schema: null,
    installments: 1,
    transaction_details: {
      payment_method_reference_id: null,
      acquirer_reference: null,
      net_received_amount: Math.round((amount - fee) * 100) / 100,
      total_paid_amount: amount,
      overpaid_amount: 0,
      external_resource_url: null,
      installment_amount: amount,
      financial_institution: null,
      payable_deferral_period: null,
    },
    fee_details: fee > 0 ? [{ type: "application_fee", amount: fee, fee_payer: "collector" }] : [],
    charges_details: [],
    captured: true,
    binary_mode: body.binary_mode === true,
    call_for_authorize_id: null,
    statement_descriptor: body.statement_descriptor ?? null,
    card: {
      id: null,
      first_six_digits: TEST_CARD.firstSix,
      last_four_digits: TEST_CARD.lastFour,
      expiration_month: TEST_CARD.expirationMonth,
      expiration_year: TEST_CARD.expirationYear,
      date_created: mpDate(payment.createdAt),
      date_last_updated: mpDate(payment.createdAt),
      cardholder: { name: payment.card, identification: { number: "12345678", type: "DNI" } },
    },
    notification_url: body.notification_url ?? null,
    refunds: payment.refunds.map((r) => refundView(payment, r, seller)),
    processing_mode: "aggregator",
    merchant_account_id: null,
    merchant_number: null,
    acquirer_reconciliation: [],
    point_of_interaction: { type: "CHECKOUT", business_info: { unit: "online_payments", sub_unit: "checkout_pro" } },
    callback_url: null,
    net_amount: amount,
    taxes: [],
  };
}

export function refundView(payment: Payment, refund: Refund, seller: Seller | undefined): Record<string, unknown> {
  const amount = refund.amountCents / 100;
  return {
    id: refund.id,
    payment_id: payment.id,
    amount,
    metadata: {},
    source: { id: String(payment.sellerId), name: seller?.nickname ?? "", type: "collector" },
    date_created: mpDate(refund.createdAt),
    unique_sequence_number: null,
    refund_mode: "standard",
    adjustment_amount: 0,
    status: "approved",
    reason: null,
    labels: [],
    amount_refunded_to_payer: amount,
    partition_details: [],
    expiration_date: null,
  };
}
