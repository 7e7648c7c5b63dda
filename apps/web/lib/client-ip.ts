import { isIP } from "node:net";
import { env } from "@campotech/core/lib/env";

// The client's address, for per-IP login limits and audit rows. Anything a client sends in a header is its word:
// X-Forwarded-For counts only from the number of reverse proxies of ours that TRUST_PROXY declares, Vercel's
// headers only on Vercel, and otherwise the TCP peer decides. Route handlers cannot see the socket, so our server
// (apps/web/server.ts) passes the peer in a header stamped with a per-process token that clients cannot know: a
// request that carries the header without the token (someone forging it, or the app started without our server)
// gets no peer address.
export const PEER_HEADER = "x-campotech-peer";
const TOKEN_KEY = Symbol.for("campotech.peer-header-token");
const UNKNOWN = "unknown";

type TokenHolder = { [TOKEN_KEY]?: string };

// Called once by apps/web/server.ts (and by tests that play its part).
export function setPeerHeaderToken(token: string): void {
  (globalThis as TokenHolder)[TOKEN_KEY] = token;
}

export function peerHeaderValue(token: string, address: string): string {
  return `${token} ${address}`;
}

function normalized(value: string | null | undefined): string | null {
  if (!value) return null;
  let ip = value.trim();
  if (ip.length > 45) return null;
  if (ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4) ip = ip.slice(7);
  return isIP(ip) ? ip : null;
}

function peerOf(request: Request): string | null {
  const token = (globalThis as TokenHolder)[TOKEN_KEY];
  const header = request.headers.get(PEER_HEADER);
  if (!token || !header) return null;
  const [given, address] = header.split(" ");
  return given === token ? normalized(address) : null;
}

export function clientIpOf(request: Request, trust: typeof env.TRUST_PROXY = effectiveTrust()): string {
  const headers = request.headers;
  if (trust === "vercel") {
    return normalized(headers.get("x-vercel-forwarded-for")?.split(",")[0]) ?? normalized(headers.get("x-real-ip")) ?? UNKNOWN;
  }
  const peer = peerOf(request);
  if (trust === "none") return peer ?? UNKNOWN;
  // Each trusted proxy appends the address it saw; with N of them the client is the N-th entry from the end.
  // Entries further left were written by the client and are ignored.
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  if (hops.length < trust) return peer ?? UNKNOWN;
  return normalized(hops[hops.length - trust]) ?? peer ?? UNKNOWN;
}

function effectiveTrust(): typeof env.TRUST_PROXY {
  return env.TRUST_PROXY === "none" && env.VERCEL === "1" ? "vercel" : env.TRUST_PROXY;
}
