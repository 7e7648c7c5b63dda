import { MercadoPagoConfig, Payment, PaymentRefund, Preference } from "mercadopago";
import { AppConfig } from "mercadopago/dist/utils/config/index.js";
import { env } from "../../lib/env";
import { measureMercadoPagoCall } from "./measure-mercadopago-call";
import { toMercadoPagoError } from "./mercadopago-error";

// The official SDK against the configured host (the sandbox locally, api.mercadopago.com in production). The SDK keeps
// its base URL in a static: set once, from env. Calls use the seller's token (marketplace mode); a short timeout and
// no SDK retries — our jobs retry on their own schedule.
(AppConfig as unknown as { BASE_URL: string }).BASE_URL = env.MERCADOPAGO_API_URL.replace(/\/$/, "");
const OPTIONS = { timeout: 10_000, retries: 0 } as const;

export type MpPayment = {
  id: number;
  status: string;
  status_detail?: string;
  transaction_amount: number;
  transaction_amount_refunded?: number;
  external_reference?: string | null;
  collector_id?: number;
  payment_method_id?: string;
  payment_type_id?: string;
  date_created?: string;
  date_approved?: string | null;
  date_last_updated?: string;
};

export type PreferenceInput = {
  items: { id: string; title: string; quantity: number; unit_price: number; currency_id: "ARS" }[];
  externalReference: string;
  notificationUrl: string;
  backUrls: { success: string; pending: string; failure: string };
  expiresAt: Date;
  payer?: { name?: string; email?: string };
  statementDescriptor?: string;
};

const client = (accessToken: string) => new MercadoPagoConfig({ accessToken, options: { timeout: OPTIONS.timeout } });

export async function createPreference(accessToken: string, input: PreferenceInput, idempotencyKey: string): Promise<{ id: string; initPoint: string }> {
  return measureMercadoPagoCall("preference.create", async () => {
    try {
      const response = await new Preference(client(accessToken)).create({
        body: {
          items: input.items,
          external_reference: input.externalReference,
          notification_url: input.notificationUrl,
          back_urls: input.backUrls,
          auto_return: "approved",
          expires: true,
          expiration_date_to: input.expiresAt.toISOString(),
          ...(input.payer ? { payer: input.payer } : {}),
          ...(input.statementDescriptor ? { statement_descriptor: input.statementDescriptor } : {}),
        },
        requestOptions: { ...OPTIONS, idempotencyKey },
      });
      return { id: String(response.id), initPoint: String(response.init_point) };
    } catch (error) {
      throw toMercadoPagoError(error);
    }
  });
}

export async function getPayment(accessToken: string, id: string): Promise<MpPayment> {
  return measureMercadoPagoCall("payment.get", async () => {
    try {
      return (await new Payment(client(accessToken)).get({ id, requestOptions: OPTIONS })) as unknown as MpPayment;
    } catch (error) {
      throw toMercadoPagoError(error);
    }
  });
}

export async function searchPayments(accessToken: string, externalReference: string): Promise<MpPayment[]> {
  return measureMercadoPagoCall("payment.search", async () => {
    try {
      const result = await new Payment(client(accessToken)).search({
        options: { external_reference: externalReference, sort: "date_created", criteria: "desc", limit: 50 },
        requestOptions: OPTIONS,
      });
      return (result.results ?? []) as unknown as MpPayment[];
    } catch (error) {
      throw toMercadoPagoError(error);
    }
  });
}

export async function refundPayment(accessToken: string, paymentId: string, amountCents: number | null, idempotencyKey: string): Promise<{ id: string | null }> {
  return measureMercadoPagoCall("payment.refund", async () => {
    try {
      const refund = await new PaymentRefund(client(accessToken)).create({
        payment_id: paymentId,
        ...(amountCents !== null ? { body: { amount: amountCents / 100 } } : {}),
        requestOptions: { ...OPTIONS, idempotencyKey },
      });
      // A repeated idempotency key answers 200 with no body: the refund was already made.
      return { id: refund?.id ? String(refund.id) : null };
    } catch (error) {
      throw toMercadoPagoError(error);
    }
  });
}

// GET /users/me: who the token belongs to (nickname for the settings page; a 401 says the link is gone).
export async function getSellerAccount(accessToken: string): Promise<{ id: string; nickname: string | null; email: string | null }> {
  return measureMercadoPagoCall("users.me", async () => {
    let response: Response;
    try {
      response = await fetch(`${env.MERCADOPAGO_API_URL.replace(/\/$/, "")}/users/me`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
        signal: AbortSignal.timeout(OPTIONS.timeout),
      });
    } catch (error) {
      throw toMercadoPagoError(error);
    }
    const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw toMercadoPagoError({ status: response.status, error: data.error, message: data.message ?? `HTTP ${response.status}` });
    return { id: String(data.id), nickname: data.nickname ? String(data.nickname) : null, email: data.email ? String(data.email) : null };
  });
}
