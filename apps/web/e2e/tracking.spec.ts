import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CLI_ENV } from "../playwright.config";

// The customer's tracking page, reached with the signed link from the "en camino" message: no login, Spanish,
// the visit's steps with their times, and nothing for a tampered link.
const root = fileURLToPath(new URL("../../../", import.meta.url));

function ownerToken(): string {
  const result = spawnSync("pnpm", ["-s", "campotech", "token", "--user", "demo-user-owner", "--json"], { cwd: root, env: CLI_ENV, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`campotech token failed:\n${result.stdout}\n${result.stderr}`);
  return (JSON.parse(result.stdout) as { token: string }).token;
}

async function post(request: APIRequestContext, token: string, path: string, data: unknown) {
  const response = await request.post(path, { data, headers: { authorization: `Bearer ${token}` } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json();
}

test("a customer follows the technician from the link, and a tampered link shows nothing", async ({ page, request }) => {
  const token = ownerToken();
  const job = await post(request, token, "/api/jobs", { customerId: "demo-customer-1", address: "Av. Rivadavia 4520, 3° B", serviceType: "GAS", description: "Olor a gas en la cocina" });
  const start = new Date(Date.now() + 2 * 3600_000);
  await post(request, token, `/api/jobs/${job.id}/transition`, {
    to: "scheduled", technicianId: "demo-user-tech-1", scheduledStart: start.toISOString(), scheduledEnd: new Date(start.getTime() + 3600_000).toISOString(),
  });
  await post(request, token, `/api/jobs/${job.id}/transition`, { to: "en_camino" });
  const detail = await (await request.get(`/api/jobs/${job.id}`, { headers: { authorization: `Bearer ${token}` } })).json();
  expect(detail.trackingUrl).toMatch(/\/seguimiento\/[\w-]+\.[\w-]+$/);

  await page.goto(detail.trackingUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diego está en camino");
  await expect(page.getByText(`Trabajo #${job.number} · Gas`)).toBeVisible();
  await expect(page.locator("ol.steps li.done")).toHaveCount(2);
  await expect(page.locator('ol.steps li[aria-current="step"]')).toContainText("Técnico en camino");
  // Nothing personal on a page anyone with the link can open.
  await expect(page.locator("main")).not.toContainText("Rivadavia");
  await expect(page.locator("main")).not.toContainText("Ruiz");
  await page.screenshot({ path: "test-results/screenshots/seguimiento.png", fullPage: true });

  // The page follows the visit without a reload.
  await post(request, token, `/api/jobs/${job.id}/transition`, { to: "working" });
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diego está trabajando en tu domicilio", { timeout: 10_000 });

  await page.goto(`${detail.trackingUrl}x`);
  await expect(page.locator("main").getByRole("alert")).toContainText("No encontramos esta visita");
  // Parsed exactly: a trailing segment is a different (invalid) link, not the same one.
  await page.goto(`${detail.trackingUrl}.extra`);
  await expect(page.locator("main").getByRole("alert")).toContainText("No encontramos esta visita");
  await expect(page.locator("main")).not.toContainText("Diego");

  // The visit ends; the link keeps working for the grace period (72 h), then expires.
  await post(request, token, `/api/jobs/${job.id}/transition`, { to: "completed" });
  await page.goto(detail.trackingUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("El trabajo está terminado");
  sql(`UPDATE "JobTransition" SET "at" = now() - interval '73 hours' WHERE "jobId" = '${job.id}' AND "to" = 'completed'`);
  await page.reload();
  await expect(page.locator("main").getByRole("alert")).toContainText("Este enlace ya venció");
  await expect(page.locator("main")).not.toContainText("Diego");
});

function sql(statement: string): void {
  const result = spawnSync("psql", [CLI_ENV.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-tAc", statement], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed:\n${result.stderr}`);
}
