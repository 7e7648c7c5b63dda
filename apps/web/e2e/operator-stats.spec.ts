import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn, WEB } from "./panel-session";

// /operador/estadisticas (issue 20): only platform operators see it (the seeded demo owner is one); anyone else
// gets the same 404 as a missing page, for the page and for its JSON download. Screenshots for a desktop and a phone.
const SHOTS = "/tmp/campotech-operator-stats-screenshots";

test("a dispatcher (not an operator) gets 404 on /operador, the statistics and their JSON", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: WEB });
  await signIn(context, "demo-user-dispatcher");
  const page = await context.newPage();
  for (const path of ["/operador", "/operador/estadisticas"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  expect((await context.request.get("/operador/estadisticas/json")).status()).toBe(404);
  await context.close();
});

for (const viewport of [{ name: "desktop", width: 1280, height: 900 }, { name: "phone", width: 390, height: 844 }]) {
  test(`an operator sees the report tables, copies the Markdown and downloads the JSON (${viewport.name})`, async ({ browser }) => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await browser.newContext({ baseURL: WEB, viewport, permissions: ["clipboard-read", "clipboard-write"] });
    await signIn(context);
    const page = await context.newPage();
    await page.goto("/operador");
    await page.getByRole("link", { name: "Estadísticas de la plataforma" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Estadísticas de la plataforma" })).toBeVisible();
    await expect(page.getByTestId("stats-period")).toContainText("(30 días, hora de Buenos Aires)");
    const bsp = page.getByTestId("stats-bsp");
    await expect(bsp.getByRole("row", { name: /Clientes con asistente IA .* ≥ 100 no cumple/ })).toBeVisible();
    await expect(bsp.getByRole("row", { name: /Costo mensual de mensajes USD .* informativo/ })).toBeVisible();
    await expect(page.getByTestId("stats-organizaciones").getByRole("row", { name: /Del Sur Plomería y Gas/ })).toBeVisible();

    await page.getByRole("button", { name: "Copiar Markdown" }).click();
    await expect(page.getByText("Markdown copiado.")).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("## Métricas para solicitar ser BSP");
    expect(copied).toContain("| Clientes con asistente IA | ");

    const download = page.getByRole("link", { name: "Descargar JSON" });
    const json = await (await context.request.get((await download.getAttribute("href"))!)).json();
    expect(Object.keys(json)).toContain("bspTriggers");
    expect(json.period.days).toBe(30);

    // Nothing wider than the screen (wide tables scroll inside their card).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: `${SHOTS}/operator-stats-${viewport.name}.png`, fullPage: true });
    // A period with bad dates says why in Spanish instead of showing numbers.
    await page.goto("/operador/estadisticas?desde=2026-11-10&hasta=2026-11-01");
    await expect(page.locator("p[role=alert]")).toContainText("La fecha «hasta» tiene que ser igual o posterior a «desde».");
    await context.close();
  });
}
