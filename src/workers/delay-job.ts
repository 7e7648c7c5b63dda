// A handler throws DelayJob when the work must wait (rate limit, throttling, a retry schedule of its own): the
// job goes back to "delayed" until `until` without counting as a failed attempt, and other jobs keep flowing.
// Handlers stay testable without BullMQ: tests catch DelayJob and drive time themselves.
export class DelayJob extends Error {
  override name = "DelayJob";
  constructor(
    readonly until: number,
    readonly reason: string,
  ) {
    super(`delayed until ${new Date(until).toISOString()}: ${reason}`);
  }
}
