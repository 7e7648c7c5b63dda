// Content SIDs of the sandbox's built-in es_AR templates (apps/sandbox/src/twilio/content.ts: "HXca11" + zeros +
// the template's position), so the demo organization works with no per-account map. Real accounts put their own
// HX… SIDs in the credentials JSON (`contentSids`), keyed "name" or "name.language".
const sid = (n: number): string => `HXca11${"0".repeat(26)}${n.toString(16).padStart(2, "0")}`;

export const DEFAULT_TWILIO_CONTENT_SIDS: Record<string, string> = {
  job_scheduled: sid(1),
  invoice_ready: sid(2),
  payment_confirmed: sid(3),
  payment_reminder: sid(4),
  welcome: sid(5),
  otp_code: sid(6),
  technician_on_the_way: sid(7),
  job_completed: sid(8),
  job_reminder: sid(9),
  staff_alert: sid(10),
};
