import { act, screen, waitFor } from "@testing-library/react-native";
import Constants from "expo-constants";
import * as Notifications from "expo-notifications";
import { createFakeApi, makeJob } from "./helpers/fake-api";
import { memoryAppStorage, memoryTokenStore, renderApp, signedInTokens } from "./helpers/render-app";

// The real push module over a fake of expo-notifications (permission, Expo's token service, the tap listener).
jest.unmock("../src/push/push");
jest.mock("expo-notifications", () => {
  const listeners = new Set<CallableFunction>();
  return {
    AndroidImportance: { HIGH: 4 },
    listeners,
    setNotificationHandler: jest.fn(),
    setNotificationChannelAsync: jest.fn(async () => null),
    getPermissionsAsync: jest.fn(async () => ({ granted: false, status: "undetermined" })),
    requestPermissionsAsync: jest.fn(async () => ({ granted: true, status: "granted" })),
    getExpoPushTokenAsync: jest.fn(async () => ({ type: "expo", data: "ExponentPushToken[phone-1]" })),
    getLastNotificationResponseAsync: jest.fn(async () => null),
    addNotificationResponseReceivedListener: jest.fn((listener: CallableFunction) => {
      listeners.add(listener);
      return { remove: () => listeners.delete(listener) };
    }),
  };
});

const fake = Notifications as unknown as typeof Notifications & { listeners: Set<(response: unknown) => void> };
const tapped = (data: Record<string, unknown>) => ({ actionIdentifier: "expo.modules.notifications.actions.DEFAULT", notification: { request: { identifier: "n1", content: { title: "Nuevo trabajo", body: "", data } } } });
const registrations = (api: ReturnType<typeof createFakeApi>) => api.calls.filter((c) => c.path === "/api/me/push-tokens");

// The EAS project id that `eas init` writes into app.json (without one the app skips registration, as in local dev).
const config = Constants.expoConfig as { extra?: unknown };
const originalExtra = config.extra;
beforeEach(() => {
  jest.clearAllMocks();
  fake.listeners.clear();
  config.extra = { eas: { projectId: "test-project" } };
});
afterAll(() => {
  config.extra = originalExtra;
});

const twoJobs = () => [makeJob(), makeJob({ id: "job-2", number: 102, urgency: "EMERGENCY", customer: { id: "c2", name: "Jorge Pereyra", phone: null, address: null }, description: "Olor a gas en el patio" })];

test("asks for permission and registers the Expo push token once: not again on the next launch, again for a new token", async () => {
  const api = createFakeApi();
  const tokens = memoryTokenStore(signedInTokens());
  const storage = memoryAppStorage();
  const first = renderApp(api, { tokenStore: tokens, storage: () => storage });
  await waitFor(() => expect(registrations(api)).toHaveLength(1));
  expect(Notifications.requestPermissionsAsync).toHaveBeenCalledTimes(1);
  expect(Notifications.getExpoPushTokenAsync).toHaveBeenCalledWith({ projectId: "test-project" });
  expect(registrations(api)[0]).toMatchObject({ method: "POST", body: { token: "ExponentPushToken[phone-1]", action: "register" }, headers: { authorization: "Bearer access-0" } });
  first.unmount();

  // Next launch on the same phone: same technician, same token → no request.
  const second = renderApp(api, { tokenStore: tokens, storage: () => storage });
  await waitFor(() => expect(Notifications.getExpoPushTokenAsync).toHaveBeenCalledTimes(2));
  await act(async () => undefined);
  expect(registrations(api)).toHaveLength(1);
  second.unmount();

  // Expo rotated the token: the API must hear about the new one.
  jest.mocked(Notifications.getExpoPushTokenAsync).mockResolvedValueOnce({ type: "expo", data: "ExponentPushToken[phone-2]" });
  renderApp(api, { tokenStore: tokens, storage: () => storage });
  await waitFor(() => expect(registrations(api)).toHaveLength(2));
  expect(registrations(api)[1]!.body).toMatchObject({ token: "ExponentPushToken[phone-2]" });
});

test("no permission, no token request and nothing posted", async () => {
  jest.mocked(Notifications.requestPermissionsAsync).mockResolvedValueOnce({ granted: false, status: "denied" } as never);
  const api = createFakeApi();
  renderApp(api, { signedIn: true });
  expect(await screen.findByText("Martina Gómez")).toBeTruthy();
  await waitFor(() => expect(Notifications.requestPermissionsAsync).toHaveBeenCalled());
  await act(async () => undefined);
  expect(Notifications.getExpoPushTokenAsync).not.toHaveBeenCalled();
  expect(registrations(api)).toHaveLength(0);
});

test("tapping a notification with a jobId opens that job; one without a jobId leaves the list", async () => {
  const api = createFakeApi({ jobs: twoJobs() });
  renderApp(api, { signedIn: true });
  expect(await screen.findByText("Jorge Pereyra")).toBeTruthy();
  await waitFor(() => expect(fake.listeners.size).toBe(1));

  act(() => fake.listeners.forEach((l) => l(tapped({ kind: "digest" }))));
  expect(screen.getByText("Mis trabajos")).toBeTruthy();

  const pulls = api.calls.filter((c) => c.path === "/api/sync/pull").length;
  act(() => fake.listeners.forEach((l) => l(tapped({ jobId: "job-2" }))));
  expect(await screen.findByText("Olor a gas en el patio")).toBeTruthy();
  expect(screen.queryByText("Mis trabajos")).toBeNull();
  await waitFor(() => expect(api.calls.filter((c) => c.path === "/api/sync/pull").length).toBeGreaterThan(pulls));
});

test("the notification that launched the app opens its job", async () => {
  jest.mocked(Notifications.getLastNotificationResponseAsync).mockResolvedValueOnce(tapped({ jobId: "job-2" }) as never);
  renderApp(createFakeApi({ jobs: twoJobs() }), { signedIn: true });
  expect(await screen.findByText("Olor a gas en el patio")).toBeTruthy();
});
