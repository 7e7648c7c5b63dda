import { refreshSession } from "@campotech/core/modules/auth";
import { safeNext } from "../safe-next";
import { REFRESH_COOKIE, readCookie, sessionCookies } from "./session-cookies";

// The dashboard's silent renewal: the refresh cookie only travels to /api/auth, so pages bounce through here when
// their access token expired or was revoked. Success goes back to `next` (only a path of this site:
// lib/safe-next.ts); anything else goes to the login page.
export async function renewSessionRedirect(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const next = safeNext(url.searchParams.get("next"));
  const token = readCookie(request, REFRESH_COOKIE);
  try {
    if (!token) throw new Error("no refresh cookie");
    const session = await refreshSession(token);
    const response = new Response(null, { status: 303, headers: { location: next } });
    for (const cookie of sessionCookies(session)) response.headers.append("set-cookie", cookie);
    return response;
  } catch {
    return new Response(null, { status: 303, headers: { location: `/ingresar?next=${encodeURIComponent(next)}` } });
  }
}
