import type { Reply, RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { invalidToken, missingToken } from "./errors.ts";
import { mpNow } from "./mp-time.ts";
import type { Seller } from "./sellers.ts";

export type Authenticated = { ok: true; seller: Seller } | { ok: false; reply: Reply };

/** Every API call carries a seller's OAuth access token (Bearer); it only reaches that seller's objects. */
export function authenticateSeller(state: SandboxState, ctx: RequestContext): Authenticated {
  const header = ctx.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { ok: false, reply: missingToken() };
  const token = state.mercadopago.accessTokens.get(match[1] as string);
  if (!token || token.revoked || token.expiresAt <= mpNow(state)) return { ok: false, reply: invalidToken() };
  const seller = state.mercadopago.sellers.get(token.sellerId);
  if (!seller) return { ok: false, reply: invalidToken() };
  return { ok: true, seller };
}
