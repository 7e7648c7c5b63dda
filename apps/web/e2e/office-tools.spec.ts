import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signIn, tokenFor, WEB } from "./panel-session";

// The office's tools (issue 17) at the desk and on a phone: reports follow the date range, the price list is edited
// with prices typed in pesos, and each person's notification preferences stick across a reload.
const VIEWPORTS = [
  { name: "desktop", width: 1366, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function expectNoOverflow(page: Page, width: number) {
  if (width > 390) return;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, "page wider than the phone").toBeLessThanOrEqual(390);
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${WEB}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  expect(res.ok, `${method} ${path} → ${res.status} ${text}`).toBe(true);
  return JSON.parse(text) as T;
}

for (const viewport of VIEWPORTS) {
  test.describe(`office tools at ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("reports: figures follow the range (a new emergency counts this month, none in January 2020)", async ({ page, context }, testInfo) => {
      test.setTimeout(60_000);
      await signIn(context);
      await page.goto("/panel/reportes");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reportes");
      await expect(page.getByRole("link", { name: "Este mes" })).toHaveAttribute("aria-current", "true");
      const jobsBefore = Number(await page.getByTestId("stat-jobs").textContent());
      const emergenciesBefore = Number(await page.getByTestId("stat-emergencies").textContent());

      await api(tokenFor(), "POST", "/api/jobs", {
        customerId: "demo-customer-1", address: "Av. Rivadavia 4520", serviceType: "GAS", description: `Olor a gas (${viewport.name})`, urgency: "EMERGENCY",
      });
      await page.reload();
      await expect(page.getByTestId("stat-jobs")).toHaveText(String(jobsBefore + 1));
      await expect(page.getByTestId("stat-emergencies")).toHaveText(String(emergenciesBefore + 1));
      await expect(page.getByTestId("jobs-table").getByRole("row", { name: /Sin asignar/ })).toBeVisible();
      // The chart draws in the browser, with its summary for screen readers.
      await expect(page.getByTestId("jobs-chart").locator("svg.recharts-surface").first()).toBeVisible();
      await expect(page.getByTestId("jobs-chart")).toHaveAttribute("aria-label", /Sin asignar/);
      await expectNoOverflow(page, viewport.width);
      await shot(page, testInfo, `reportes-${viewport.name}`);

      await page.getByRole("textbox", { name: "Desde", exact: true }).fill("01/01/2020");
      await page.getByRole("textbox", { name: "Hasta", exact: true }).fill("31/01/2020");
      await page.getByRole("button", { name: "Ver período" }).click();
      await expect(page).toHaveURL(/desde=01%2F01%2F2020&hasta=31%2F01%2F2020/);
      await expect(page.getByTestId("report-range")).toHaveText("Del 01/01/2020 al 31/01/2020 (31 días)");
      await expect(page.getByTestId("stat-jobs")).toHaveText("0");
      await expect(page.getByText("No hay trabajos en este período.")).toBeVisible();
      await expect(page.getByText("No hay presupuestos ni facturas en este período.")).toBeVisible();
      await expectNoOverflow(page, viewport.width);
      await shot(page, testInfo, `reportes-vacio-${viewport.name}`);

      await page.getByRole("textbox", { name: "Hasta", exact: true }).fill("01/12/2019");
      await page.getByRole("button", { name: "Ver período" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Hasta: La fecha «hasta» tiene que ser igual o posterior a «desde»." })).toBeVisible();

      await page.getByRole("link", { name: "Últimos 7 días" }).click();
      await expect(page.getByRole("link", { name: "Últimos 7 días" })).toHaveAttribute("aria-current", "true");
      await expect(page.getByTestId("report-range")).toContainText("(7 días)");
      expect(Number(await page.getByTestId("stat-jobs").textContent())).toBeGreaterThanOrEqual(1);
    });

    test("price list: create with a price typed 12.500,50, edit it, deactivate it", async ({ page, context }, testInfo) => {
      test.setTimeout(60_000);
      await signIn(context);
      const code = `E2E-${viewport.name.toUpperCase()}-${Date.now().toString(36)}`;
      const name = `Prueba de hermeticidad ${viewport.name}`;
      await page.goto("/panel/precios");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Precios");

      await page.getByRole("button", { name: "Nuevo ítem" }).click();
      const form = page.getByRole("form", { name: "Nuevo ítem" });
      await form.getByLabel("Código").fill(code);
      await form.getByLabel("Nombre").fill(name);
      await form.getByLabel("Servicio").selectOption({ label: "Gas" });
      await form.getByLabel("Unidad").fill("servicio");
      await form.getByLabel("Precio sin IVA ($)").fill("12.505,5,0");
      await form.getByRole("button", { name: "Agregar ítem" }).click();
      await expect(form.getByRole("alert")).toHaveText("Escribí el precio en pesos, por ejemplo 12.500,50.");
      await form.getByLabel("Precio sin IVA ($)").fill("12.500,50");
      await form.getByRole("combobox", { name: /^IVA/ }).selectOption({ label: "10,5 %" });
      await form.getByRole("button", { name: "Agregar ítem" }).click();
      await expect(page.getByRole("status").filter({ hasText: `Agregaste «${name}» a la lista.` })).toBeVisible();
      const item = page.locator(`[data-testid="price-item"][data-code="${code}"]`);
      await expect(item.getByTestId("price")).toHaveText("$ 12.500,50");
      await expect(item).toContainText("IVA 10,5 %");
      await expectNoOverflow(page, viewport.width);
      await shot(page, testInfo, `precios-${viewport.name}`);

      await item.getByRole("button", { name: `Editar ${name}` }).click();
      const edit = page.getByRole("form", { name: `Editar ${name}` });
      await expect(edit.getByLabel("Precio sin IVA ($)")).toHaveValue("12.500,50");
      await edit.getByLabel("Precio sin IVA ($)").fill("13.000");
      await edit.getByRole("button", { name: "Guardar cambios" }).click();
      await expect(page.getByRole("status").filter({ hasText: `Guardaste los cambios de «${name}».` })).toBeVisible();
      await expect(item.getByTestId("price")).toHaveText("$ 13.000");

      await item.getByRole("button", { name: `Desactivar ${name}` }).click();
      await expect(item).toContainText("Inactivo");
      await expect(item.getByRole("button", { name: `Activar ${name}` })).toBeVisible();
      await page.reload();
      await expect(item).toContainText("Inactivo");
      await expectNoOverflow(page, viewport.width);
      await shot(page, testInfo, `precios-editado-${viewport.name}`);

      // Search and filters travel in the address: the item is found by its code, and is gone from the active ones.
      const filters = page.getByRole("search", { name: "Buscar en la lista de precios" });
      await filters.getByRole("searchbox", { name: "Buscar" }).fill(code);
      await filters.getByRole("button", { name: "Filtrar" }).click();
      await expect(page.getByTestId("price-item")).toHaveCount(1);
      await filters.getByRole("combobox", { name: /^Estado/ }).selectOption({ label: "Activos" });
      await filters.getByRole("button", { name: "Filtrar" }).click();
      await expect(page).toHaveURL(/estado=activos/);
      await expect(page.getByText("No hay ítems que coincidan con la búsqueda.")).toBeVisible();
    });

    test("preferences: a channel and own quiet hours are saved and still there after a reload", async ({ page, context }, testInfo) => {
      test.setTimeout(60_000);
      // Each viewport uses its own person, so the two runs don't share a preference; the seed's are put back at the end.
      const user = viewport.name === "desktop" ? "demo-user-tech-1" : "demo-user-tech-2";
      const token = await signIn(context, user);
      const original = await api<{ channels: string[]; email: string | null; quietHours: { start: string; end: string } | null }>(token, "GET", "/api/me/notification-preferences");
      try {
        await page.goto("/panel/preferencias");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mis avisos");
        const whatsapp = page.getByRole("checkbox", { name: "WhatsApp" });
        const wasOn = await whatsapp.isChecked();
        await whatsapp.setChecked(!wasOn);
        await page.getByRole("radio", { name: "Usar mi propio horario" }).check();
        await page.getByLabel("Desde").fill("22:30");
        await page.getByLabel("Hasta").fill("06:45");
        await page.getByRole("button", { name: "Guardar" }).click();
        await expect(page.getByRole("status").filter({ hasText: "Guardamos tus preferencias." })).toBeVisible();
        await expectNoOverflow(page, viewport.width);
        await shot(page, testInfo, `preferencias-${viewport.name}`);

        await page.reload();
        await expect(page.getByRole("checkbox", { name: "WhatsApp" })).toBeChecked({ checked: !wasOn });
        await expect(page.getByRole("radio", { name: "Usar mi propio horario" })).toBeChecked();
        await expect(page.getByLabel("Desde")).toHaveValue("22:30");
        await expect(page.getByTestId("effective-quiet")).toContainText("de 22:30 a 06:45 (tu horario)");

        await page.getByLabel("Hasta").fill("25:00");
        await page.getByRole("button", { name: "Guardar" }).click();
        await expect(page.getByRole("alert").filter({ hasText: "Usá el formato HH:MM (24 h)." })).toBeVisible();
      } finally {
        await api(token, "PUT", "/api/me/notification-preferences", { channels: original.channels, quietHours: original.quietHours });
      }
    });
  });
}
