export { formatArs, formatDateAr, formatTimeAr } from "./format-ar";
export { DEFAULT_PANIC_POLICY, IMMEDIATE_PANIC_CODES, recordSendOutcome } from "./panic-breaker";
export type { PanicDecision, PanicPolicy, SendOutcome } from "./panic-breaker";
export { nextRetryDelay, RETRY_DELAYS_MS } from "./retry-schedule";
export { acquireSlidingWindowSlot, releaseSlidingWindowSlot } from "./sliding-window-limit";
export type { SlotResult } from "./sliding-window-limit";
