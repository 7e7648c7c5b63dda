import { act, fireEvent, screen, waitFor } from "@testing-library/react-native";
import * as Location from "expo-location";
import type { LocationObject } from "expo-location";
import { recordPositions } from "../src/location/record-positions";
import { TRACKING_INTERVAL_MS } from "../src/location/tracking";
import { createFakeApi, makeJob } from "./helpers/fake-api";
import { memoryAppStorage, memoryTokenStore, renderApp, signedInTokens } from "./helpers/render-app";

// The real tracking module over a fake of the native location module (the OS side: which task is running).
jest.unmock("../src/location/tracking");
jest.mock("expo-location", () => {
  const running = new Set<string>();
  return {
    Accuracy: { Balanced: 3 },
    running,
    hasStartedLocationUpdatesAsync: jest.fn(async (task: string) => running.has(task)),
    requestForegroundPermissionsAsync: jest.fn(async () => ({ granted: true, status: "granted" })),
    requestBackgroundPermissionsAsync: jest.fn(async () => ({ granted: true, status: "granted" })),
    startLocationUpdatesAsync: jest.fn(async (task: string) => void running.add(task)),
    stopLocationUpdatesAsync: jest.fn(async (task: string) => void running.delete(task)),
  };
});

const native = Location as unknown as typeof Location & { running: Set<string> };
const start = jest.mocked(Location.startLocationUpdatesAsync);
const stop = jest.mocked(Location.stopLocationUpdatesAsync);

beforeEach(() => {
  native.running.clear();
  jest.clearAllMocks();
});

// What the OS hands the background task: one fix per 30 s from `from` on.
function fixes(count: number, from = Date.parse("2030-01-01T12:00:00Z")): LocationObject[] {
  return Array.from({ length: count }, (_, i) => ({
    timestamp: from + i * TRACKING_INTERVAL_MS,
    coords: { latitude: -34.6 - i / 10_000, longitude: -58.4, accuracy: 12, altitude: null, altitudeAccuracy: null, heading: null, speed: 8 },
  }));
}

function taskDeps(api: ReturnType<typeof createFakeApi>, storage = memoryAppStorage()) {
  return { storage, deps: { positions: storage.positions, baseUrl: "http://api.test", fetch: api.fetch, getToken: async () => "access-0" } };
}

test("background positions start when a job goes en camino, keep running while working, and stop when it is completed", async () => {
  const api = createFakeApi();
  renderApp(api, { signedIn: true });
  fireEvent.press(await screen.findByText("Martina Gómez"));
  fireEvent.press(await screen.findByText("Salgo para allá"));

  await waitFor(() => expect(start).toHaveBeenCalledTimes(1));
  expect(start).toHaveBeenCalledWith("campotech.tracking", expect.objectContaining({ timeInterval: 30_000, accuracy: Location.Accuracy.Balanced }));
  expect(Location.requestForegroundPermissionsAsync).toHaveBeenCalled();
  expect(Location.requestBackgroundPermissionsAsync).toHaveBeenCalled();
  await waitFor(() => expect(api.jobs.get("job-1")!.status).toBe("en_camino"));

  fireEvent.press(await screen.findByText("Llegué, empiezo"));
  await waitFor(() => expect(api.jobs.get("job-1")!.status).toBe("working"));
  expect(start).toHaveBeenCalledTimes(1);
  expect(stop).not.toHaveBeenCalled();

  fireEvent.press(await screen.findByText("Terminé el trabajo"));
  await waitFor(() => expect(stop).toHaveBeenCalledWith("campotech.tracking"));
  expect(native.running.size).toBe(0);
  await waitFor(() => expect(api.jobs.get("job-1")!.status).toBe("completed"));
});

