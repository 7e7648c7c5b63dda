import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { CLI_ENV } from "../playwright.config";
import { SANDBOX, signIn } from "./panel-session";

// issue 19 (provisioning): the owner gets a WhatsApp number from CampoTech on /panel/whatsapp — area code, reserve
// (countdown), the code the sandbox's Partner API texted to the owner's phone, a wrong try, then the right one.
function sql(statement: string): string {
  const result = spawnSync("psql", [CLI_ENV.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-tAc", statement], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed:\n${result.stderr}`);
  return result.stdout.trim();
}

// The demo owner's phone (+5491140000001) as the sandbox files its SMS.
async function smsCode(): Promise<string> {
  const inbox = (await (await fetch(`${SANDBOX}/_sandbox/customers/5491140000001/inbox`)).json()) as { provider: string; payload: { Body?: string } }[];
  return /\b(\d{6})\b/.exec(inbox.filter((m) => m.provider === "DIALOG_360_SMS").at(-1)?.payload.Body ?? "")?.[1] ?? "";
}

test("an owner gets a WhatsApp number: area code → reserve → SMS code → active", async ({ page, context }) => {
  sql(`DELETE FROM "NumberProvisioning" WHERE "organizationId" = 'demo-org'`);
  await signIn(context);
  await page.goto("/panel/whatsapp");
  const wizard = page.getByRole("region", { name: "Conseguí tu número de WhatsApp" });
  await wizard.getByLabel("Código de área").selectOption("351");
  await wizard.getByRole("button", { name: "Buscar números" }).click();
  await wizard.getByRole("list", { name: "Números disponibles" }).getByRole("button", { name: /^Reservar / }).first().click();
  await expect(wizard.getByRole("timer", { name: "Tiempo de reserva" })).toHaveText(/^[45]:\d\d$/);
  const number = (await wizard.getByTestId("wizard-number").textContent()) ?? "";
  expect(number).toMatch(/^351/);

  await wizard.getByRole("button", { name: "Mandarme el código por SMS" }).click();
  await expect(wizard.getByText("Te mandamos un código por SMS a tu celular")).toBeVisible();
  const code = await smsCode();
  expect(code).toMatch(/^\d{6}$/);

  await wizard.getByLabel("Código de verificación").fill(code === "000000" ? "111111" : "000000");
  await wizard.getByRole("button", { name: "Verificar" }).click();
  await expect(wizard.getByRole("alert")).toHaveText("El código no es correcto. Te quedan 4 intentos.");

  await wizard.getByLabel("Código de verificación").fill(code);
  await wizard.getByRole("button", { name: "Verificar" }).click();
  await expect(wizard.getByRole("heading", { name: "Tu número está activo" })).toBeVisible();
  await expect(wizard.getByTestId("wizard-number")).toHaveText(number);
  // The new 360dialog account is in the connection list.
  await expect(page.getByTestId("account").filter({ has: page.getByRole("heading", { name: `360dialog · ${number}` }) })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/whatsapp-numero-activo.png", fullPage: true });
  expect(sql(`SELECT status FROM "NumberProvisioning" WHERE "organizationId" = 'demo-org' ORDER BY "createdAt" DESC LIMIT 1`)).toBe("ACTIVE");
});
