import { createFetchTransport, createSyncEngine, type SyncEngine } from "@campotech/core/sync-engine/index";
import { createAuthApi, type AuthApi } from "./auth/auth-api";
import { createSession, type Session } from "./auth/create-session";
import type { TokenStore } from "./auth/types";
import type { AppStorage } from "./data/types";

// The app's thin data layer: the auth API and session, the device store and the sync engine over it. Built once at
// start (App) — tests build it with a fake HTTP API and in-memory stores.
export type Services = {
  baseUrl: string;
  fetch: typeof fetch;
  auth: AuthApi;
  session: Session;
  storage: AppStorage;
  engine: SyncEngine;
};

export function createServices(input: { baseUrl: string; fetch?: typeof fetch; tokenStore: TokenStore; storage: AppStorage; autoRetry?: boolean }): Services {
  const fetchImpl = input.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const auth = createAuthApi(input.baseUrl, fetchImpl);
  const session = createSession(auth, input.tokenStore);
  const transport = createFetchTransport({ baseUrl: input.baseUrl, fetch: fetchImpl, getToken: (o) => session.getToken(o) });
  const engine = createSyncEngine({ storage: input.storage, transport, autoRetry: input.autoRetry ?? true });
  return { baseUrl: input.baseUrl, fetch: fetchImpl, auth, session, storage: input.storage, engine };
}
