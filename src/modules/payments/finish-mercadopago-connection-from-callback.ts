import type { Redis } from "ioredis";
import { AppError } from "../../lib/errors";
import { logger } from "../../lib/logger";
import { finishMercadoPagoConnection } from "./finish-mercadopago-connection";

export const MERCADOPAGO_SETTINGS_PAGE = "/panel/cobros/mercadopago";

// The OAuth callback as a page flow: whatever happens, the person lands on the settings page with the outcome (a
// cancel at MercadoPago, a stale or foreign state, a refused code) in Spanish. Returns the relative URL to go to.
export async function finishMercadoPagoConnectionFromCallback(redis: Redis, input: { query: URLSearchParams; signedInUserId: string | null }): Promise<string> {
  const page = (params: Record<string, string>) => `${MERCADOPAGO_SETTINGS_PAGE}?${new URLSearchParams(params).toString()}`;
  const state = input.query.get("state") ?? "";
  const code = input.query.get("code");
  if (input.query.get("error") === "access_denied") return page({ error: "Cancelaste la conexión en MercadoPago: no se vinculó ninguna cuenta." });
  if (!code || !state) return page({ error: `MercadoPago no devolvió la autorización (${input.query.get("error") ?? "sin código"}). Probá conectar de nuevo.` });
  try {
    const { nickname } = await finishMercadoPagoConnection(redis, { state, code, signedInUserId: input.signedInUserId });
    return page({ conectado: nickname ?? "1" });
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return page({ error: error.message });
    logger.warn({ err: (error as Error).message }, "mercadopago connection failed");
    return page({ error: `MercadoPago no confirmó la conexión: ${(error as Error).message}. Probá de nuevo en unos minutos.` });
  }
}
