// Retryable provider errors are retried after 1 s, 10 s and 60 s; after the third retry the message is
// dead-lettered (listed, inspectable and replayable).
export const RETRY_DELAYS_MS = [1_000, 10_000, 60_000] as const;

// attemptsMade counts sends already tried (1 after the first failure). null means: dead-letter it.
export function nextRetryDelay(attemptsMade: number, retryAfterMs?: number): number | null {
  const delay = RETRY_DELAYS_MS[attemptsMade - 1];
  if (delay === undefined) return null;
  return Math.max(delay, retryAfterMs ?? 0);
}
