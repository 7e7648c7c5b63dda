import type { Redis } from "ioredis";
import type { TenantTx, UserRole } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { logger } from "../../lib/logger";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import type { AccessTokenClaims } from "./access-token";

// Access tokens are stateless for 15 minutes; this makes revocation immediate anyway. Each user has a session
// version (bumped on logout, refresh-token reuse, role change and deactivation) and every authenticated request
// compares the token's version, role and the user's active flag with the current ones. The current state is cached
// in Redis (one GET per request); Postgres answers when the cache is cold or Redis is down.
type SessionState = { version: number; active: boolean; role: UserRole };

// Short, so that even a change whose cache write was lost (Redis unreachable at that moment) applies within a minute.
const CACHE_TTL_SECONDS = 60;
const keyOf = (userId: string) => `auth:session:${userId}`;
const encode = (s: SessionState) => `${s.version}:${s.active ? 1 : 0}:${s.role}`;

function decode(raw: string | null): SessionState | null {
  const [version, active, role] = raw?.split(":") ?? [];
  if (version === undefined || active === undefined || !role) return null;
  return { version: Number(version), active: active === "1", role: role as UserRole };
}

async function readyRedis(redis: Redis | undefined): Promise<Redis | null> {
  const client = redis ?? sharedRedis();
  try {
    await whenRedisReady(client, 500);
    return client;
  } catch {
    return null;
  }
}

async function loadState(claims: AccessTokenClaims): Promise<SessionState | null> {
  const user = await withTenant(claims.org, (tx) =>
    tx.user.findUnique({ where: { id: claims.sub }, select: { sessionVersion: true, isActive: true, role: true } }),
  );
  return user ? { version: user.sessionVersion, active: user.isActive, role: user.role } : null;
}

// Throws UNAUTHENTICATED when the token was revoked (its version is behind), the user was deactivated or removed,
// or the user's role changed since the token was issued (the client renews and gets the new role).
export async function assertSessionCurrent(claims: AccessTokenClaims, deps: { redis?: Redis } = {}): Promise<void> {
  const redis = await readyRedis(deps.redis);
  let state: SessionState | null = null;
  if (redis) state = decode(await redis.get(keyOf(claims.sub)).catch(() => null));
  if (!state) {
    state = await loadState(claims);
    // NX: a reader must never overwrite what a writer stored after a change (see cacheSessionState).
    if (state && redis) await redis.set(keyOf(claims.sub), encode(state), "EX", CACHE_TTL_SECONDS, "NX").catch(() => null);
  }
  if (!state || !state.active || state.version !== claims.sv || state.role !== claims.role) {
    throw new AppError("UNAUTHENTICATED", { message: "Tu sesión terminó. Iniciá sesión de nuevo.", detail: "session revoked" });
  }
}

// Inside the transaction that changes the user: every outstanding access token of theirs stops working.
export async function bumpSessionVersion(tx: TenantTx, userId: string): Promise<SessionState> {
  const user = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true, isActive: true, role: true },
  });
  return { version: user.sessionVersion, active: user.isActive, role: user.role };
}

// After the change committed: overwrite the cached state, so every process sees it on its next request. If Redis is
// unreachable the key is deleted on a best-effort basis; a stale entry would expire within CACHE_TTL_SECONDS.
export async function cacheSessionState(userId: string, state: SessionState, deps: { redis?: Redis } = {}): Promise<void> {
  const redis = await readyRedis(deps.redis);
  if (!redis) {
    logger.warn({ userId }, "session state not cached: Redis unavailable");
    return;
  }
  await redis.set(keyOf(userId), encode(state), "EX", CACHE_TTL_SECONDS);
}

export type { SessionState };
