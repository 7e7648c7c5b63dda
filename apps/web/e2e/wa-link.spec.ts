import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { CLI_ENV } from "../playwright.config";
import { signIn } from "./panel-session";

// "Tu enlace de WhatsApp" on /panel/whatsapp in Chromium, at a phone's width: edit the prefilled message, see the
// link and the QR follow, download the printable card; on Gratis, the upgrade note instead.
function sql(statement: string): string {
  const result = spawnSync("psql", [CLI_ENV.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-tAc", statement], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed:\n${result.stderr}`);
  return result.stdout.trim();
}

test.use({ viewport: { width: 390, height: 844 } });

test.describe("wa.me link", () => {
  test.afterEach(() => {
    sql(`UPDATE "Organization" SET tier = 'PROFESIONAL', settings = settings - 'waLink' WHERE id = 'demo-org'`);
  });

  test("edits the prefilled message, the link follows, and the printable card downloads", async ({ page, context }) => {
    await signIn(context);
    await page.goto("/panel/whatsapp");
    const section = page.getByRole("region", { name: "Tu enlace de WhatsApp" });
    await expect(section.getByTestId("wa-link")).toContainText(/https:\/\/wa\.me\/\d+\?text=Hola%20/);
    await expect(section.getByTestId("wa-link-qr")).toHaveJSProperty("naturalWidth", 256);

    await section.getByLabel("Mensaje que se escribe solo").fill("¿Tienen turno mañana? Pérdida de gas & urgencia");
    await section.getByRole("button", { name: "Guardar" }).click();
    await expect(section.getByRole("status").filter({ hasText: "Mensaje guardado" })).toBeVisible();
    await expect(section.getByTestId("wa-link")).toContainText("?text=%C2%BFTienen%20turno%20ma%C3%B1ana%3F%20P%C3%A9rdida%20de%20gas%20%26%20urgencia");
    await expect(section.getByTestId("wa-link-qr")).toHaveAttribute("src", /v=1/);
    await expect(section.getByTestId("wa-link-qr")).toHaveJSProperty("naturalWidth", 256);
    // Nothing spills sideways at 390 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await section.screenshot({ path: "test-results/screenshots/wa-link-390.png" });

    const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "Tarjeta para imprimir (PDF)" }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.toString("latin1")).toContain("?text=%C2%BFTienen%20turno%20ma%C3%B1ana%3F");

    await page.reload();
    await expect(page.getByLabel("Mensaje que se escribe solo")).toHaveValue("¿Tienen turno mañana? Pérdida de gas & urgencia");
  });

  test("on Gratis shows the upgrade note with a link to the plans", async ({ page, context }) => {
    sql(`UPDATE "Organization" SET tier = 'FREE' WHERE id = 'demo-org'`);
    await signIn(context);
    await page.goto("/panel/whatsapp");
    const section = page.getByRole("region", { name: "Tu enlace de WhatsApp" });
    await expect(section.getByTestId("wa-link-upsell")).toContainText("Enlaces wa.me: está disponible desde el plan Inicial.");
    await expect(section.getByRole("link", { name: "Ver planes" })).toHaveAttribute("href", "/panel/plan");
    await expect(section.getByTestId("wa-link")).toHaveCount(0);
    await expect(section.getByTestId("wa-link-qr")).toHaveCount(0);
  });
});
