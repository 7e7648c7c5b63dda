import { ApiError, type AuthApi } from "./auth-api";
import type { TokenStore, Tokens } from "./types";

// Renew a little before the 15-minute access token runs out, so a request rarely meets a 401.
const EARLY_MS = 60_000;

export type Session = ReturnType<typeof createSession>;

// The signed-in state: the tokens, their storage and rotation. A refresh token works once (reuse revokes the whole
// family), so every caller shares one refresh in flight.
export function createSession(api: AuthApi, store: TokenStore, now: () => number = Date.now) {
  let tokens: Tokens | null = null;
  let refreshing: Promise<string | null> | null = null;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());

  async function set(next: Tokens | null): Promise<void> {
    tokens = next;
    if (next) await store.save(next);
    else await store.clear();
    emit();
  }

  function refresh(): Promise<string | null> {
    refreshing ??= (async () => {
      const current = tokens;
      if (!current) return null;
      try {
        const next = await api.refresh(current.refreshToken);
        await set(next);
        return next.accessToken;
      } catch (error) {
        // Refused: the session is over, log in again. Offline: keep the session and hand out the old token — the
        // request fails as "no network" and the outbox waits, instead of sending the technician to the login.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          await set(null);
          return null;
        }
        return current.accessToken;
      }
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  return {
    async restore(): Promise<Tokens | null> {
      tokens = await store.load();
      if (tokens && Date.parse(tokens.refreshTokenExpiresAt) <= now()) await set(null);
      emit();
      return tokens;
    },
    current: () => tokens,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async login(phone: string, code: string): Promise<Tokens> {
      const next = await api.verifyCode(phone, code);
      await set(next);
      return next;
    },
    async getToken(options?: { refresh?: boolean }): Promise<string | null> {
      if (!tokens) return null;
      if (options?.refresh || Date.parse(tokens.accessTokenExpiresAt) - EARLY_MS <= now()) return refresh();
      return tokens.accessToken;
    },
    async logout(): Promise<void> {
      const current = tokens;
      await set(null);
      if (current) await api.logout(current.refreshToken).catch(() => undefined);
    },
  };
}
