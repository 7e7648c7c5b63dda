import { createMemoryStorage } from "@campotech/core/sync-engine/index";
import type { PositionInput } from "@campotech/core/contracts/tracking";
import { render } from "@testing-library/react-native";
import * as ReactNative from "react-native";
import { App } from "../../src/app";
import type { Tokens, TokenStore } from "../../src/auth/types";
import type { AppStorage } from "../../src/data/types";
import { createServices, type Services } from "../../src/services";
import type { FakeApi } from "./fake-api";

// React Native requires its components lazily, on first use: with a cold transform cache (--no-cache, a fresh CI
// runner) the first render then spends seconds transforming them inside a test's timeout and its findBy waits. Load
// the ones the app renders now, while the test file is being imported.
for (const name of ["ActivityIndicator", "FlatList", "Image", "KeyboardAvoidingView", "Pressable", "RefreshControl", "ScrollView", "Text", "TextInput", "View"] as const) {
  void ReactNative[name];
}

export function memoryTokenStore(initial: Tokens | null = null): TokenStore & { value: () => Tokens | null } {
  let value = initial;
  return { load: async () => value, save: async (t) => void (value = t), clear: async () => void (value = null), value: () => value };
}

export type MemoryAppStorage = AppStorage & { queued: () => PositionInput[] };

export function memoryAppStorage(): MemoryAppStorage {
  const positions: PositionInput[] = [];
  const settings = new Map<string, string>();
  const base = createMemoryStorage();
  return {
    ...base,
    positions: {
      add: async (p) => void positions.push(...p),
      peek: async (n) => positions.slice(0, n),
      drop: async (n) => void positions.splice(0, n),
    },
    settings: { get: async (key) => settings.get(key) ?? null, set: async (key, value) => void settings.set(key, value) },
    clear: async () => {
      positions.length = 0;
      settings.clear();
    },
    queued: () => positions.slice(),
  };
}

export const signedInTokens = (): Tokens => ({
  accessToken: "access-0", refreshToken: "refresh-0", accessTokenExpiresAt: new Date(Date.now() + 600_000).toISOString(),
  refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(), user: { id: "tech-1", organizationId: "org-1", role: "TECHNICIAN" },
});

// The whole app over the fake HTTP API: real session, real sync engine (memory storage), real screens. Pass the same
// tokenStore and storage to a second renderApp to play the next launch on the same phone.
export function renderApp(api: FakeApi, options: { signedIn?: boolean; tokenStore?: ReturnType<typeof memoryTokenStore>; storage?: () => MemoryAppStorage } = {}) {
  const tokenStore = options.tokenStore ?? memoryTokenStore(options.signedIn ? signedInTokens() : null);
  const made: Services[] = [];
  const makeServices = () => {
    const s = createServices({ baseUrl: "http://api.test", fetch: api.fetch, tokenStore, storage: (options.storage ?? memoryAppStorage)(), autoRetry: false });
    made.push(s);
    return s;
  };
  const utils = render(<App makeServices={makeServices} />);
  return { ...utils, tokenStore, services: () => made[made.length - 1]! };
}
