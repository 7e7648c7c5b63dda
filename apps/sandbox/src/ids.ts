import { randomBytes, randomInt } from "node:crypto";

// Id formats copied from what the providers hand out, so clients that validate them accept ours.

/** Meta message ids: "wamid." + base64 of a protobuf-ish blob that embeds the recipient (real ones start "HBgN"). */
export function newWamid(waId: string): string {
  const digits = Buffer.from(waId.replace(/\D/g, "").slice(0, 20));
  const blob = Buffer.concat([
    Buffer.from([0x1c, 0x18, digits.length]),
    digits,
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, 0x14]),
    Buffer.from(randomBytes(10).toString("hex").toUpperCase()),
    Buffer.from([0x00]),
  ]);
  return `wamid.${blob.toString("base64")}`;
}

/** Numeric Graph object ids (media, templates): 16 digits, so they never collide with 15-digit phone number ids. */
export function newGraphId(): string {
  let s = String(randomInt(1, 10));
  for (let i = 0; i < 15; i++) s += String(randomInt(0, 10));
  return s;
}

/** Twilio SIDs: two-letter prefix + 32 lowercase hex. */
export function newTwilioSid(prefix: "SM" | "MM" | "ME" | "XE"): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

/** Graph's fbtrace_id: 22-27 url-safe chars starting with "A". */
export function newFbtraceId(): string {
  return `A${randomBytes(17).toString("base64url").slice(0, 22)}`;
}

let seq = 0;
export function newRecordId(prefix: string): string {
  seq += 1;
  return `${prefix}_${Date.now().toString(36)}${seq.toString(36).padStart(4, "0")}`;
}
