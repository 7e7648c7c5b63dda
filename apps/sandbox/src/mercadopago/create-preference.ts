import type { SandboxState } from "../state.ts";
import { newNumericId, newPreferenceId } from "./ids.ts";
import { mpDate, mpNow } from "./mp-time.ts";
import type { Seller } from "./sellers.ts";
import type { Preference } from "./state.ts";
import type { ValidPreference } from "./validate-preference.ts";

/**
 * Stores a Checkout Pro preference for the token's seller. The same X-Idempotency-Key from the same seller answers the
 * preference the first call created, whatever the body.
 */
export function createPreference(state: SandboxState, seller: Seller, input: ValidPreference, idempotencyKey: string | undefined): Preference {
  const mp = state.mercadopago;
  const key = idempotencyKey ? `${seller.id}|${idempotencyKey}` : undefined;
  const existing = key ? mp.preferences.get(mp.preferenceKeys.get(key) ?? "") : undefined;
  if (existing) return existing;

  const now = mpNow(state);
  const id = newPreferenceId(seller.id);
  const config = state.config.mercadopago;
  const body: Record<string, unknown> = {
    additional_info: "",
    auto_return: input.autoReturn,
    back_urls: input.backUrls,
    binary_mode: input.binaryMode,
    client_id: config.clientId,
    collector_id: seller.id,
    coupon_code: null,
    coupon_labels: null,
    date_created: mpDate(now),
    date_of_expiration: null,
    expiration_date_from: input.expirationDateFrom,
    expiration_date_to: input.expirationDateTo,
    expires: input.expires,
    external_reference: input.externalReference,
    id,
    internal_metadata: null,
    items: input.items,
    marketplace: `MP-MKT-${config.clientId}`,
    marketplace_fee: input.marketplaceFee,
    metadata: input.metadata,
    notification_url: input.notificationUrl,
    operation_type: "regular_payment",
    payer: payerView(input.payer),
    payment_methods: {
      default_card_id: null,
      default_payment_method_id: null,
      excluded_payment_methods: [{ id: "" }],
      excluded_payment_types: [{ id: "" }],
      installments: null,
      default_installments: null,
      ...(input.paymentMethods ?? {}),
    },
    processing_modes: null,
    product_id: null,
    redirect_urls: { failure: "", pending: "", success: "" },
    site_id: "MLA",
    shipments: { default_shipping_method: null, receiver_address: { zip_code: "", street_name: "", street_number: null, floor: "", apartment: "", city_name: null, state_name: null, country_name: null } },
    statement_descriptor: input.statementDescriptor,
    total_amount: null,
    last_updated: null,
  };
  const preference: Preference = { id, sellerId: seller.id, merchantOrderId: newNumericId(mp, 11), totalCents: input.totalCents, body, items: input.items, createdAt: now };
  mp.preferences.set(id, preference);
  if (key) mp.preferenceKeys.set(key, id);
  return preference;
}

/** The JSON MercadoPago answers for a preference; init points are built from the URL the caller used. */
export function preferenceView(preference: Preference, origin: string): Record<string, unknown> {
  const checkout = `${origin}/mercadopago/checkout/pay/${preference.id}`;
  return { ...preference.body, init_point: checkout, sandbox_init_point: checkout };
}

function payerView(payer: Record<string, unknown> | null): Record<string, unknown> {
  const p = payer ?? {};
  return {
    phone: { area_code: "", number: "", ...(asObject(p.phone) ?? {}) },
    address: { zip_code: "", street_name: "", street_number: null, ...(asObject(p.address) ?? {}) },
    email: typeof p.email === "string" ? p.email : "",
    identification: { number: "", type: "", ...(asObject(p.identification) ?? {}) },
    name: typeof p.name === "string" ? p.name : "",
    surname: typeof p.surname === "string" ? p.surname : "",
    date_created: null,
    last_purchase: null,
  };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
