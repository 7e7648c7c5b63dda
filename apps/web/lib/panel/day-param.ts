import { isIsoDate } from "./jobs/jobs-format";

// Dates are typed as people write them here (dd/mm/aaaa, whatever the browser's language); links carry AAAA-MM-DD.
// Anything else (or an impossible date) is undefined: the list says so next to the filter.
export function dayParam(value: string | undefined): string | undefined {
  const text = value?.trim() ?? "";
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : text;
  return isIsoDate(iso) && new Date(`${iso}T12:00:00Z`).toISOString().startsWith(iso) ? iso : undefined;
}
