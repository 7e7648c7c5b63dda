import jwt from "jsonwebtoken";
import type { UserRole } from "@campotech/database";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";

// sv: the user's session version when the token was issued (session-state.ts revokes by bumping it).
export type AccessTokenClaims = { sub: string; org: string; role: UserRole; sv: number };

const ISSUER = "campotech";

// Short-lived (JWT_ACCESS_TTL_SECONDS, 15 min by default) HS256 token carrying user, organization and role.
export function issueAccessToken(
  user: { id: string; organizationId: string; role: UserRole; sessionVersion?: number },
  options: { ttlSeconds?: number; secret?: string } = {},
): { token: string; expiresAt: Date } {
  const ttl = options.ttlSeconds ?? env.JWT_ACCESS_TTL_SECONDS;
  const token = jwt.sign({ org: user.organizationId, role: user.role, sv: user.sessionVersion ?? 0 }, options.secret ?? env.JWT_SECRET, {
    algorithm: "HS256",
    subject: user.id,
    issuer: ISSUER,
    expiresIn: ttl,
  });
  return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
}

export function verifyAccessToken(token: string, options: { secret?: string } = {}): AccessTokenClaims {
  try {
    const payload = jwt.verify(token, options.secret ?? env.JWT_SECRET, { algorithms: ["HS256"], issuer: ISSUER });
    if (typeof payload === "string" || !payload.sub || typeof payload.org !== "string") throw new Error("bad claims");
    const sv = typeof payload.sv === "number" && Number.isInteger(payload.sv) ? payload.sv : 0;
    return { sub: payload.sub, org: payload.org, role: payload.role as UserRole, sv };
  } catch (error) {
    throw new AppError("UNAUTHENTICATED", { cause: error, detail: (error as Error).message });
  }
}
