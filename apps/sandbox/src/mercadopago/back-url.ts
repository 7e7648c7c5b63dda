import type { Payment, Preference } from "./state.ts";

// Where Checkout Pro sends the customer back: back_urls.success for approved, pending for in_process/pending, failure
// for the rest, with the query MercadoPago appends. auto_return "approved" redirects by itself on approved payments,
// "all" on every result; otherwise the customer sees the result page and a "Volver al sitio" link.

export function backUrlFor(preference: Preference, payment: Payment): string | null {
  const urls = (preference.body.back_urls ?? {}) as Record<string, string>;
  const key = payment.status === "approved" ? "success" : payment.status === "pending" || payment.status === "in_process" ? "pending" : "failure";
  const base = urls[key];
  if (!base) return null;
  const params = new URLSearchParams({
    collection_id: String(payment.id),
    collection_status: payment.status,
    payment_id: String(payment.id),
    status: payment.status,
    external_reference: typeof preference.body.external_reference === "string" && preference.body.external_reference ? preference.body.external_reference : "null",
    payment_type: "credit_card",
    merchant_order_id: String(payment.merchantOrderId),
    preference_id: preference.id,
    site_id: "MLA",
    processing_mode: "aggregator",
    merchant_account_id: "null",
  });
  return `${base}${base.includes("?") ? "&" : "?"}${params.toString()}`;
}

export function returnsAutomatically(preference: Preference, payment: Payment): boolean {
  const mode = preference.body.auto_return;
  return mode === "all" || (mode === "approved" && payment.status === "approved");
}
