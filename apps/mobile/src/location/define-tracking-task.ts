import * as TaskManager from "expo-task-manager";
import type { LocationObject } from "expo-location";
import { createAuthApi } from "../auth/auth-api";
import { createSession } from "../auth/create-session";
import { tokenStore } from "../auth/token-store";
import { createSqliteStorage } from "../data/sqlite-storage";
import { apiBaseUrl } from "../env";
import { recordPositions } from "./record-positions";
import { TRACKING_TASK } from "./tracking-task-name";

// Runs in the background (the app may be closed). The task has no UI state, so it opens the same SQLite store and
// reads the tokens from the secure store itself.
TaskManager.defineTask<{ locations: LocationObject[] }>(TRACKING_TASK, async ({ data, error }) => {
  if (error || !data?.locations?.length) return;
  const storage = createSqliteStorage();
  const baseUrl = apiBaseUrl();
  const session = createSession(createAuthApi(baseUrl, fetch), tokenStore);
  await session.restore();
  const report = await recordPositions({ positions: storage.positions, baseUrl, fetch, getToken: () => session.getToken() }, data.locations);
  if (report.refused) console.warn(`CampoTech: el servidor rechazó ${report.refused} posiciones; se descartaron.`);
});
