import { describe, expect, it } from "vitest";
import { reportingOrigins } from "./reporting-origins";

describe("reportingOrigins", () => {
  it("admits nothing when the browser SDKs are not configured (the host alone is not enough)", () => {
    expect(reportingOrigins({ NEXT_PUBLIC_SENTRY_DSN: undefined, NEXT_PUBLIC_POSTHOG_KEY: undefined, POSTHOG_HOST: "https://us.i.posthog.com" })).toEqual([]);
  });

  it("admits Sentry's ingest origin (without the DSN's key) and PostHog's host when configured", () => {
    expect(reportingOrigins({ NEXT_PUBLIC_SENTRY_DSN: "https://abc123@o42.ingest.sentry.io/7", NEXT_PUBLIC_POSTHOG_KEY: "phc_x", POSTHOG_HOST: "https://eu.i.posthog.com/" })).toEqual([
      "https://o42.ingest.sentry.io",
      "https://eu.i.posthog.com",
    ]);
  });
});
