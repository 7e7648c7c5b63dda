export { DEFAULT_QUIET_HOURS, quietHoursDecision } from "./quiet-hours-decision";
export type { QuietHours, QuietHoursDecision, Urgency } from "./quiet-hours-decision";
