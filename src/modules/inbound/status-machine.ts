import type { MessageStatus } from "@campotech/database";
import type { InboundStatusValue } from "../../integrations/whatsapp/inbound-events";

// Our outbound messages move forward only: QUEUED → SENT → DELIVERED → READ, or FAILED (terminal, and only
// before delivery: a failure reported after a delivered/read tick is kept in history but changes nothing).
// Providers do not guarantee order and skip steps (delivered is not sent when read arrives at the same time).
const RANK: Record<Exclude<MessageStatus, "RECEIVED" | "FAILED">, number> = { QUEUED: 0, SENT: 1, DELIVERED: 2, READ: 3 };
const PROGRESS = ["QUEUED", "SENT", "DELIVERED", "READ"] as const;

export function toMessageStatus(value: InboundStatusValue): MessageStatus {
  return value.toUpperCase() as MessageStatus;
}

// The statuses a message may be in for `next` to replace it.
export function statusesBefore(next: MessageStatus): MessageStatus[] {
  if (next === "FAILED") return ["QUEUED", "SENT"];
  if (next === "RECEIVED") return [];
  return PROGRESS.filter((s) => RANK[s] < RANK[next]);
}

// History rows implied by `next` that the provider may have skipped (sent, delivered before a read).
export function impliedStatuses(next: MessageStatus): MessageStatus[] {
  if (next === "FAILED" || next === "RECEIVED" || next === "QUEUED") return [];
  return PROGRESS.filter((s) => s !== "QUEUED" && RANK[s] < RANK[next]);
}

export function canAdvance(current: MessageStatus, next: MessageStatus): boolean {
  return statusesBefore(next).includes(current);
}
