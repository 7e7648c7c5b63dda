import { refreshSession } from "@campotech/core/modules/auth";
import { REFRESH_COOKIE, readCookie, sessionCookies } from "@/lib/api/session-cookies";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The dashboard's silent renewal: the refresh cookie only travels to /api/auth, so pages bounce through here when
// their access token expired. Success goes back to `next`; anything else goes to the login page.
export async function GET(request: Request): Promise<Response> {
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

// Only paths of this site: an open redirect would let a link send a signed-in user anywhere.
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/panel";
}
