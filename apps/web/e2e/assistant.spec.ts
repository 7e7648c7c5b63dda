import { expect, test } from "@playwright/test";
import { SANDBOX, signIn } from "./panel-session";

// The assistant seen from the dashboard: a price question from the sandbox phone is answered from the price list,
// the reply is marked as the assistant's in the inbox, and the owner finds the quoted lead under Oportunidades.
test("a price question from WhatsApp becomes an answered chat and a quoted lead the owner follows up", async ({ page, context }) => {
  test.setTimeout(60_000);
  await signIn(context);
  const res = await fetch(`${SANDBOX}/_sandbox/customers/5491155550987/messages`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "text", text: "cuánto sale destapar una cloaca?" }),
  });
  expect(res.ok).toBe(true);

  await page.goto("/panel/bandeja");
  await page.locator('a[data-phone="+5491155550987"]').click({ timeout: 15_000 });
  const reply = page.getByRole("list", { name: "Mensajes" }).locator("li", { hasText: "Destapación de cloaca tiene un costo de $38.000 + IVA" });
  await expect(reply).toBeVisible({ timeout: 20_000 });
  await expect(reply).toContainText("Asistente automático");

  await page.getByRole("navigation", { name: "Secciones" }).getByRole("link", { name: "Oportunidades" }).click();
  const lead = page.locator("tr", { hasText: "11 5555-0987" });
  await expect(lead).toContainText("cuánto sale destapar una cloaca?");
  await expect(lead).toContainText("$ 38.000");
  await expect(lead.getByLabel("Estado")).toHaveValue("QUOTED");
  await page.screenshot({ path: "test-results/screenshots/oportunidades.png", fullPage: true });
  const saved = page.waitForResponse((r) => r.url().includes("/api/leads/") && r.request().method() === "PATCH");
  await lead.getByLabel("Estado").selectOption("WON");
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(page.locator("tr", { hasText: "11 5555-0987" }).getByLabel("Estado")).toHaveValue("WON");
});
