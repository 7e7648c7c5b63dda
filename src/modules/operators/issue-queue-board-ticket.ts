import { env } from "../../lib/env";
import type { AccessTokenClaims } from "../auth/access-token";
import { signQueueBoardToken } from "./queue-board-tokens";

export const QUEUE_BOARD_PATH = "/operador/colas";

// The workers' server as the operator's browser reaches it.
export function workersPublicUrl(): string {
  return env.WORKERS_PUBLIC_URL || `http://localhost:${env.WORKERS_HEALTH_PORT}`;
}

// The panel's /operador/colas hands a verified operator over to the queue dashboard on the workers' server: a
// signed ticket valid for 60 s and one use, in the URL of a redirect. Minting has no side effect (the ticket's id
// is only recorded when it is redeemed), so a prefetch or an abandoned redirect costs nothing.
export function issueQueueBoardTicket(claims: AccessTokenClaims): { ticket: string; url: string } {
  const { token } = signQueueBoardToken({ userId: claims.sub, organizationId: claims.org, role: claims.role, sessionVersion: claims.sv }, "queue-board");
  const url = new URL(QUEUE_BOARD_PATH, workersPublicUrl());
  url.searchParams.set("ticket", token);
  return { ticket: token, url: url.toString() };
}
