import type { Redis } from "ioredis";
import { trackingKeys } from "./tracking-keys";

// The cursor outlives the last-seen key: a phone that was offline for an hour must not replay what was stored.
const CURSOR_TTL_SECONDS = 2 * 86_400;

// Atomically: read the newest accepted time, move it forward to this batch's newest. Returns the previous value; the
// caller keeps only points after it, so two racing batches never both accept the same point.
const ADVANCE_CURSOR = `
local previous = tonumber(redis.call('GET', KEYS[1]) or '-1')
local newest = tonumber(ARGV[2])
if newest > previous then redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[1]) end
return tostring(previous)`;

export async function claimNewPoints<T extends { at: number }>(redis: Redis, organizationId: string, technicianId: string, sortedUnique: readonly T[]): Promise<T[]> {
  if (!sortedUnique.length) return [];
  const newest = sortedUnique[sortedUnique.length - 1]!.at;
  const previous = Number(await redis.eval(ADVANCE_CURSOR, 1, trackingKeys.cursor(organizationId, technicianId), String(CURSOR_TTL_SECONDS), String(newest)));
  return sortedUnique.filter((point) => point.at > previous);
}
