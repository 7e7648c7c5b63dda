// Exponential backoff with jitter: 2 s, 4 s, 8 s … up to the cap, each scaled into [50 %, 100 %] so a fleet of
// phones that lost the network together does not come back in lockstep.
export function backoffDelay(failures: number, options: { baseMs: number; maxMs: number; random: () => number }): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential * (0.5 + options.random() / 2));
}
