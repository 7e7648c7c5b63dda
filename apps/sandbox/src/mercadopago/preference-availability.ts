import type { Preference } from "./state.ts";

export type Availability = "open" | "expired" | "not_yet";

/** With `expires: true`, a preference can only be paid between expiration_date_from and expiration_date_to. */
export function preferenceAvailability(preference: Preference, now: number): Availability {
  if (preference.body.expires !== true) return "open";
  const from = preference.body.expiration_date_from;
  const to = preference.body.expiration_date_to;
  if (typeof to === "string" && now > Date.parse(to)) return "expired";
  if (typeof from === "string" && now < Date.parse(from)) return "not_yet";
  return "open";
}
