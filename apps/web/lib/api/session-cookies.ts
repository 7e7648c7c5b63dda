import { env } from "@campotech/core/lib/env";

// The web dashboard keeps its tokens in httpOnly cookies (never readable by page scripts); the mobile app sends
// the access token as `Authorization: Bearer`. The refresh cookie is only sent to the auth routes.
export const ACCESS_COOKIE = "ct_access";
export const REFRESH_COOKIE = "ct_refresh";

type Cookie = { name: string; value: string; maxAge: number; path: string };

function serialize({ name, value, maxAge, path }: Cookie): string {
  const secure = env.NODE_ENV === "production" ? "; Secure" : "";
  return `${name}=${encodeURIComponent(value)}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

export function sessionCookies(session: { accessToken: string; refreshToken: string; accessTokenExpiresAt: Date; refreshTokenExpiresAt: Date }): string[] {
  const seconds = (at: Date) => Math.max(0, Math.floor((at.getTime() - Date.now()) / 1000));
  return [
    serialize({ name: ACCESS_COOKIE, value: session.accessToken, maxAge: seconds(session.accessTokenExpiresAt), path: "/" }),
    serialize({ name: REFRESH_COOKIE, value: session.refreshToken, maxAge: seconds(session.refreshTokenExpiresAt), path: "/api/auth" }),
  ];
}

export function clearedSessionCookies(): string[] {
  return [
    serialize({ name: ACCESS_COOKIE, value: "", maxAge: 0, path: "/" }),
    serialize({ name: REFRESH_COOKIE, value: "", maxAge: 0, path: "/api/auth" }),
  ];
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}
