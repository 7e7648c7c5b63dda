import { NextResponse } from "next/server";
import { withTenant, withTenantSql } from "@campotech/core/lib/db";
import { AppError } from "@campotech/core/lib/errors";
import { assertSessionCurrent, can, verifyAccessToken, type AccessTokenClaims } from "@campotech/core/modules/auth";
import { touchLastActive } from "@campotech/core/modules/users";
import { errorResponse, requestIdOf } from "../route";
import type { Endpoint } from "./define-endpoint";
import { assertJsonBody, assertSameOrigin } from "./same-origin";
import { ACCESS_COOKIE, readCookie, REFRESH_COOKIE } from "./session-cookies";

type RouteContext = { params: Promise<Record<string, string>> };

const bearerOf = (request: Request) => {
  const header = request.headers.get("authorization");
  return header?.startsWith("Bearer ") ? header.slice(7) : null;
};

// Signature and expiry, then the user's current session state: a logged-out, deactivated or re-roled user's token
// stops working at once, not when it expires.
async function authenticate(request: Request): Promise<AccessTokenClaims> {
  const token = bearerOf(request) ?? readCookie(request, ACCESS_COOKIE);
  if (!token) throw new AppError("UNAUTHENTICATED");
  const claims = verifyAccessToken(token);
  await assertSessionCurrent(claims);
  // "Última actividad" on the team page (issue 19): throttled inside, never awaited, never fails the request.
  void touchLastActive(claims);
  return claims;
}

// The signed-in person behind a browser navigation (an OAuth callback), or null: such routes answer with a redirect,
// never a 401.
export async function sessionClaims(request: Request): Promise<AccessTokenClaims | null> {
  return authenticate(request).catch(() => null);
}

// A write that our cookies could authenticate (no Bearer token of its own) must come from our own pages.
function assertNotCrossSite(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD" || bearerOf(request)) return;
  if (readCookie(request, ACCESS_COOKIE) === undefined && readCookie(request, REFRESH_COOKIE) === undefined) return;
  assertSameOrigin(request);
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } } | undefined, value: unknown): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = Object.fromEntries(result.error.issues.map((i) => [i.path.map(String).join(".") || "body", i.message]));
  throw new AppError("VALIDATION_FAILED", { fields });
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  assertJsonBody(request, text);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION_FAILED", { message: "El cuerpo no es JSON válido." });
  }
}

// Endpoint description → Next route handler: cross-site check → authenticate (Bearer or cookie) → permission →
// validate → run in the organization's RLS context → JSON. Errors become AppError JSON with a Spanish message.
export function toRouteHandler(endpoint: Endpoint) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const requestId = requestIdOf(request);
    let organizationId: string | undefined; // issue 20 (sentry): whose request a 500 report belongs to
    try {
      assertNotCrossSite(request);
      const claims = endpoint.permission ? await authenticate(request) : (undefined as unknown as AccessTokenClaims);
      organizationId = claims?.org;
      if (endpoint.permission && endpoint.permission !== "authenticated" && !can(claims.role, endpoint.permission)) {
        throw new AppError("FORBIDDEN");
      }
      const url = new URL(request.url);
      const rawBody = endpoint.body ? await readJson(request) : undefined;
      const result = await endpoint.handler({
        request,
        requestId,
        params: parse(endpoint.params, await context.params),
        query: parse(endpoint.query, Object.fromEntries(url.searchParams)),
        body: parse(endpoint.body, rawBody),
        claims,
        tenant: (fn) => withTenant(claims.org, fn),
        tenantSql: (fn) => withTenantSql(claims.org, fn),
      });
      if (result instanceof Response) return result;
      return NextResponse.json(result, { status: endpoint.status ?? 200, headers: { "x-request-id": requestId } });
    } catch (error) {
      return errorResponse(error, requestId, organizationId);
    }
  };
}
