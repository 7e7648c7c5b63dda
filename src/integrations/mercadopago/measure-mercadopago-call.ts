import { measureExternalCall } from "../../lib/metrics/external-call-metrics";
import { toMercadoPagoError } from "./mercadopago-error";

// Times and counts one MercadoPago call (campotech_external_calls_total): ok, http_<status> or network.
export function measureMercadoPagoCall<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  return measureExternalCall({ service: "mercadopago", operation, resultOf }, fn);
}

function resultOf(error: unknown): string {
  const { status } = toMercadoPagoError(error);
  return status === 0 ? "network" : `http_${status}`;
}
