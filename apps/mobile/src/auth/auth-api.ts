import type { Tokens } from "./types";

// The OTP login API (apps/web/lib/api/endpoints/auth.ts). `x-session-transport: body` asks for the tokens in the
// body instead of httpOnly cookies: the app keeps them itself.
const BODY_TOKENS = { "content-type": "application/json", accept: "application/json", "x-session-transport": "body" };

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string | null = null) {
    super(message);
  }
}

export type AuthApi = ReturnType<typeof createAuthApi>;

export function createAuthApi(baseUrl: string, fetchImpl: typeof fetch) {
  async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, { method: "POST", headers: { ...BODY_TOKENS, ...headers }, body: JSON.stringify(body) });
    } catch {
      throw new ApiError(0, "Sin conexión. Probá de nuevo cuando tengas señal.", "OFFLINE");
    }
    const data = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!response.ok) throw new ApiError(response.status, data?.error?.message ?? `El servidor respondió ${response.status}.`, data?.error?.code ?? null);
    return data as T;
  }
  return {
    requestCode: (phone: string) => post<{ ok: true; message: string }>("/api/auth/otp/request", { phone }),
    verifyCode: (phone: string, code: string) => post<Tokens>("/api/auth/otp/verify", { phone, code }),
    refresh: (refreshToken: string) => post<Tokens>("/api/auth/refresh", { refreshToken }),
    logout: (refreshToken: string) => post<{ ok: true }>("/api/auth/logout", { refreshToken }),
    registerPushToken: (accessToken: string, token: string) =>
      post<{ devices: number }>("/api/me/push-tokens", { token, action: "register" }, { authorization: `Bearer ${accessToken}` }),
  };
}
