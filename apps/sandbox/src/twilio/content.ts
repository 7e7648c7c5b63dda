import { BUILT_IN_TEMPLATE_NAMES } from "../templates/store.ts";

// Built-in Content API templates: "HX" + 32 hex like Twilio's, one per built-in WhatsApp template, so the platform can
// send the same notifications through Twilio. The last two hex digits are the template's position (01…09).
function contentSid(n: number): string {
  return `HXca11${"0".repeat(26)}${n.toString(16).padStart(2, "0")}`;
}

export const CONTENT_SIDS: Record<string, string> = Object.fromEntries(
  BUILT_IN_TEMPLATE_NAMES.map((name, i) => [contentSid(i + 1), name]),
);

export function templateNameForContentSid(sid: string): string | undefined {
  return CONTENT_SIDS[sid];
}
