import { env } from "@campotech/core/lib/env";
import { AppError } from "@campotech/core/lib/errors";

// Cross-site request forgery: a page on another site can make the browser send our cookies with a form post.
// SameSite=Lax stops that from other sites, but not from a sibling subdomain (same site, other origin), and an
// old browser may ignore it. So a write that authenticates with our cookies must prove it comes from our own
// pages: Sec-Fetch-Site says same-origin (every current browser sends it), or else the Origin is ours. A write
// with neither header is refused — browsers always send at least one of them on a POST.
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site) {
    if (site === "same-origin") return;
    throw new AppError("CROSS_SITE_REQUEST", { detail: `sec-fetch-site ${site}` });
  }
  const origin = request.headers.get("origin");
  if (origin && allowedOrigins(request).has(origin)) return;
  throw new AppError("CROSS_SITE_REQUEST", { detail: `origin ${origin ?? "missing"}` });
}

// The configured public address, and the address the request was made to (a local run reached at 127.0.0.1
// while PUBLIC_BASE_URL says localhost). An attacker's page cannot choose the Host its victim's browser sends.
function allowedOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(env.PUBLIC_BASE_URL).origin]);
  const host = request.headers.get("host");
  if (host) origins.add(`${new URL(request.url).protocol}//${host}`);
  return origins;
}

// A JSON body must say it is JSON: a form or a text/plain body (what a cross-site form can send without a
// preflight) is refused instead of being parsed as JSON.
export function assertJsonBody(request: Request, text: string): void {
  if (!text.trim()) return;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json" && !type?.endsWith("+json")) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
}
