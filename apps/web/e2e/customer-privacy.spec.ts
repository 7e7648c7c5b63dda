import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { CLI_ENV } from "../playwright.config";
import { signIn } from "./panel-session";

// issue 20 (retention): the owner exports everything held about a customer and erases it (Ley 25.326). Fixtures go in
// with psql as the admin role and are removed at the end.
function sql(statement: string): string {
  const result = spawnSync("psql", [CLI_ENV.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-tAc", statement], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed:\n${result.stderr}`);
  return result.stdout.trim();
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

const VIEWPORTS = [
  { name: "desktop", width: 1366, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

for (const [index, viewport] of VIEWPORTS.entries()) {
  test(`the owner exports a customer's data and erases it (${viewport.name})`, async ({ page, context }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const run = `${String(Date.now()).slice(-5)}${index}`;
    const id = `e2e-pv-${run}`;
    sql(`INSERT INTO "Customer" (id, "organizationId", phone, "waId", name, email, notes, "createdAt", "updatedAt") VALUES
      ('${id}', 'demo-org', '+5491176${run}', '5491176${run}', 'Lucía Privacidad', 'lucia@example.com', 'Portero 4B', now(), now())`);
    sql(`INSERT INTO "WhatsAppConversation" (id, "organizationId", "customerId", "accountId", "lastMessageAt", "createdAt", "updatedAt")
      VALUES ('${id}-conv', 'demo-org', '${id}', 'demo-wa-meta', now(), now(), now())`);
    sql(`INSERT INTO "WhatsAppMessage" (id, "organizationId", "conversationId", direction, type, content, status, "createdAt", "updatedAt")
      VALUES ('${id}-msg', 'demo-org', '${id}-conv', 'INBOUND', 'TEXT', '{"body":"Se me apagó el calefón"}', 'RECEIVED', now(), now())`);
    try {
      await signIn(context);
      await page.goto(`/panel/clientes/${id}`);
      const card = page.getByRole("region", { name: "Datos personales" });
      await expect(card).toBeVisible();
      await shot(page, testInfo, `cliente-datos-personales-${viewport.name}`);

      // Exportar datos: a JSON download with what the business holds.
      const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "Exportar datos" }).click()]);
      const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as { customer: { name: string }; conversations: { messages: { content: { body?: string } }[] }[] };
      expect(exported.customer.name).toBe("Lucía Privacidad");
      expect(exported.conversations[0]!.messages[0]!.content.body).toBe("Se me apagó el calefón");

      // The printable copy.
      const printable = await context.newPage();
      await printable.setViewportSize({ width: viewport.width, height: viewport.height });
      await printable.goto(`/api/customers/${id}/data-export?formato=html`);
      await expect(printable.getByRole("heading", { level: 1 })).toHaveText("Datos personales de Lucía Privacidad");
      await expect(printable.locator("body")).toContainText("Se me apagó el calefón");
      expect(await printable.evaluate(() => document.documentElement.scrollWidth), "printable page wider than the screen").toBeLessThanOrEqual(viewport.width);
      await shot(printable, testInfo, `cliente-exportacion-imprimible-${viewport.name}`);
      await printable.close();

      // Eliminar datos personales: confirmation needs the name (or ELIMINAR).
      await card.getByRole("button", { name: "Eliminar datos personales" }).click();
      const dialog = card.getByRole("dialog");
      const confirm = dialog.getByRole("button", { name: "Sí, eliminar sus datos" });
      await dialog.getByLabel(/escribí el nombre del cliente/).fill("otra persona");
      await expect(confirm).toBeDisabled();
      await dialog.getByLabel(/escribí el nombre del cliente/).fill("lucía privacidad");
      await expect(confirm).toBeEnabled();
      await shot(page, testInfo, `cliente-eliminar-confirmacion-${viewport.name}`);
      await confirm.click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cliente eliminado", { timeout: 15_000 });
      await expect(page.getByRole("region", { name: "Datos personales" })).toContainText("se eliminaron el");
      // The forms show what is stored now, not what was typed before the erasure.
      await expect(page.getByRole("region", { name: "Notas" }).locator("textarea")).toHaveValue("");
      await expect(page.getByRole("region", { name: "Datos para facturar" }).getByLabel("Email")).toHaveValue("");
      expect(sql(`SELECT coalesce(phone, '') || '|' || coalesce(email, '') FROM "Customer" WHERE id = '${id}'`)).toBe("|");
      expect(sql(`SELECT content->>'preview' FROM "WhatsAppMessage" WHERE id = '${id}-msg'`)).toBe("[Mensaje eliminado a pedido del cliente]");
      await shot(page, testInfo, `cliente-eliminado-${viewport.name}`);
    } finally {
      sql(`DELETE FROM "Customer" WHERE id = '${id}'`);
    }
  });
}

test("a dispatcher sees no privacy actions on the customer page", async ({ page, context }) => {
  await signIn(context, "demo-user-dispatcher");
  const id = sql(`SELECT id FROM "Customer" WHERE "organizationId" = 'demo-org' AND "staffUserId" IS NULL ORDER BY "createdAt" LIMIT 1`);
  await page.goto(`/panel/clientes/${id}`);
  await expect(page.getByRole("heading", { level: 2, name: "Contacto" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Datos personales" })).toHaveCount(0);
});
