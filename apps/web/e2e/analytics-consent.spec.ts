import { expect, test, type Page } from "@playwright/test";
import { startFakeCollector } from "../../../src/lib/observability/fake-collector.fixture";
import { PORTS } from "../playwright.config";
import { signIn, WEB } from "./panel-session";

// Each test starts a panel page on a busy machine: more room than the default per-test limit.
test.describe.configure({ timeout: 90_000 });

// Product analytics only with a key and consent; error reporting only with a DSN (none is set here).
const ANALYTICS_WEB = `http://127.0.0.1:${PORTS.webAnalytics}`;
const QUESTION = "¿Nos dejás medir el uso del panel para mejorarlo?";

function requestsLeaving(page: Page, origin: string): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) urls.push(request.url());
  });
  return urls;
}

test("without a PostHog key or a Sentry DSN the panel shows no banner and loads neither SDK", async ({ page, context }) => {
  await signIn(context);
  const leaving = requestsLeaving(page, WEB);
  await page.goto("/panel");
  await expect(page.getByRole("navigation", { name: "Secciones" })).toBeVisible();
  await expect(page.getByText(QUESTION)).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => ({ sentry: "__SENTRY__" in window, posthog: "posthog" in window }))).toEqual({ sentry: false, posthog: false });
  expect(leaving).toEqual([]);
});

test.describe("with a PostHog key", () => {
  // PostHog drops events from browsers that look automated ("HeadlessChrome", navigator.webdriver): present as the
  // browser people use.
  test.use({ userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36" });
  test.beforeEach(({ context }) => context.addInitScript(() => Object.defineProperty(navigator, "webdriver", { get: () => false })));
  let collector: Awaited<ReturnType<typeof startFakeCollector>>;
  test.beforeAll(async () => {
    collector = await startFakeCollector(PORTS.analyticsCollector);
  });
  test.afterAll(() => collector.close());

  test("asks first; \"No, gracias\" sends nothing and is remembered", async ({ page, context }) => {
    await signIn(context);
    await page.goto(`${ANALYTICS_WEB}/panel`);
    const banner = page.getByRole("region", { name: QUESTION });
    await expect(banner).toBeVisible();
    await page.screenshot({ path: "test-results/analytics-consent-desktop.png" });
    await banner.getByRole("button", { name: "No, gracias" }).click();
    await expect(banner).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("navigation", { name: "Secciones" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("region", { name: QUESTION })).toHaveCount(0);
    expect(collector.received).toEqual([]);
  });

  test("\"Aceptar\" loads PostHog, which captures to its host knowing the user and organization by id only (390 px)", async ({ page, context }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(context);
    await page.goto(`${ANALYTICS_WEB}/panel?q=5491140000001`);
    const banner = page.getByRole("region", { name: QUESTION });
    await expect(banner).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "test-results/analytics-consent-390.png" });
    await banner.getByRole("button", { name: "Aceptar" }).click();
    await expect(banner).toHaveCount(0);
    await expect.poll(() => collector.received.map((r) => r.body).join("\n"), { timeout: 20_000 }).toContain("$identify");
    const sent = collector.received.map((r) => r.body).join("\n");
    expect(sent).toContain('"distinct_id":"demo-user-owner"');
    expect(sent).toContain("demo-org");
    expect(sent).not.toMatch(/5491140000001|Martín|Gómez|martin@delsur/);
  });
});
