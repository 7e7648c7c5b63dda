import { expect, test, type Page } from "@playwright/test";
import { randomCuit, signupCodeFor, sql } from "./signup-flow";

// A new business signs itself up on a phone-sized screen: from the home page to /registro, the code read from the SMS
// the sandbox's simulated phone received, the business form (one field error fixed on the way), and into /panel
// signed in, where the "Primeros pasos" checklist shows what is left to set up.
async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test.describe("self-serve signup", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a new business signs up from /registro with the SMS code and lands on /panel with its checklist", async ({ page }) => {
    const local = `5${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;
    const waId = `54911${local}`;
    const cuit = randomCuit();
    const wrongCuit = `${cuit.slice(0, 10)}${(Number(cuit[10]) + 1) % 10}`;

    await page.goto("/ingresar");
    await expect(page.getByRole("link", { name: "Creá la de tu negocio" })).toHaveAttribute("href", "/registro");
    await page.goto("/");
    await page.getByRole("link", { name: "Creá la cuenta de tu negocio" }).click();
    await expect(page).toHaveURL(/\/registro$/);
    await expect(page.getByRole("heading", { name: "Creá la cuenta de tu negocio" })).toBeVisible();

    await page.getByLabel("Tu celular").fill(`11 ${local.slice(0, 4)}-${local.slice(4)}`);
    await page.getByRole("button", { name: "Enviarme el código" }).click();
    await expect(page.getByText("Te mandamos un código por SMS")).toBeVisible();
    await noHorizontalScroll(page);
    const code = await signupCodeFor(waId);

    await page.getByLabel("Código", { exact: true }).fill(code);
    await page.getByLabel("Nombre del negocio").fill("Gasista Martínez");
    await page.getByLabel("CUIT").fill(wrongCuit);
    await page.getByLabel("Condición frente al IVA").selectOption({ label: "Monotributo" });
    await page.getByRole("checkbox", { name: "Gas" }).check();
    await page.getByRole("checkbox", { name: "Plomería" }).check();
    await page.getByLabel("Código de área").fill("11");
    await page.getByLabel("Localidad").fill("Quilmes");
    await page.getByLabel("Tu nombre").fill("Jorge Martínez");
    await page.getByLabel("Email (opcional)").fill("jorge@example.com");
    await page.getByRole("radio", { name: /Probar Profesional 14 días/ }).check();
    await page.getByRole("button", { name: "Crear mi cuenta" }).click();
    // The wrong check digit is shown under the CUIT field; the code was not spent.
    await expect(page.getByText("El CUIT no es válido: revisá el número y el dígito verificador.")).toBeVisible();
    await expect(page.getByLabel("CUIT")).toHaveAttribute("aria-invalid", "true");
    await noHorizontalScroll(page);
    await page.screenshot({ path: "test-results/screenshots/registro-error-cuit.png", fullPage: true });

    await page.getByLabel("CUIT").fill(cuit);
    await page.getByRole("button", { name: "Crear mi cuenta" }).click();
    await expect(page).toHaveURL(/\/panel$/, { timeout: 15_000 });
    const checklist = page.getByTestId("onboarding");
    await expect(checklist.getByRole("heading", { name: "Primeros pasos" })).toBeVisible();
    await expect(checklist.getByTestId("onboarding-progress")).toHaveText("1 de 6 listos");
    await expect(checklist.getByTestId("onboarding-priceList")).toHaveAttribute("data-done", "true");
    await expect(checklist.getByRole("link", { name: "Conectá tu número de WhatsApp" })).toHaveAttribute("href", "/panel/whatsapp#numero");
    await expect(checklist.getByRole("link", { name: "Sumá a tu equipo" })).toHaveAttribute("href", "/panel/equipo");
    await noHorizontalScroll(page);
    await page.screenshot({ path: "test-results/screenshots/registro-panel-checklist.png", fullPage: true });

    expect(sql(`SELECT name || '|' || tier || '|' || ("trialEndsAt" IS NOT NULL) || '|' || "signupPhone" FROM "Organization" WHERE cuit = '${cuit}'`)).toBe(`Gasista Martínez|PROFESIONAL|true|+${waId}`);
    expect(Number(sql(`SELECT count(*) FROM "PriceListItem" p JOIN "Organization" o ON o.id = p."organizationId" WHERE o.cuit = '${cuit}'`))).toBeGreaterThan(0);

    // The owner hides the checklist for good.
    await checklist.getByRole("button", { name: "Ocultar esta lista" }).click();
    await expect(page.getByTestId("onboarding")).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Resumen" })).toBeVisible();
    await expect(page.getByTestId("onboarding")).toHaveCount(0);
  });
});
