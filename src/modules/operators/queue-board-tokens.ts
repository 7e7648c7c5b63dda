import { randomUUID } from "node:crypto";
import jwt from "jsonwebtoken";
import type { UserRole } from "@campotech/database";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";

// Who is looking at the queue dashboard: the panel session's identity (user, organization, role, session version),
// so the board can re-check both the operator flag and the session on every request.
export type QueueBoardOperator = { userId: string; organizationId: string; role: UserRole; sessionVersion: number };

// A ticket carries the operator from the panel to the workers' server (60 s, once); a session is the board's own
// cookie. Their own issuer keeps either from passing as a panel access token (verifyAccessToken wants "campotech"),
// and the audience keeps a ticket from passing as a session and the other way round.
const ISSUER = "campotech/queue-board";
export const QUEUE_BOARD_TICKET_SECONDS = 60;
export const QUEUE_BOARD_SESSION_SECONDS = 30 * 60;
type Purpose = "queue-board" | "queue-board-session";

// Options other than the purpose exist for tests (a forged or expired token).
export function signQueueBoardToken(
  operator: QueueBoardOperator,
  purpose: Purpose,
  options: { secret?: string; ttlSeconds?: number } = {},
): { token: string; jti: string } {
  const jti = randomUUID();
  const ttl = options.ttlSeconds ?? (purpose === "queue-board" ? QUEUE_BOARD_TICKET_SECONDS : QUEUE_BOARD_SESSION_SECONDS);
  const token = jwt.sign({ org: operator.organizationId, role: operator.role, sv: operator.sessionVersion }, options.secret ?? env.JWT_SECRET, {
    algorithm: "HS256",
    subject: operator.userId,
    issuer: ISSUER,
    audience: purpose,
    expiresIn: ttl,
    jwtid: jti,
  });
  return { token, jti };
}

export function verifyQueueBoardToken(token: string, purpose: Purpose): QueueBoardOperator & { jti: string; expiresAt: number } {
  try {
    const payload = jwt.verify(token, env.JWT_SECRET, { algorithms: ["HS256"], issuer: ISSUER, audience: purpose });
    if (typeof payload === "string" || !payload.sub || !payload.jti || typeof payload.org !== "string" || typeof payload.sv !== "number" || !payload.exp) {
      throw new Error("bad claims");
    }
    return { userId: payload.sub, organizationId: payload.org, role: payload.role as UserRole, sessionVersion: payload.sv, jti: payload.jti, expiresAt: payload.exp };
  } catch (error) {
    throw new AppError("UNAUTHENTICATED", { message: "Entrá desde /operador en el panel.", cause: error, detail: (error as Error).message });
  }
}
