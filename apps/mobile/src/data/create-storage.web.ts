import type { AppStorage } from "./types";
import { createWebStorage } from "./web-storage";

export const createDeviceStorage = (): AppStorage => createWebStorage();