test("a launch with a trip under way does not stop it while the local store loads, and no trip means no tracking", async () => {
  native.running.add("campotech.tracking");
  const api = createFakeApi({ jobs: [makeJob({ status: "en_camino" })] });
  const storage = memoryAppStorage();
  await storage.putJobs([makeJob({ status: "en_camino" })]);
  const app = renderApp(api, { tokenStore: memoryTokenStore(signedInTokens()), storage: () => storage });
  expect(await screen.findByText("Martina Gómez")).toBeTruthy();
  await act(async () => undefined);
  expect(stop).not.toHaveBeenCalled();
  expect(start).not.toHaveBeenCalled(); // already running: not started twice

  api.jobs.set("job-1", makeJob({ status: "completed" }));
  await act(() => app.services().engine.sync());
  await waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
});

test("a failed POST keeps the points; the next tick sends them oldest first, at most 100 per request", async () => {
  const api = createFakeApi({ jobs: [makeJob({ status: "en_camino" })] });
  const { storage, deps } = taskDeps(api);
  const all = fixes(231);

  api.state.offline = true;
  expect(await recordPositions(deps, all.slice(0, 150))).toMatchObject({ sent: 0, noActiveJob: false });
  api.state.positionsStatus = 503;
  api.state.offline = false;
  expect(await recordPositions(deps, all.slice(150, 230))).toMatchObject({ sent: 0 });
  expect(storage.queued()).toHaveLength(230);
  expect(api.positions).toEqual([]);

  api.state.positionsStatus = null;
  const report = await recordPositions(deps, all.slice(230));
  expect(report).toMatchObject({ sent: 231, refused: 0, noActiveJob: false, result: { jobId: "job-1" } });
  expect(api.positions.map((b) => b.length)).toEqual([100, 100, 31]);
  const sent = api.positions.flat().map((p) => p.recordedAt);
  expect(sent).toEqual(all.map((l) => new Date(l.timestamp).toISOString()));
  expect(storage.queued()).toEqual([]);
  expect(api.calls.filter((c) => c.path === "/api/tracking/positions").every((c) => c.headers.authorization === "Bearer access-0")).toBe(true);
});

test("a 409 (no job under way) stops recording and keeps every point; once the trip reaches the server they go through", async () => {
  native.running.add("campotech.tracking");
  const api = createFakeApi({ jobs: [makeJob({ status: "scheduled" })] });
  const { storage, deps } = taskDeps(api);
  const all = fixes(150);

  const report = await recordPositions(deps, all);
  expect(report).toMatchObject({ sent: 0, refused: 0, noActiveJob: true });
  expect(stop).toHaveBeenCalledWith("campotech.tracking");
  expect(native.running.size).toBe(0);
  expect(storage.queued()).toHaveLength(150); // nothing dropped
  expect(api.calls.filter((c) => c.path === "/api/tracking/positions")).toHaveLength(1); // no loop over the queue

  // The en camino transition was still in the outbox: once the server has it, the queue goes out in order.
  api.jobs.set("job-1", makeJob({ status: "en_camino" }));
  expect(await recordPositions(deps, [])).toMatchObject({ sent: 150, noActiveJob: false });
  expect(api.positions.flat().map((p) => p.recordedAt)).toEqual(all.map((l) => new Date(l.timestamp).toISOString()));
});

test("points the server refuses for good (400) are dropped and counted, not retried forever", async () => {
  const api = createFakeApi({ jobs: [makeJob({ status: "working" })] });
  const { storage, deps } = taskDeps(api);
  api.state.positionsStatus = 400;
  expect(await recordPositions(deps, fixes(120))).toMatchObject({ sent: 0, refused: 120, noActiveJob: false });
  expect(storage.queued()).toEqual([]);
});

test("after the task stopped on a 409, the app starts tracking again once its sync still shows a job en camino", async () => {
  const api = createFakeApi({ jobs: [makeJob({ status: "en_camino" })] });
  const app = renderApp(api, { signedIn: true });
  await waitFor(() => expect(start).toHaveBeenCalledTimes(1));

  await act(() => Location.stopLocationUpdatesAsync("campotech.tracking")); // what recordPositions does on a 409
  await act(() => app.services().engine.sync());
  await waitFor(() => expect(start).toHaveBeenCalledTimes(2));
  expect(native.running.has("campotech.tracking")).toBe(true);
});
