import type { OrganizationEvent } from "../events/organization-event";

// Work that must happen only after a transaction commits: events to publish and jobs to enqueue. Modules
// describe it; the worker job that called them publishes and enqueues (modules never import src/workers).
export type FollowUpJob = { name: FollowUpJobName; payload: Record<string, unknown>; jobId: string; delayMs?: number };
export type CommittedWork = { events: OrganizationEvent[]; jobs: FollowUpJob[] };

export const FOLLOW_UP_JOBS = {
  downloadMedia: "media.download-message-media",
  closeTurn: "conversation.close-turn",
  // The assistant's answer to a closed turn (src/modules/assistant).
  answerTurn: "assistant.answer-turn",
  // The outbound engine's delivery job (src/modules/messaging): confirmations go through it like everything else.
  sendMessage: "messaging.deliver-message",
  // Async failures of our messages (failed status webhooks): SMS fallback or the fallback template.
  outboundFailed: "messaging.handle-failed-status",
} as const;

export type FollowUpJobName = (typeof FOLLOW_UP_JOBS)[keyof typeof FOLLOW_UP_JOBS];

export function emptyWork(): CommittedWork {
  return { events: [], jobs: [] };
}

// BullMQ job ids are ours to choose but must not contain ":"; provider ids (wamid.…, ME…) are otherwise safe.
export function safeJobId(...parts: string[]): string {
  return parts.join("-").replace(/[^A-Za-z0-9._=-]/g, "_");
}
