import { createAuthApi } from "../src/auth/auth-api";
import { createSession } from "../src/auth/create-session";
import { createFakeApi } from "./helpers/fake-api";
import { memoryTokenStore } from "./helpers/render-app";

const expired = { accessToken: "old", refreshToken: "refresh-old", accessTokenExpiresAt: new Date(Date.now() - 1000).toISOString(), refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(), user: { id: "tech-1", organizationId: "org-1", role: "TECHNICIAN" } };

test("rotates the refresh token once for concurrent callers (a reused refresh token would revoke the family)", async () => {
  const api = createFakeApi();
  const store = memoryTokenStore(expired);
  const session = createSession(createAuthApi("http://api.test", api.fetch), store);
  await session.restore();
  const [a, b, c] = await Promise.all([session.getToken(), session.getToken(), session.getToken({ refresh: true })]);
  expect(api.refreshes()).toBe(1);
  expect(new Set([a, b, c]).size).toBe(1);
  expect(store.value()?.refreshToken).not.toBe("refresh-old");
  expect(api.calls.find((x) => x.path === "/api/auth/refresh")?.body).toEqual({ refreshToken: "refresh-old" });
});

test("keeps the session when the refresh fails for lack of network", async () => {
  const api = createFakeApi();
  api.state.offline = true;
  const session = createSession(createAuthApi("http://api.test", api.fetch), memoryTokenStore(expired));
  await session.restore();
  expect(await session.getToken()).toBe("old");
  expect(session.current()).not.toBeNull();
});
