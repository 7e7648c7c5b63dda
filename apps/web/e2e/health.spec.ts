import { expect, test } from "@playwright/test";
import { PORTS } from "../playwright.config";

test.describe("platform health", () => {
  // The home page says what CampoTech is (daily-use.spec.ts checks its content); health is an API, not a page.
  test("the home page no longer shows the platform's internals", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Ingresar" })).toHaveAttribute("href", "/ingresar");
    await expect(page.getByText("Postgres")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/home.png", fullPage: true });
  });

  test("an unknown address answers 404 in Spanish with the ways back in, a titled tab and the app icon", async ({ page, request }) => {
    const response = await page.goto("/esto-no-existe");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("main").getByRole("heading", { name: "No encontramos esta página" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ir al panel" })).toHaveAttribute("href", "/panel");
    await expect(page).toHaveTitle("Página no encontrada · CampoTech");
    const icon = await request.get("/icon.svg");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
    await page.goto("/ingresar");
    await expect(page).toHaveTitle("Ingresar · CampoTech");
  });

  test("GET /api/health answers 200 with each dependency and the version", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ service: "web", checks: { postgres: { status: "up" }, redis: { status: "up" } } });
    // The test machine's Redis keeps nothing on disk: serving, but degraded with the reason (issue 22).
    expect(body.status).toBe(body.redisDurability.problems.length ? "degraded" : "ok");
    expect(body.degraded ?? []).toEqual(body.redisDurability.problems);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(response.headers()["cache-control"]).toContain("no-store");
  });

  test("with Postgres unreachable /api/health answers 503 naming Postgres", async ({ request, page }) => {
    const base = `http://127.0.0.1:${PORTS.webNoPostgres}`;
    const response = await request.get(`${base}/api/health`);
    expect(response.status()).toBe(503);
    const body = await response.json();
    expect(body.checks.postgres.status).toBe("down");
    expect(body.checks.redis.status).toBe("up");
    expect(body.reason).toMatch(/^Postgres no responde: /);
    // The home page is static: it still tells visitors what CampoTech is and how to get in.
    await page.goto(base);
    await expect(page.getByRole("link", { name: "Ingresar" })).toBeVisible();
  });
});
