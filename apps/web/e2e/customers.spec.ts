import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { CLI_ENV } from "../playwright.config";
import { signIn } from "./panel-session";

// Fixtures are inserted with psql as the admin role (rows WhatsApp would have created); removed at the end so the
// demo seed's own "Martina Gómez" is the only one other specs see.
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

async function expectNoOverflow(page: Page, width: number) {
  if (width > 400) return;
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "page wider than the phone").toBeLessThanOrEqual(width);
}

const VIEWPORTS = [
  { name: "desktop", width: 1366, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

for (const [index, viewport] of VIEWPORTS.entries()) {
  test(`the office merges two Martina Gómez, tags her, keeps her addresses and exports her (${viewport.name})`, async ({ page, context }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const run = `${String(Date.now()).slice(-5)}${index}`;
    const [keep, dup] = [`e2e-cu-${run}-a`, `e2e-cu-${run}-b`];
    const tag = `e2e ${run}`;
    sql(`INSERT INTO "Customer" (id, "organizationId", phone, "waId", name, notes, "createdAt", "updatedAt") VALUES
      ('${keep}', 'demo-org', '+5491177${run}', '5491177${run}', 'Martina Gómez', 'Cliente de la oficina', now(), now()),
      ('${dup}', 'demo-org', '+5491178${run}', '5491178${run}', 'Martina Gómez', 'Escribió por WhatsApp', now(), now())`);
    sql(`INSERT INTO "WhatsAppConversation" (id, "organizationId", "customerId", "accountId", "lastMessageAt", "createdAt", "updatedAt")
      VALUES ('${dup}-conv', 'demo-org', '${dup}', 'demo-wa-meta', now(), now(), now())`);
    sql(`INSERT INTO "WhatsAppMessage" (id, "organizationId", "conversationId", direction, type, content, status, "createdAt", "updatedAt")
      VALUES ('${dup}-msg', 'demo-org', '${dup}-conv', 'INBOUND', 'TEXT', '{"body":"Hola, soy Martina"}', 'RECEIVED', now(), now())`);
    try {
      await signIn(context);

      // The list flags her as a likely duplicate; phones read as people write them.
      await page.goto(`/panel/clientes?q=77${run}`);
      const row = page.locator("tbody tr").filter({ has: page.getByRole("link", { name: "Martina Gómez" }) });
      await expect(row).toHaveCount(1);
      await expect(row.getByRole("link", { name: /Posible duplicado/ })).toBeVisible();
      await expect(row).toContainText(`11 77${run.slice(0, 2)}-${run.slice(2)}`);
      await expectNoOverflow(page, viewport.width);
      await shot(page, testInfo, `clientes-lista-${viewport.name}`);

      // Merge: pick who stays, see what moves, confirm.
      await page.goto(`/panel/clientes/unir?a=${keep}&b=${dup}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unir clientes");
      const moves = page.getByTestId("merge-moves");
      await expect(moves).toContainText("1 conversación");
      await expect(moves).toContainText("1 mensaje");
      await expectNoOverflow(page, viewport.width);
      await shot(page, testInfo, `clientes-unir-${viewport.name}`);
      await page.getByRole("button", { name: "Unir en «Martina Gómez»" }).click();
      await expect(page).toHaveURL(new RegExp(`/panel/clientes/${keep}\\?unido=1$`), { timeout: 15_000 });
      await expect(page.getByRole("region", { name: "Conversaciones" })).toContainText("Conversación por WhatsApp");
      await expect(page.locator("textarea")).toHaveValue("Cliente de la oficina\n\nEscribió por WhatsApp");
      expect(sql(`SELECT "mergedIntoId" FROM "Customer" WHERE id = '${dup}'`)).toBe(keep);

      // Tags: normalized on the way in, shown, and filter the list.
      await page.getByLabel("Nueva etiqueta").fill(`  ${tag.toUpperCase()} `);
      await page.getByRole("button", { name: "Agregar", exact: true }).click();
      const tags = page.getByRole("list", { name: "Etiquetas" });
      await expect(tags.getByRole("link", { name: tag, exact: true })).toBeVisible();

      // Address book: add two, make the second the default, edit the first, remove the second.
      const book = page.getByRole("region", { name: "Direcciones" });
      const contact = page.getByRole("region", { name: "Contacto" });
      await book.getByRole("button", { name: "Agregar dirección" }).click();
      await book.getByLabel("Calle y número").fill("Av. Corrientes 1234");
      await book.getByLabel("Piso / depto").fill("3° B");
      await book.getByLabel("Localidad").fill("CABA");
      await book.getByRole("button", { name: "Guardar dirección" }).click();
      await expect(book.getByRole("listitem").filter({ hasText: "Av. Corrientes 1234" })).toContainText("Predeterminada");
      await book.getByRole("button", { name: "Agregar dirección" }).click();
      await book.getByLabel("Calle y número").fill("Lavalle 500");
      await book.getByLabel("Localidad").fill("Olivos");
      await book.getByLabel("Nombre").fill("Oficina");
      await book.getByRole("button", { name: "Guardar dirección" }).click();
      const office = book.getByRole("listitem").filter({ hasText: "Lavalle 500" });
      await office.getByRole("button", { name: "Usar como predeterminada" }).click();
      await expect(office).toContainText("Predeterminada");
      await expect(contact).toContainText("Lavalle 500, Olivos");
      await book.getByRole("listitem").filter({ hasText: "Av. Corrientes 1234" }).getByRole("button", { name: "Editar" }).click();
      await book.getByLabel("Calle y número").fill("Av. Corrientes 1240");
      await book.getByRole("button", { name: "Guardar dirección" }).click();
      await expect(book.getByRole("listitem").filter({ hasText: "Av. Corrientes 1240" })).toBeVisible();
      await expectNoOverflow(page, viewport.width);
      await shot(page, testInfo, `cliente-ficha-${viewport.name}`);
      await office.getByRole("button", { name: "Borrar Lavalle 500" }).click();
      await expect(book.getByRole("listitem")).toHaveCount(1);
      await expect(book.getByRole("listitem")).toContainText("Predeterminada");
      await expect(contact).toContainText("Av. Corrientes 1240, 3° B, CABA");

      // The merged row's page points at the survivor.
      await page.goto(`/panel/clientes/${dup}`);
      await expect(page.getByRole("status")).toContainText("Este cliente se unió a Martina Gómez");

      // Filter by the tag, then download exactly that as CSV.
      await page.goto("/panel/clientes");
      await page.getByLabel("Etiqueta").selectOption(tag);
      await page.getByRole("button", { name: "Buscar" }).click();
      await expect(page).toHaveURL(/etiqueta=/);
      await expect(page.locator("tbody tr")).toHaveCount(1);
      await expectNoOverflow(page, viewport.width);
      await shot(page, testInfo, `clientes-etiqueta-${viewport.name}`);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exportar CSV" }).click()]);
      expect(download.suggestedFilename()).toMatch(/^clientes-\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
      expect(lines[0]).toBe("Nombre,Teléfono,Email,Dirección,Localidad,Etiquetas,Documento,Notas,Acepta mensajes,Cliente desde");
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`Martina Gómez,11 77${run.slice(0, 2)}-${run.slice(2)},,"Av. Corrientes 1240, 3° B",CABA,${tag},`);
    } finally {
      sql(`DELETE FROM "Customer" WHERE id IN ('${keep}', '${dup}')`);
    }
  });
}
