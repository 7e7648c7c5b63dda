import { tokenStore } from "./auth/token-store";
import { createDeviceStorage } from "./data/create-storage";
import { apiBaseUrl } from "./env";
import { createServices, type Services } from "./services";

// Real devices (and the web export): secure store / localStorage tokens, SQLite / localStorage data.
export const createDeviceServices = (): Services => createServices({ baseUrl: apiBaseUrl(), tokenStore, storage: createDeviceStorage() });
