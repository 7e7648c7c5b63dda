import type { Tokens } from "./types";

// Web export fallback: the browser has no secure enclave, so the tokens go to localStorage (the export is a test and
// demo target; phones use expo-secure-store). The access token lasts 15 min and the refresh token rotates on each use.
const KEY = "campotech.session";

export const tokenStore = {
  async load(): Promise<Tokens | null> {
    const raw = globalThis.localStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  },
  async save(tokens: Tokens): Promise<void> {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(tokens));
  },
  async clear(): Promise<void> {
    globalThis.localStorage?.removeItem(KEY);
  },
};
