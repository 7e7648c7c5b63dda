import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./panel-session";

async function expectFitsThePhone(page: Page) {
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > 391).slice(-5).map((el) => `${el.tagName}.${el.className}`),
  );
  expect(overflowing, "elements wider than the phone").toEqual([]);
}

// The office's day with a job, through the dashboard only: load it for Martina Gómez and schedule it into a free
// slot, find it on the day and week boards, price it from the list (IVA by the server), send the technician on
// the way, and see it from the customer's page.
test("a dispatcher creates, schedules, prices and dispatches a job from the dashboard", async ({ page, context }) => {
  test.setTimeout(90_000);
  await signIn(context);

  await page.goto("/panel/trabajos/nuevo");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nuevo trabajo");
  await page.getByLabel("Cliente").selectOption({ value: "demo-customer-1" });
  await expect(page.getByLabel("Dirección")).toHaveValue(/Av\. Rivadavia 4520/);
  await page.getByLabel("Servicio").selectOption({ label: "Destapaciones" });
  await page.getByLabel("Descripción").fill("Cloaca tapada en el patio, desborda la rejilla");
  await page.getByRole("radio", { name: "Alta" }).check();
  await page.getByLabel("Agendar ahora").check();

  const picker = page.getByRole("group", { name: "Elegí un turno libre" });
  const firstSlot = picker.locator('[role="radio"]').first();
  await expect(firstSlot).toBeVisible({ timeout: 15_000 });
  const slotText = (await firstSlot.textContent())!.trim();
  await firstSlot.click();
  await expect(firstSlot).toHaveAttribute("aria-checked", "true");
  await page.getByRole("button", { name: "Crear y agendar" }).click();

  await expect(page).toHaveURL(/\/panel\/trabajos\/(?!nuevo)[\w-]+$/, { timeout: 15_000 });
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("Destapaciones");
  const number = (await heading.textContent())!.match(/#(\d+)/)![1]!;
  const jobUrl = page.url();
  await expect(page.getByRole("heading", { name: "Estado: Agendado" })).toBeVisible();
  const [slotStart] = slotText.split("–");

  // Day board, then the week around it.
  await page.getByRole("link", { name: "Ver en el tablero" }).click();
  await expect(page).toHaveURL(/vista=dia&fecha=\d{4}-\d{2}-\d{2}/);
  const card = page.getByRole("link", { name: new RegExp(`#${number} · Martina Gómez`) });
  await expect(card).toBeVisible();
  await expect(card).toContainText(slotStart!);
  await page.screenshot({ path: "test-results/screenshots/trabajos-tablero-dia.png", fullPage: true });
  await page.getByRole("navigation", { name: "Vista" }).getByRole("link", { name: "Semana" }).click();
  await expect(page).toHaveURL(/vista=semana/);
  await expect(page.getByRole("link", { name: new RegExp(`#${number} · Martina Gómez`) })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/trabajos-tablero-semana.png", fullPage: true });

  // The list, with its filters.
  await page.getByRole("navigation", { name: "Vista" }).getByRole("link", { name: "Lista" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(`^Trabajo #${number},`) }) });
  await expect(row).toContainText("Martina Gómez");
  await expect(row).toContainText("Agendado");
  await expect(row).toContainText("Alta");
  await page.screenshot({ path: "test-results/screenshots/trabajos-lista.png", fullPage: true });
  await page.getByLabel("Estado").selectOption("pending");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/estado=pending/);
  await expect(page.getByRole("link", { name: new RegExp(`^Trabajo #${number},`) })).toHaveCount(0);

  // Price it from the list: $ 38.000 + 21 % IVA.
  await page.goto(jobUrl);
  await page.getByLabel("Agregar de la lista de precios").selectOption({ label: "Destapación de cloaca · $ 38.000,00 / servicio" });
  await page.getByRole("button", { name: "Agregar ítem" }).click();
  await page.getByRole("button", { name: "Guardar presupuesto" }).click();
  await expect(page.getByTestId("job-total")).toHaveText("$ 45.980,00");
  await expect(page.getByLabel("Totales")).toContainText("IVA 21 % (sobre $ 38.000,00)");
  await expect(page.getByLabel("Totales")).toContainText("$ 7.980,00");

  // On the way: the status, the history and the tracking link follow.
  await page.getByRole("button", { name: "Marcar en camino" }).click();
  await expect(page.getByRole("heading", { name: "Estado: En camino" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Empezar el trabajo" })).toBeVisible();
  const history = page.getByRole("region", { name: "Historial" });
  await expect(history).toContainText("Agendado → En camino");
  await expect(history).toContainText("Martín Gómez");
  await expect(page.getByRole("region", { name: "Seguimiento del cliente" }).getByRole("link")).toHaveAttribute("href", /\/seguimiento\//);
  await expect(page.getByTestId("job-total")).toHaveText("$ 45.980,00");
  await page.screenshot({ path: "test-results/screenshots/trabajo-detalle.png", fullPage: true });

  // The customer's side.
  await page.goto("/panel/clientes?q=martina");
  const customerLink = page.getByRole("link", { name: "Martina Gómez" });
  await expect(customerLink).toBeVisible();
  await expect(page.getByRole("link", { name: "Jorge Pereyra" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/clientes-lista.png", fullPage: true });
  await customerLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Martina Gómez");
  await expect(page.getByText("11 5555-0123").first()).toBeVisible();
  const jobLink = page.getByRole("link", { name: new RegExp(`#${number}\\b`) });
  await expect(jobLink).toBeVisible();
  await expect(page.getByRole("region", { name: "Trabajos" })).toContainText("En camino");
  const notes = page.getByLabel("Notas internas (el cliente no las ve)");
  await notes.fill("Timbre 3° B no anda: llamar al llegar.");
  await page.getByRole("button", { name: "Guardar notas" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Notas guardadas." })).toBeVisible();
  await page.reload();
  await expect(notes).toHaveValue("Timbre 3° B no anda: llamar al llegar.");
  await page.screenshot({ path: "test-results/screenshots/cliente-detalle.png", fullPage: true });
  await jobLink.click();
  await expect(page).toHaveURL(jobUrl);

  // A phone's width: the same page, one column, nothing cut off.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("button", { name: "Empezar el trabajo" })).toBeVisible();
  await expectFitsThePhone(page);
  await page.screenshot({ path: "test-results/screenshots/trabajo-detalle-movil.png", fullPage: true });
  await page.goto("/panel/trabajos");
  await expect(page.getByRole("link", { name: new RegExp(`^Trabajo #${number},`) })).toBeVisible();
  await expectFitsThePhone(page);
  await page.screenshot({ path: "test-results/screenshots/trabajos-lista-movil.png", fullPage: true });
});
