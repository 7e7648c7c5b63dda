import { NextResponse, type NextRequest } from "next/server";
import { env } from "@campotech/core/lib/env";
import { mapTileOrigin } from "@campotech/core/lib/env/web";
import { reportingOrigins } from "@campotech/core/lib/observability/reporting-origins"; // issue 20 (sentry)

// Map tiles (MAP_TILE_URL) are the one kind of image a page loads from elsewhere.
const tileOrigin = mapTileOrigin(env.MAP_TILE_URL);
// issue 20 (sentry): Sentry's and PostHog's hosts, only when the browser SDKs are configured.
const connectOrigins = ["'self'", ...reportingOrigins(env)].join(" ");

// A Content-Security-Policy with a fresh nonce for every page. Next reads the nonce from the request's CSP header
// and puts it on its own scripts; 'strict-dynamic' lets those load the rest of the app, and nothing else runs — an
// injected <script> or inline handler has no nonce. Styles stay 'unsafe-inline' (React style attributes); images
// and media only from our origin (the inbox shows customer media through our API). The static security headers
// (nosniff, referrer, framing, HSTS) are in next.config.ts for every response, API included.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // Development needs eval for React's debugging tools and fast refresh.
  const dev = env.NODE_ENV === "development";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ""}`,
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src ${connectOrigins}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API responses carry no HTML (files served by the API have their own sandbox policy).
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
