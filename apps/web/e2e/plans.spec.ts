import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { CLI_ENV } from "../playwright.config";
import { signIn, WEB } from "./panel-session";

// The plan matrix in the dashboard (issue 19): a FREE organization's owner sees the upgrade prompt instead of the
// assistant's settings on /panel/whatsapp, follows "Ver planes" to "Tu plan" and asks for PROFESIONAL — on a phone.
const SHOTS = "/tmp/campotech-plans-screenshots";
const root = fileURLToPath(new URL("../../../", import.meta.url));
const CUIT = "20267565393";

function sql(statement: string): string {
  const result = spawnSync("psql", [CLI_ENV.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-tAc", statement], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed:\n${result.stderr}`);
  return result.stdout.trim();
}

// A fresh FREE organization with its owner, made the way operators do it (the CLI); a rerun replaces it.
function freeOrganization(): { organizationId: string; ownerId: string } {
  sql(`DELETE FROM "Organization" WHERE "cuit" = '${CUIT}'`);
  const result = spawnSync("pnpm", ["-s", "campotech", "org", "create", "--name", "Gasista Gratis", "--cuit", CUIT, "--tier", "FREE", "--owner-phone", "11 5555-0190", "--owner-name", "Rocío", "--json"], { cwd: root, env: CLI_ENV, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`campotech org create failed:\n${result.stdout}\n${result.stderr}`);
  const out = JSON.parse(result.stdout) as { organization: { id: string }; owner: { id: string } };
  return { organizationId: out.organization.id, ownerId: out.owner.id };
}

test("a FREE owner sees the upgrade prompt instead of the AI settings and asks for PROFESIONAL", async ({ browser }) => {
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  const { organizationId, ownerId } = freeOrganization();
  const context = await browser.newContext({ baseURL: WEB, locale: "es-AR", timezoneId: "America/Argentina/Buenos_Aires", viewport: { width: 390, height: 844 } });
  await signIn(context, ownerId);
  const page = await context.newPage();

  await page.goto("/panel/whatsapp");
  const assistant = page.getByRole("region", { name: "Asistente" });
  const prompt = assistant.getByTestId("plan-upgrade");
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText("Disponible desde el plan Profesional");
  await expect(prompt).toContainText("Respuestas automáticas con IA");
  // Instead of the settings, not beside them.
  await expect(page.getByLabel("El asistente responde los mensajes de WhatsApp")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Guardar asistente" })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/whatsapp-upgrade-390.png`, fullPage: true });

  await prompt.getByRole("link", { name: "Ver planes" }).click();
  await expect(page).toHaveURL(/\/panel\/plan$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tu plan");
  await expect(page.getByTestId("plan-current")).toHaveText("Plan Gratis");
  await expect(page.getByTestId("plan-FREE")).toContainText("Tu plan");
  await expect(page.getByTestId("plan-PROFESIONAL")).toContainText("Respuestas automáticas con IA");
  // Gratis includes no assistant: said plainly, not drawn as a full red bar; its one responder seat is a real meter.
  await expect(page.getByTestId("plan-usage-ai-not-included")).toHaveText("Tu plan no lo incluye");
  await expect(page.getByRole("progressbar", { name: "Personas que responden la bandeja" })).toHaveAttribute("aria-valuetext", "1 de 1 personas");

  await page.getByRole("button", { name: "Pedir el cambio a Profesional" }).click();
  await expect(page.getByTestId("plan-request-pending")).toContainText("Pedido enviado: el equipo de CampoTech te contacta para activarlo");
  await expect(page.getByTestId("plan-request-pending")).toContainText("Pediste el cambio al plan Profesional.");
  expect(sql(`SELECT "fromTier" || '>' || "toTier" || ':' || "status" FROM "PlanChangeRequest" WHERE "organizationId" = '${organizationId}'`)).toBe("FREE>PROFESIONAL:PENDING");

  // Still pending after a reload, and the page fits a 390 px phone.
  await page.reload();
  await expect(page.getByTestId("plan-request-pending")).toContainText("Pedido enviado");
  await expect(page.getByRole("button", { name: "Pedido enviado" })).toBeDisabled();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/plan-pending-390.png`, fullPage: true });

  // The menu links to the page.
  await page.getByRole("button", { name: "Menú" }).click();
  await expect(page.getByRole("link", { name: "Plan", exact: true })).toBeVisible();
  await context.close();
  sql(`DELETE FROM "Organization" WHERE "id" = '${organizationId}'`);
});
