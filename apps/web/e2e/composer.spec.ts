import { spawnSync } from "node:child_process";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { CLI_ENV } from "../playwright.config";
import { signIn } from "./panel-session";

// The inbox composer in Chromium: on a closed window the template picker offers only what a customer may receive
// (no login code, no staff alert), picks nothing for the person, names its fields and prefills them from the
// conversation (the customer's next visit), with the preview always in view; on an open window, quick replies
// written on /panel/respuestas are inserted by typing "/". Own customers and replies (unique names), so the demo
// seed other specs rely on is left as it was.
function sql(statement: string): string {
  const result = spawnSync("psql", [CLI_ENV.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-tAc", statement], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed:\n${result.stderr}`);
  return result.stdout.trim();
}

const VIEWPORTS = [
  { name: "desktop", width: 1366, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

// The visit: two days from now at 13:30 UTC, which is 10:30 in Buenos Aires.
const VISIT = new Date(Date.now() + 2 * 86_400_000);
VISIT.setUTCHours(13, 30, 0, 0);
const AR = { timeZone: "America/Argentina/Buenos_Aires" } as const;
const VISIT_DATE = `${new Intl.DateTimeFormat("es-AR", { ...AR, weekday: "long" }).format(VISIT)} ${new Intl.DateTimeFormat("es-AR", { ...AR, day: "2-digit", month: "2-digit" }).format(VISIT)}`;
const utc = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

// Valeria's window is closed and she has a visit booked with Sofía; Nicolás wrote a few minutes ago.
test.beforeAll(() => {
  sql(`INSERT INTO "Customer" (id, "organizationId", phone, "waId", name, "updatedAt") VALUES
        ('e2e-composer-valeria', 'demo-org', '+5491155550931', '5491155550931', 'Valeria Quiroga', now()),
        ('e2e-composer-nicolas', 'demo-org', '+5491155550932', '5491155550932', 'Nicolás Ferreyra', now())
       ON CONFLICT (id) DO NOTHING`);
  sql(`INSERT INTO "WhatsAppConversation" (id, "organizationId", "customerId", "accountId", "lastInboundAt", "lastMessageAt", "windowExpiresAt", "updatedAt") VALUES
        ('e2e-composer-closed', 'demo-org', 'e2e-composer-valeria', 'demo-wa-meta', (now() at time zone 'utc') - interval '3 days', (now() at time zone 'utc') - interval '3 days', (now() at time zone 'utc') - interval '2 days', now()),
        ('e2e-composer-open', 'demo-org', 'e2e-composer-nicolas', 'demo-wa-meta', (now() at time zone 'utc') - interval '5 minutes', (now() at time zone 'utc') - interval '5 minutes', (now() at time zone 'utc') + interval '20 hours', now())
       ON CONFLICT (id) DO UPDATE SET "windowExpiresAt" = EXCLUDED."windowExpiresAt"`);
  sql(`INSERT INTO "Job" (id, "organizationId", number, "customerId", address, "serviceType", description, status, "scheduledStart", "scheduledEnd", "technicianId", "updatedAt")
       SELECT 'e2e-composer-job', 'demo-org', COALESCE(MAX(number), 0) + 1, 'e2e-composer-valeria', 'Gorriti 4800', 'GAS', 'Revisión de calefón', 'scheduled',
              '${utc(VISIT)}', '${utc(new Date(VISIT.getTime() + 3600_000))}', 'demo-user-tech-2', now() FROM "Job" WHERE "organizationId" = 'demo-org'
       ON CONFLICT (id) DO UPDATE SET "scheduledStart" = EXCLUDED."scheduledStart", "scheduledEnd" = EXCLUDED."scheduledEnd", status = 'scheduled'`);
});

async function snap(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function expectNoOverflow(page: Page, width: number) {
  if (width > 390) return;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

// The whole platform runs on a small shared machine: generous limits, no assertion about speed.
test.describe.configure({ timeout: 120_000 });
const slow = { timeout: 20_000 };

for (const viewport of VIEWPORTS) {
  test.describe(`composer at ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("the template picker offers no internal template, picks none, and prefills named fields with the preview in view", async ({ page, context }, testInfo) => {
      const token = await signIn(context);
      await page.goto("/panel/bandeja?c=e2e-composer-closed");
      await expect(page.getByRole("heading", { level: 1, name: "Valeria Quiroga" })).toBeVisible();
      const picker = page.getByTestId("template-picker");
      await expect(picker).toBeVisible(slow);
      const offered = await picker.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value && o.textContent));
      expect(offered).toContain("job_scheduled");
      expect(offered).not.toContain("otp_code");
      expect(offered).not.toContain("staff_alert");
      // Nothing is picked for the person: the placeholder is selected and sending waits for a choice.
      await expect(picker).toHaveValue("");
      await expect(page.getByRole("button", { name: "Enviar plantilla" })).toBeDisabled();
      const preview = page.getByLabel("Vista previa");
      await expect(preview).toHaveText("Elegí una plantilla para ver cómo le llega al cliente.");

      await picker.selectOption({ label: "job_scheduled" });
      await expect(page.getByLabel("Nombre del cliente")).toHaveValue("Valeria");
      await expect(page.getByLabel("Fecha del turno")).toHaveValue(VISIT_DATE);
      await expect(page.getByLabel("Hora del turno")).toHaveValue("10:30");
      await expect(page.getByLabel("Técnico")).toHaveValue("Sofía Benítez");
      await expect(page.getByText(/Variable \{\{/)).toHaveCount(0);
      await expect(preview).toHaveText(`Hola Valeria, tu turno quedó agendado para el ${VISIT_DATE} a las 10:30. Técnico: Sofía Benítez.`);
      await expect(preview).toBeInViewport();
      // The preview follows the fields while they are edited; an emptied field shows its name.
      await page.getByLabel("Técnico").fill("");
      await expect(preview).toHaveText(`Hola Valeria, tu turno quedó agendado para el ${VISIT_DATE} a las 10:30. Técnico: [Técnico].`);
      await page.getByLabel("Técnico").fill("Diego");
      await expect(preview).toContainText("Técnico: Diego.");
      await expect(preview).toBeInViewport();
      await page.getByLabel("Nombre del cliente").focus();
      await expect(preview).toBeInViewport();
      await expectNoOverflow(page, viewport.width);
      await snap(page, testInfo, `composer-plantilla-${viewport.name}`);

      // The server refuses an internal template even when asked directly, in Spanish.
      const refused = await page.request.post("/api/whatsapp/conversations/e2e-composer-closed/messages", {
        headers: { authorization: `Bearer ${token}` },
        data: { content: { type: "template", name: "otp_code", language: "es_AR", components: [{ type: "body", parameters: [{ type: "text", text: "123456" }] }] } },
      });
      expect(refused.status()).toBe(422);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("es de uso interno de CampoTech: no se puede enviar a clientes");
    });

    test('quick replies made on /panel/respuestas are inserted in a chat with "/"', async ({ page, context }, testInfo) => {
      await signIn(context);
      const shortcut = `demora-${viewport.name}-${Date.now() % 100_000}`;
      await page.goto("/panel/respuestas");
      await expect(page.getByRole("heading", { level: 1, name: "Respuestas rápidas" })).toBeVisible();
      // The seed's two are there.
      await expect(page.locator('[data-testid="quick-reply"][data-shortcut="horarios"]')).toBeVisible();
      const form = page.getByRole("form", { name: "Nueva respuesta rápida" });
      await form.getByLabel("Atajo").fill(shortcut);
      await form.getByLabel("Título").fill("Técnico demorado");
      await form.getByLabel("Texto").fill("Hola {nombre}, el técnico viene unos 20 minutos demorado.");
      await form.getByRole("button", { name: "Crear respuesta" }).click();
      const item = page.locator(`[data-testid="quick-reply"][data-shortcut="${shortcut}"]`);
      await expect(item).toContainText("Técnico demorado", slow);

      // A shortcut in use, with another text: refused in Spanish next to the field.
      await form.getByLabel("Atajo").fill(shortcut);
      await form.getByLabel("Título").fill("Otra");
      await form.getByLabel("Texto").fill("Otro texto");
      await form.getByRole("button", { name: "Crear respuesta" }).click();
      await expect(form.getByRole("alert")).toHaveText("Ya existe: elegí otro atajo.");

      // Edited in place.
      await item.getByRole("button", { name: `Editar /${shortcut}` }).click();
      await item.getByLabel("Título").fill("Técnico demorado (20 min)");
      await item.getByRole("button", { name: "Guardar cambios" }).click();
      await expect(item.getByRole("heading")).toContainText("Técnico demorado (20 min)", slow);
      await expectNoOverflow(page, viewport.width);
      await snap(page, testInfo, `respuestas-${viewport.name}`);

      await page.goto("/panel/bandeja?c=e2e-composer-open");
      await expect(page.getByRole("heading", { level: 1, name: "Nicolás Ferreyra" })).toBeVisible();
      const box = page.getByRole("textbox", { name: "Mensaje" });
      const list = page.getByRole("listbox", { name: "Respuestas rápidas" });
      await box.click();
      await box.pressSequentially("Perfecto. /");
      await expect(list).toBeVisible(slow);
      await expect(list.getByRole("option", { name: new RegExp(`/${shortcut}`) })).toBeVisible();
      // Filtered as the shortcut is typed; Esc closes without touching the text.
      await box.pressSequentially(shortcut);
      await expect(list.getByRole("option")).toHaveCount(1);
      await expectNoOverflow(page, viewport.width);
      await snap(page, testInfo, `composer-barra-${viewport.name}`);
      await box.press("Escape");
      await expect(list).toHaveCount(0);
      await expect(box).toHaveValue(`Perfecto. /${shortcut}`);

      // Enter inserts the highlighted reply with the customer's first name.
      await box.fill("Perfecto. ");
      await box.pressSequentially(`/${shortcut}`);
      await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
      await box.press("Enter");
      await expect(list).toHaveCount(0);
      await expect(box).toHaveValue("Perfecto. Hola Nicolás, el técnico viene unos 20 minutos demorado.");

      // ↓/↑ move the highlight and Tab inserts the highlighted one: "/" alone lists every reply, by shortcut.
      await box.fill("");
      await box.pressSequentially("/");
      const options = list.getByRole("option");
      // Each option shows the text exactly as it will be inserted.
      const secondText = await options.nth(1).locator("span").textContent();
      await box.press("ArrowDown");
      await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
      await box.press("ArrowUp");
      await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
      await box.press("ArrowDown");
      await box.press("Tab");
      await expect(box).toHaveValue(secondText!);
      await expect(box).toBeFocused();
      await box.fill("");
      await box.pressSequentially("/hor");
      await box.press("Tab");
      await expect(box).toHaveValue("Hola Nicolás, atendemos de lunes a viernes de 8 a 18 y los sábados de 9 a 13. Urgencias de gas, todos los días.");

      // Deleted from the management page: gone for everyone.
      await page.goto("/panel/respuestas");
      await item.getByRole("button", { name: `Borrar /${shortcut}` }).click();
      await item.getByRole("button", { name: `Sí, borrar /${shortcut}` }).click();
      await expect(item).toHaveCount(0, slow);
    });
  });
}
