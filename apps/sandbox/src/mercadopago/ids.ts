import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { MercadoPagoState } from "./state.ts";

// Id and credential formats as MercadoPago hands them out, so clients that validate or store them accept ours.

/** A numeric id with `digits` digits, never repeated in this sandbox's life (payments, refunds, orders, notifications). */
export function newNumericId(mp: MercadoPagoState, digits: number): number {
  for (;;) {
    const id = randomInt(10 ** (digits - 1), Math.min(10 ** digits, Number.MAX_SAFE_INTEGER));
    if (!mp.usedIds.has(id)) {
      mp.usedIds.add(id);
      return id;
    }
  }
}

/** Preference ids: "<collector id>-<uuid>". */
export function newPreferenceId(sellerId: number): string {
  return `${sellerId}-${randomUUID()}`;
}

/** MercadoPago's documented access token layout: APP_USR-<application>-<MMddHH>-<hash>-<user id>. */
export function newAccessToken(applicationNumber: string, sellerId: number, now: number): string {
  const d = new Date(now);
  const mmddhh = [d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours()].map((n) => String(n).padStart(2, "0")).join("");
  return `APP_USR-${applicationNumber}-${mmddhh}-${randomBytes(16).toString("hex")}-${sellerId}`;
}

/** Temporal grants (authorization codes and refresh tokens): TG-<hex>-<user id>. */
export function newTemporalGrant(sellerId: number): string {
  return `TG-${randomBytes(12).toString("hex")}-${sellerId}`;
}

export function newPublicKey(): string {
  return `APP_USR-${randomUUID()}`;
}
