import * as SecureStore from "expo-secure-store";
import type { Tokens } from "./types";

// Native: the tokens live in the Keychain / Android Keystore (expo-secure-store), never in plain storage.
const KEY = "campotech.session";

export const tokenStore = {
  async load(): Promise<Tokens | null> {
    const raw = await SecureStore.getItemAsync(KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  },
  save: (tokens: Tokens) => SecureStore.setItemAsync(KEY, JSON.stringify(tokens)),
  clear: () => SecureStore.deleteItemAsync(KEY),
};
