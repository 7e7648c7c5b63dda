import { createSqliteStorage } from "./sqlite-storage";
import type { AppStorage } from "./types";

export const createDeviceStorage = (): AppStorage => createSqliteStorage();
