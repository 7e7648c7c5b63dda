import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { CLI_ENV } from "../playwright.config";
import { signIn, WEB } from "./panel-session";

// The "Alertas" card on /panel (issue 20): the owner sees the organization's open alerts — not resolved ones, not
// the platform's — and a dispatcher does not see the card at all.
function sql(statement: string): string {
  const result = spawnSync("psql", [CLI_ENV.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-tAc", statement], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed:\n${result.stderr}`);
  return result.stdout.trim();
}

// Kinds no rule owns: the workers' every-minute evaluation (running beside the tests) resolves only its own kinds, so
// these stay as seeded while the pages are read.
const columns = `"id", "organizationId", "scope", "kind", "dedupeKey", "openKey", "status", "title", "detail", "value", "threshold", "firstFiredAt", "lastSeenAt", "updatedAt"`;

test("owners see their organization's open alerts on the dashboard; dispatchers don't", async ({ browser }) => {
  test.setTimeout(90_000);
  sql(`DELETE FROM "Alert" WHERE "id" LIKE 'e2e-alert-%'`);
  sql(`INSERT INTO "Alert" (${columns}) VALUES
    ('e2e-alert-open', 'demo-org', 'ORGANIZATION', 'e2e_template_rejected', 'e2e_template_rejected:demo-org:x', 'e2e_template_rejected:demo-org:x', 'OPEN',
     'Plantilla rechazada: promo_verano', 'Meta rechazó la plantilla "promo_verano" (es_AR). Editala y volvé a enviarla a revisión.', 1, 1, now(), now(), now()),
    ('e2e-alert-resolved', 'demo-org', 'ORGANIZATION', 'e2e_panic_mode', 'e2e_panic_mode:demo-org:sms:twilio', NULL, 'RESOLVED',
     'Envíos por SMS en pausa (modo pánico)', 'resuelta', 1, 1, now(), now(), now()),
    ('e2e-alert-platform', NULL, 'PLATFORM', 'e2e_queue_backlog', 'e2e_queue_backlog:platform:outbound', 'e2e_queue_backlog:platform:outbound', 'OPEN',
     'Cola "outbound" atrasada', 'plataforma', 1, 1, now(), now(), now())`);
  try {
    const owner = await browser.newContext({ baseURL: WEB, locale: "es-AR", timezoneId: "America/Argentina/Buenos_Aires" });
    await signIn(owner, "demo-user-owner");
    const page = await owner.newPage();
    await page.goto("/panel");
    const card = page.getByRole("region", { name: "Alertas (1)" });
    await expect(card).toBeVisible();
    await expect(card.getByTestId("alert")).toHaveCount(1);
    await expect(card.getByTestId("alert")).toContainText("Plantilla rechazada: promo_verano");
    await expect(card.getByTestId("alert")).toContainText("Editala y volvé a enviarla a revisión.");

    const dispatcher = await browser.newContext({ baseURL: WEB, locale: "es-AR", timezoneId: "America/Argentina/Buenos_Aires" });
    await signIn(dispatcher, "demo-user-dispatcher");
    const other = await dispatcher.newPage();
    await other.goto("/panel");
    await expect(other.getByRole("heading", { name: "Resumen" })).toBeVisible();
    await expect(other.getByTestId("alerts")).toHaveCount(0);
    expect((await other.goto("/operador/alertas"))?.status()).toBe(404);

    // The demo owner is also a platform operator: /operador/alertas lists every organization's and the platform's.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/operador");
    await page.getByRole("link", { name: "Alertas de la plataforma" }).click();
    await expect(page.getByRole("heading", { name: /^Abiertas/ })).toBeVisible();
    const [open, resolved] = [page.getByTestId("operator-alerts").first(), page.getByTestId("operator-alerts").last()];
    await expect(open.getByTestId("operator-alert").filter({ hasText: "Plantilla rechazada: promo_verano" })).toContainText("Del Sur");
    await expect(open.getByTestId("operator-alert").filter({ hasText: 'Cola "outbound" atrasada' })).toContainText("Plataforma");
    await expect(resolved.getByTestId("operator-alert").filter({ hasText: "Envíos por SMS en pausa" })).toContainText("se normalizó");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "test-results/screenshots/operador-alertas-390.png", fullPage: true });
  } finally {
    sql(`DELETE FROM "Alert" WHERE "id" LIKE 'e2e-alert-%'`);
  }
});
