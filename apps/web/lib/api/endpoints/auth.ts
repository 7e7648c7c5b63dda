import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@campotech/core/lib/errors";
import { getMe, logout, logoutAccessToken, refreshSession, requestOtp, verifyAccessToken, verifyOtp, type Session } from "@campotech/core/modules/auth";
import { clientIpOf } from "../../client-ip";
import { defineEndpoint } from "../define-endpoint";
import { ACCESS_COOKIE, clearedSessionCookies, readCookie, REFRESH_COOKIE, sessionCookies } from "../session-cookies";

// The phone app asks for its tokens in the body with this header (it keeps them in the device's secure store).
// Everyone else — the dashboard in a browser — gets them only as httpOnly cookies: a token a page script can read
// is a token an injected script can steal.
export const SESSION_TRANSPORT_HEADER = "x-session-transport";

export const sessionSchema = z.object({
  accessToken: z.string().optional().describe(`Solo con ${SESSION_TRANSPORT_HEADER}: body (app)`),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string().optional().describe(`Solo con ${SESSION_TRANSPORT_HEADER}: body (app)`),
  refreshTokenExpiresAt: z.string(),
  user: z.object({ id: z.string(), organizationId: z.string(), role: z.string() }),
});

export function wantsBodyTokens(request: Request): boolean {
  return request.headers.get(SESSION_TRANSPORT_HEADER)?.toLowerCase() === "body";
}

// Also used by the invitation acceptance (endpoints/users.ts), which opens a session the same way.
export function sessionResponse(session: Session, bodyTokens: boolean, extra: Record<string, unknown> = {}): Response {
  const response = NextResponse.json({
    ...extra,
    ...(bodyTokens ? { accessToken: session.accessToken, refreshToken: session.refreshToken } : {}),
    accessTokenExpiresAt: session.accessTokenExpiresAt.toISOString(),
    refreshTokenExpiresAt: session.refreshTokenExpiresAt.toISOString(),
    user: session.user,
  });
  if (!bodyTokens) for (const cookie of sessionCookies(session)) response.headers.append("set-cookie", cookie);
  return response;
}

export const otpRequestEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/auth/otp/request",
  summary: "Envía un código de 6 dígitos por WhatsApp (o SMS). La respuesta no revela si el teléfono está registrado.",
  tag: "auth",
  permission: null,
  body: z.object({ phone: z.string().min(6).max(30) }),
  response: z.object({ ok: z.literal(true), message: z.string() }),
  status: 202,
  async handler({ body, request }) {
    await requestOtp({ phone: body.phone, ip: clientIpOf(request) });
    return { ok: true as const, message: "Si el número está registrado, te enviamos un código por WhatsApp." };
  },
});

export const otpVerifyEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/auth/otp/verify",
  summary: `Verifica el código y abre la sesión (token de acceso de 15 min y de renovación de 7 días): cookies httpOnly, o los tokens en el cuerpo con ${SESSION_TRANSPORT_HEADER}: body (app)`,
  tag: "auth",
  permission: null,
  body: z.object({ phone: z.string().min(6).max(30), code: z.string().regex(/^\d{6}$/, "El código tiene 6 dígitos."), organizationId: z.string().optional() }),
  response: sessionSchema,
  async handler({ body, request }) {
    return sessionResponse(await verifyOtp({ ...body, ip: clientIpOf(request) }), wantsBodyTokens(request));
  },
});

export const refreshEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/auth/refresh",
  summary: "Renueva la sesión; el token de renovación se rota en cada uso",
  tag: "auth",
  permission: null,
  body: z.object({ refreshToken: z.string().optional() }).optional(),
  response: sessionSchema,
  async handler({ body, request }) {
    const token = body?.refreshToken ?? readCookie(request, REFRESH_COOKIE);
    if (!token) throw new AppError("UNAUTHENTICATED");
    // A client that holds its refresh token itself keeps holding it; a cookie client stays on cookies.
    return sessionResponse(await refreshSession(token), !!body?.refreshToken || wantsBodyTokens(request));
  },
});

export const logoutEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/auth/logout",
  summary: "Cierra la sesión: revoca la familia de tokens de renovación y corta en el momento los tokens de acceso de la persona",
  tag: "auth",
  permission: null,
  body: z.object({ refreshToken: z.string().optional() }).optional(),
  response: z.object({ ok: z.literal(true) }),
  async handler({ body, request }) {
    const token = body?.refreshToken ?? readCookie(request, REFRESH_COOKIE);
    if (token) await logout(token);
    else await logoutByAccessToken(request);
    const response = NextResponse.json({ ok: true });
    for (const cookie of clearedSessionCookies()) response.headers.append("set-cookie", cookie);
    return response;
  },
});

// Without a refresh token, the access token (Bearer or cookie) still identifies whose session ends. An invalid or
// expired one ends nothing: logging out is never an error.
async function logoutByAccessToken(request: Request): Promise<void> {
  const header = request.headers.get("authorization");
  const token = header?.startsWith("Bearer ") ? header.slice(7) : readCookie(request, ACCESS_COOKIE);
  if (!token) return;
  let claims: ReturnType<typeof verifyAccessToken>;
  try {
    claims = verifyAccessToken(token);
  } catch {
    return;
  }
  await logoutAccessToken(claims);
}

export const meEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/auth/me",
  summary: "El usuario de la sesión",
  tag: "auth",
  permission: "authenticated",
  response: z.object({
    id: z.string(), name: z.string(), phone: z.string(), email: z.string().nullable(), role: z.string(),
    organization: z.object({ id: z.string(), name: z.string(), tier: z.string() }),
  }),
  handler: ({ claims }) => getMe(claims),
});
