import type { SandboxState } from "../state.ts";

// MercadoPago's API writes dates at -04:00 with milliseconds ("2021-11-24T13:58:49.312-04:00") whatever the site, so
// clients must honour the offset instead of assuming Buenos Aires time.
const MP_OFFSET_MS = -4 * 60 * 60 * 1000;

/** The sandbox's "now" for MercadoPago: the real clock shifted by config.mercadopago.clockOffsetMs. */
export function mpNow(state: SandboxState): number {
  return Date.now() + state.config.mercadopago.clockOffsetMs;
}

export function mpDate(ms: number): string {
  return `${new Date(ms + MP_OFFSET_MS).toISOString().slice(0, 23)}-04:00`;
}

/** The `data` of an error cause: "03-09-2021T12:13:10UTC;<uuid>". */
export function causeData(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}T${iso.slice(11, 19)}UTC;${crypto.randomUUID()}`;
}
