import { createMemoryStorage } from "@campotech/core/sync-engine/index";
import { render } from "@testing-library/react-native";
import { App } from "../../src/app";
import type { Tokens, TokenStore } from "../../src/auth/types";
import type { AppStorage } from "../../src/data/types";
import { createServices, type Services } from "../../src/services";
import type { FakeApi } from "./fake-api";

export function memoryTokenStore(initial: Tokens | null = null): TokenStore & { value: () => Tokens | null } {
  let value = initial;
  return { load: async () => value, save: async (t) => void (value = t), clear: async () => void (value = null), value: () => value };
}

export function memoryAppStorage(): AppStorage {
  const positions: unknown[] = [];
  const base = createMemoryStorage();
  return {
    ...base,
    positions: {
      add: async (p) => void positions.push(...p),
      peek: async (n) => positions.slice(0, n) as never,
      drop: async (n) => void positions.splice(0, n),
    },
    clear: async () => undefined,
  };
}

// The whole app over the fake HTTP API: real session, real sync engine (memory storage), real screens.
export function renderApp(api: FakeApi, options: { signedIn?: boolean } = {}) {
  const tokenStore = memoryTokenStore(
    options.signedIn
      ? { accessToken: "access-0", refreshToken: "refresh-0", accessTokenExpiresAt: new Date(Date.now() + 600_000).toISOString(), refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(), user: { id: "tech-1", organizationId: "org-1", role: "TECHNICIAN" } }
      : null,
  );
  const made: Services[] = [];
  const makeServices = () => {
    const s = createServices({ baseUrl: "http://api.test", fetch: api.fetch, tokenStore, storage: memoryAppStorage(), autoRetry: false });
    made.push(s);
    return s;
  };
  const utils = render(<App makeServices={makeServices} />);
  return { ...utils, tokenStore, services: () => made[made.length - 1]! };
}
