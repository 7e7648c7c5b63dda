import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { CLI_ENV } from "../playwright.config";
import { SANDBOX, signIn } from "./panel-session";

// The WhatsApp settings and templates pages in Chromium against the whole platform: resolve a panic mode, replay a
// failed message until the workers hand it to the sandbox, and create a template that waits for approval.
// Fixtures are inserted with psql as the admin role (the same rows the platform writes when sends fail).
function sql(statement: string): string {
  const result = spawnSync("psql", [CLI_ENV.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-tAc", statement], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed:\n${result.stderr}`);
  return result.stdout.trim();
}

type SandboxRequest = { receivedAt: string; body: { to?: string; type?: string; text?: { body: string } } };

test.describe("whatsapp settings", () => {
  test("resolves a panic mode with a note", async ({ page, context }) => {
    const id = `e2e-panic-${randomUUID()}`;
    sql(`INSERT INTO "PanicMode" (id, "organizationId", integration, status, reason) VALUES ('${id}', 'demo-org', 'whatsapp:demo-wa-meta', 'ACTIVE', 'error 131031: cuenta bloqueada')`);
    await signIn(context);
    await page.goto("/panel/whatsapp");
    const active = page.getByRole("list", { name: "Modos pánico activos" });
    const item = active.getByTestId("panic-active").filter({ hasText: "error 131031: cuenta bloqueada" });
    await expect(item).toBeVisible();
    await expect(item).toContainText("whatsapp:demo-wa-meta");
    await page.screenshot({ path: "test-results/screenshots/whatsapp-panico.png", fullPage: true });
    await item.getByRole("button", { name: "Resolver" }).click();
    await item.getByLabel("Nota de resolución").fill("Meta desbloqueó la cuenta");
    await item.getByRole("button", { name: "Confirmar resolución" }).click();
    await expect(page.getByTestId("panic-active").filter({ hasText: "error 131031: cuenta bloqueada" })).toHaveCount(0);
    await expect(page.getByTestId("panic-none")).toBeVisible();
    expect(sql(`SELECT status || '|' || resolution FROM "PanicMode" WHERE id = '${id}'`)).toBe("RESOLVED|Meta desbloqueó la cuenta");
    // The history keeps it, collapsed.
    await page.getByText(/Historial de resueltos/).click();
    await expect(page.getByRole("cell", { name: "Meta desbloqueó la cuenta" })).toBeVisible();
  });

  test("shows the connection with masked credentials and saves the assistant settings", async ({ page, context }) => {
    await signIn(context);
    await page.goto("/panel/whatsapp");
    const meta = page.getByTestId("account").filter({ has: page.getByRole("heading", { name: /^Meta/ }) });
    await expect(meta).toContainText("/api/webhooks/whatsapp");
    await expect(meta.locator("dd code").first()).toHaveText(/^••••/);
    await meta.getByRole("button", { name: "Cambiar credenciales" }).click();
    await expect(meta.getByLabel("Token de acceso (System User)")).toHaveAttribute("type", "password");
    await expect(meta.getByLabel("Token de acceso (System User)")).toHaveValue("");
    await meta.getByRole("button", { name: "Cancelar" }).click();
    await page.getByLabel("Minutos en silencio cuando una persona toma la conversación").fill("45");
    await page.getByRole("button", { name: "Guardar asistente" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Guardado." })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Minutos en silencio cuando una persona toma la conversación")).toHaveValue("45");
  });

  test("replays a dead letter and the workers deliver it", async ({ page, context }) => {
    const id = `e2e-dead-${randomUUID()}`;
    const body = `Mañana pasamos entre las 14 y las 16 (${id.slice(-6)})`;
    const content = JSON.stringify({ type: "text", body, preview: body }).replaceAll("'", "''");
    sql(`INSERT INTO "WhatsAppMessage" (id, "organizationId", "conversationId", "accountId", direction, type, content, status, "errorCode", "errorTitle", "createdAt", "updatedAt")
         VALUES ('${id}', 'demo-org', 'demo-conv-1', 'demo-wa-meta', 'OUTBOUND', 'TEXT', '${content}'::jsonb, 'FAILED', '131000', 'Something went wrong', now(), now());
         INSERT INTO "OutboundDelivery" (id, "organizationId", "messageId", "accountId", recipient, attempts, "lastErrorCode", "lastErrorTitle", "deadLetteredAt", "deadLetterReason", "createdAt", "updatedAt")
         VALUES ('${id}-d', 'demo-org', '${id}', 'demo-wa-meta', '5491155550123', 5, '131000', 'Something went wrong', now(), 'retries exhausted', now(), now());`);
    await signIn(context);
    await page.goto("/panel/whatsapp");
    const row = page.getByTestId("dead-letter").filter({ hasText: body });
    await expect(row).toBeVisible();
    await expect(row).toContainText("Martina Gómez");
    await expect(row).toContainText("11 5555-0123");
    await expect(page.getByRole("progressbar", { name: "Mensajes enviados" })).toHaveAttribute("aria-valuetext", /\d+ de [\d.]+ mensajes/);
    await page.screenshot({ path: "test-results/screenshots/whatsapp.png", fullPage: true });
    await row.getByRole("button", { name: "Reintentar" }).click();
    await expect(page.getByTestId("dead-letter").filter({ hasText: body })).toHaveCount(0);
    await expect.poll(async () => {
      const requests = (await (await fetch(`${SANDBOX}/_sandbox/requests?provider=meta&path=/messages`)).json()) as SandboxRequest[];
      return requests.some((r) => r.body.to === "5491155550123" && r.body.text?.body === body);
    }, { timeout: 20_000 }).toBe(true);
  });
});

test.describe("templates", () => {
  test("lists the approved templates and creates one that waits for approval", async ({ page, context }) => {
    // Keep the sandbox's review from approving it before we look (it approves after 2 s by default).
    await fetch(`${SANDBOX}/_sandbox/config`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ templateApprovalDelayMs: null }) });
    try {
      await signIn(context);
      await page.goto("/panel/plantillas");
      const list = page.getByRole("list", { name: "Plantillas" });
      const reminder = list.locator('[data-name="job_reminder"]');
      await expect(reminder).toContainText("Aprobada");
      await expect(reminder.locator("mark").first()).toHaveText("{{1}}");
      await expect(page.getByRole("link", { name: "Bandeja" }).last()).toBeVisible();

      // The server's Spanish validation shows next to the field.
      await page.getByLabel("Nombre").fill("Aviso Demora");
      await page.getByLabel("Texto del mensaje").fill("Hola {{1}}, el técnico viene demorado unos minutos. ¡Perdón!");
      await page.getByRole("button", { name: "Enviar para aprobación" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Usá solo minúsculas" })).toBeVisible();

      await page.getByLabel("Nombre").fill("aviso_demora");
      await page.getByLabel("Ejemplo para {{1}}").fill("Martina");
      await page.getByRole("button", { name: "Enviar para aprobación" }).click();
      await expect(page.getByRole("status").filter({ hasText: "aviso_demora" })).toBeVisible();
      const created = list.locator('[data-name="aviso_demora"]');
      await expect(created).toContainText("Pendiente");
      await expect(created).toContainText("el técnico viene demorado");

      await page.getByRole("button", { name: "Sincronizar ahora" }).click();
      await expect(page.getByTestId("sync-result")).toContainText(/\d+ en total/);
      await page.screenshot({ path: "test-results/screenshots/plantillas.png", fullPage: true });
    } finally {
      await fetch(`${SANDBOX}/_sandbox/config`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ templateApprovalDelayMs: 2000 }) });
    }
  });
});
