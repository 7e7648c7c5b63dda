import type { Reply } from "../http/types.ts";
import { preferenceError } from "./errors.ts";
import type { PreferenceItem } from "./state.ts";

// The checks POST /checkout/preferences runs, with MercadoPago's error codes and (English) messages from its API
// reference. The first problem found is answered, as the API does.

export type ValidPreference = {
  items: PreferenceItem[];
  totalCents: number;
  payer: Record<string, unknown> | null;
  backUrls: { success: string; pending: string; failure: string };
  autoReturn: string;
  notificationUrl: string | null;
  externalReference: string;
  expires: boolean;
  expirationDateFrom: string | null;
  expirationDateTo: string | null;
  marketplaceFee: number;
  metadata: Record<string, unknown>;
  statementDescriptor: string | null;
  binaryMode: boolean;
  paymentMethods: Record<string, unknown> | null;
};

type Result = { ok: true; value: ValidPreference } | { ok: false; reply: Reply };

export function validatePreference(input: unknown): Result {
  if (!isObject(input)) return fail("bad_request", "Invalid body: a JSON object is expected");
  const items = readItems(input.items);
  if (!Array.isArray(items)) return items;
  const totalCents = items.reduce((sum, i) => sum + Math.round(i.unit_price * 100) * i.quantity, 0);

  if (input.payer !== undefined && input.payer !== null) {
    if (!isObject(input.payer)) return fail("invalid_payer", "payer invalid. Wrong format.");
    if (typeof input.payer.email === "string" && input.payer.email.length > 150) return fail("invalid_payer", "payer email invalid. Max length 150.");
  }

  const backUrls = { success: "", pending: "", failure: "" };
  if (input.back_urls !== undefined && input.back_urls !== null) {
    if (!isObject(input.back_urls)) return fail("invalid_back_urls", "back_urls invalid. Wrong format");
    for (const key of ["success", "pending", "failure"] as const) {
      const value = input.back_urls[key];
      if (value === undefined || value === null || value === "") continue;
      if (typeof value !== "string" || !isHttpUrl(value)) return fail("invalid_back_urls", "back_urls invalid. Wrong format");
      backUrls[key] = value;
    }
  }

  const autoReturn = input.auto_return ?? "";
  if (autoReturn !== "") {
    if (autoReturn !== "approved" && autoReturn !== "all") return fail("invalid_auto_return", "auto_return invalid.");
    if (!backUrls.success) return fail("invalid_auto_return", "auto_return invalid. back_url.success must be defined");
  }

  const notificationUrl = input.notification_url ?? null;
  if (notificationUrl !== null && (typeof notificationUrl !== "string" || !isHttpUrl(notificationUrl))) {
    return fail("invalid_notification_url", "notification_url attribute must be url valid");
  }

  const from = readDate(input.expiration_date_from);
  if (from === false) return fail("invalid_expiration_date_from", "expiration_date_from invalid.");
  const to = readDate(input.expiration_date_to);
  if (to === false) return fail("invalid_expiration_date_to", "expiration_date_to invalid.");
  if (from && to && Date.parse(from) > Date.parse(to)) return fail("invalid_expiration_date_to", "expiration_date_to invalid.");

  const fee = input.marketplace_fee ?? 0;
  if (typeof fee !== "number" || !Number.isFinite(fee)) return fail("invalid_marketplace_fee", "marketplace_fee must be a number.");
  if (fee < 0) return fail("invalid_marketplace_fee", "marketplace_fee must be a positive number.");
  if (Math.round(fee * 100) > totalCents) return fail("invalid_marketplace_fee", "marketplace_fee must not be greater than total amount.");

  if (input.binary_mode !== undefined && typeof input.binary_mode !== "boolean") return fail("invalid_binary_mode", "binary_mode must be boolean.");
  if (input.payment_methods !== undefined && input.payment_methods !== null && !isObject(input.payment_methods)) {
    return fail("invalid_payment_methods", "payment_methods invalid. Wrong format");
  }

  return {
    ok: true,
    value: {
      items,
      totalCents,
      payer: isObject(input.payer) ? input.payer : null,
      backUrls,
      autoReturn: autoReturn as string,
      notificationUrl,
      externalReference: typeof input.external_reference === "string" || typeof input.external_reference === "number" ? String(input.external_reference) : "",
      expires: input.expires === true,
      expirationDateFrom: from ?? null,
      expirationDateTo: to ?? null,
      marketplaceFee: fee,
      metadata: isObject(input.metadata) ? input.metadata : {},
      statementDescriptor: typeof input.statement_descriptor === "string" ? input.statement_descriptor : null,
      binaryMode: input.binary_mode === true,
      paymentMethods: isObject(input.payment_methods) ? input.payment_methods : null,
    },
  };
}

function readItems(value: unknown): PreferenceItem[] | { ok: false; reply: Reply } {
  if (value === undefined || value === null) return fail("invalid_items", "items needed.");
  if (!Array.isArray(value)) return fail("invalid_items", "items must be a array");
  if (value.length === 0) return fail("invalid_items", "items needed.");
  const items: PreferenceItem[] = [];
  for (const [index, raw] of value.entries()) {
    if (!isObject(raw)) return fail("invalid_items", "items invalid. Wrong format.");
    if (raw.quantity === undefined || raw.quantity === null) return fail("invalid_items", "quantity needed.");
    if (typeof raw.quantity !== "number" || !Number.isInteger(raw.quantity) || raw.quantity < 1) {
      return fail("invalid_items", `items.${index}.quantity must be a integer`);
    }
    if (raw.unit_price === undefined || raw.unit_price === null) return fail("invalid_items", "unit_price needed.");
    if (typeof raw.unit_price !== "number" || !Number.isFinite(raw.unit_price)) return fail("invalid_items", "unit_price must be a number.");
    if (raw.unit_price <= 0) return fail("invalid_items", "unit_price invalid.");
    const currency = raw.currency_id ?? "ARS";
    // An MLA (Argentina) collector charges in pesos only.
    if (currency !== "ARS") return fail("invalid_items", "currency_id invalid.");
    items.push({
      id: typeof raw.id === "string" ? raw.id : "",
      title: typeof raw.title === "string" ? raw.title : "",
      description: typeof raw.description === "string" ? raw.description : "",
      picture_url: typeof raw.picture_url === "string" ? raw.picture_url : "",
      category_id: typeof raw.category_id === "string" ? raw.category_id : "",
      currency_id: "ARS",
      quantity: raw.quantity,
      unit_price: Math.round(raw.unit_price * 100) / 100,
    });
  }
  return items;
}

/** undefined when absent, false when malformed, the string when it is an ISO date-time with an offset. */
function readDate(value: unknown): string | undefined | false {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return false;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) return false;
  return value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(error: string, message: string): { ok: false; reply: Reply } {
  return { ok: false, reply: preferenceError(error, message) };
}
