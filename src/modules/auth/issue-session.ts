import { randomBytes, randomUUID } from "node:crypto";
import type { TenantTx, UserRole } from "@campotech/database";
import { issueAccessToken } from "./access-token";
import { REFRESH_TTL_MS } from "./auth-limits";
import { hashRefreshToken } from "./auth-secrets";

export type Session = {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: { id: string; organizationId: string; role: UserRole };
};

// The refresh token is "<organizationId>.<256 random bits>": the prefix says which tenant context to look it up
// in (a forged prefix finds nothing under RLS); only the hash of the whole token is stored.
export async function issueSession(
  tx: TenantTx,
  user: { id: string; organizationId: string; role: UserRole },
  options: { familyId?: string; now: number },
): Promise<Session> {
  const refreshToken = `${user.organizationId}.${randomBytes(32).toString("base64url")}`;
  const refreshTokenExpiresAt = new Date(options.now + REFRESH_TTL_MS);
  await tx.refreshToken.create({
    data: {
      organizationId: user.organizationId,
      userId: user.id,
      familyId: options.familyId ?? randomUUID(),
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt: refreshTokenExpiresAt,
      createdAt: new Date(options.now),
    },
  });
  // The token carries the user's current session version (session-state.ts).
  const { sessionVersion } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  const access = issueAccessToken({ ...user, sessionVersion });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, user };
}

export function organizationOfRefreshToken(token: string): string | null {
  const [org, secret, extra] = token.split(".");
  return org && secret && extra === undefined ? org : null;
}
