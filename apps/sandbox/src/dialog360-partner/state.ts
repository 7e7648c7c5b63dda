import { randomBytes, randomInt } from "node:crypto";

// The 360dialog Partner API's number pool, as the sandbox emulates it: Argentine numbers by area code that a partner
// reserves (5 minutes), verifies with a 6-digit code sent by SMS (10 minutes, 5 attempts) and turns into a channel
// with its own D360 API key. Times are read through `now()` so the control API can move the partner's clock forward.

export const RESERVATION_TTL_MS = 5 * 60_000;
export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_MAX_SENDS = 5;

export type PoolNumber = {
  id: string;
  areaCode: string;
  /** Digits without "+", as 360dialog and Meta show them (541153000001). */
  phoneNumber: string;
  status: "available" | "reserved" | "active";
};

export type Verification = { code: string; phone: string; sentAt: number; expiresAt: number; attempts: number; sends: number };

export type Reservation = {
  id: string;
  numberId: string;
  expiresAt: number;
  status: "reserved" | "verified" | "released" | "expired";
  verification?: Verification;
  channelId?: string;
};

export type Channel = {
  id: string;
  numberId: string;
  reservationId: string;
  phoneNumber: string;
  /** The sandbox business number (state.numbers) that sends for this channel. */
  phoneNumberId: string;
  wabaId: string;
  status: "active" | "released";
  apiKeyCount: number;
  createdAt: number;
};

export type PartnerState = {
  clockOffsetMs: number;
  pool: PoolNumber[];
  reservations: Map<string, Reservation>;
  channels: Map<string, Channel>;
};

// A handful per area code: CABA/AMBA (11), Córdoba (351), Mendoza (261), Rosario (341), La Plata (221).
const POOL: Record<string, string> = { "11": "1153000", "351": "351555", "261": "261556", "341": "341557", "221": "221558" };
const PER_AREA = 5;

export function createPartnerState(): PartnerState {
  const pool: PoolNumber[] = [];
  for (const [areaCode, prefix] of Object.entries(POOL)) {
    for (let i = 1; i <= PER_AREA; i++) {
      const local = `${prefix}${String(i).padStart(10 - prefix.length, "0")}`;
      pool.push({ id: `pn_${areaCode}_${i}`, areaCode, phoneNumber: `54${local}`, status: "available" });
    }
  }
  return { clockOffsetMs: 0, pool, reservations: new Map(), channels: new Map() };
}

export function partnerNow(partner: PartnerState): number {
  return Date.now() + partner.clockOffsetMs;
}

/** Lazy expiry: a reservation whose time is up goes back to the pool the next time anyone looks. */
export function sweepReservations(partner: PartnerState): void {
  const now = partnerNow(partner);
  for (const reservation of partner.reservations.values()) {
    if (reservation.status !== "reserved" || reservation.expiresAt > now) continue;
    reservation.status = "expired";
    freeNumber(partner, reservation.numberId);
  }
}

export function freeNumber(partner: PartnerState, numberId: string): void {
  const number = partner.pool.find((n) => n.id === numberId);
  if (number) number.status = "available";
}

export function newPartnerId(prefix: string): string {
  return `${prefix}${randomBytes(6).toString("base64url").replace(/[-_]/g, "x")}`;
}

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function newApiKey(): string {
  return randomBytes(24).toString("base64url");
}
