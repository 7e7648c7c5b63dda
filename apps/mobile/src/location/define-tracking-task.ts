import * as TaskManager from "expo-task-manager";
import type { LocationObject } from "expo-location";
import { createAuthApi } from "../auth/auth-api";
import { createSession } from "../auth/create-session";
import { tokenStore } from "../auth/token-store";
import { createSqliteStorage } from "../data/sqlite-storage";
import { apiBaseUrl } from "../env";
import { flushPositions, toPositionInput } from "./flush-positions";

export const TRACKING_TASK = "campotech.tracking";

// Runs in the background (the app may be closed): store the points first, then try to send everything queued. The
// task has no UI state, so it opens the same SQLite store and reads the tokens from the secure store itself.
TaskManager.defineTask<{ locations: LocationObject[] }>(TRACKING_TASK, async ({ data, error }) => {
  if (error || !data?.locations?.length) return;
  const storage = createSqliteStorage();
  await storage.positions.add(data.locations.map((l) => toPositionInput(l.coords, l.timestamp)));
  const baseUrl = apiBaseUrl();
  const session = createSession(createAuthApi(baseUrl, fetch), tokenStore);
  await session.restore();
  await flushPositions({ positions: storage.positions, baseUrl, fetch, getToken: () => session.getToken() });
});
