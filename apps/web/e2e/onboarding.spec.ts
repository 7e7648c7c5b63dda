import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { WEB } from "./panel-session";
import { codeSentTo, randomMobile, signUpBusiness, sql } from "./signup-flow";

// Issue 19's whole path, as a new business lives it at a desktop: it signs up on the public page (trying
// Profesional), follows the checklist's WhatsApp step to get a number from the sandbox's Partner API with the code
// texted to the owner, invites a technician who joins with their own code, and watches the checklist fill. A second
// business that chose Gratis sees the upgrade prompt where the assistant's settings would be.
const CONTEXT = { baseURL: WEB, locale: "es-AR", timezoneId: "America/Argentina/Buenos_Aires", viewport: { width: 1366, height: 900 } } as const;

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

test("a business signs up, gets its WhatsApp number with the SMS code, and a technician joins with theirs", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const office = await browser.newContext(CONTEXT);
  const page = await office.newPage();
  const owner = await signUpBusiness(page, { businessName: "Climatización Arce", ownerName: "Lucía Arce", plan: "Probar Profesional 14 días" });
  const organizationId = sql(`SELECT id FROM "Organization" WHERE cuit = '${owner.cuit}'`);
  const checklist = page.getByTestId("onboarding");
  await expect(checklist.getByTestId("onboarding-whatsapp")).toHaveAttribute("data-done", "false");
  await expect(checklist.getByTestId("onboarding-team")).toHaveAttribute("data-done", "false");
  const before = Number((await checklist.getByTestId("onboarding-progress").textContent())!.match(/^(\d) de 6/)![1]);

  // The checklist's WhatsApp step opens the number wizard.
  await checklist.getByRole("link", { name: "Conectá tu número de WhatsApp" }).click();
  await expect(page).toHaveURL(/\/panel\/whatsapp#numero$/);
  const wizard = page.getByRole("region", { name: "Conseguí tu número de WhatsApp" });
  await wizard.getByLabel("Código de área").selectOption("261");
  await wizard.getByRole("button", { name: "Buscar números" }).click();
  await wizard.getByRole("list", { name: "Números disponibles" }).getByRole("button", { name: /^Reservar / }).first().click();
  await expect(wizard.getByRole("timer", { name: "Tiempo de reserva" })).toHaveText(/^[45]:\d\d$/);
  const number = (await wizard.getByTestId("wizard-number").textContent()) ?? "";
  expect(number).toMatch(/^261/);
  await wizard.getByRole("button", { name: "Mandarme el código por SMS" }).click();
  await expect(wizard.getByText("Te mandamos un código por SMS a tu celular")).toBeVisible();
  // Texted by the Partner API to the owner's registered phone (the one that signed up).
  const smsCode = await codeSentTo(owner.waId, /\b(\d{6})\b/, "DIALOG_360_SMS");
  await wizard.getByLabel("Código de verificación").fill(smsCode === "000000" ? "111111" : "000000");
  await wizard.getByRole("button", { name: "Verificar" }).click();
  await expect(wizard.getByRole("alert")).toHaveText("El código no es correcto. Te quedan 4 intentos.");
  await wizard.getByLabel("Código de verificación").fill(smsCode);
  await wizard.getByRole("button", { name: "Verificar" }).click();
  await expect(wizard.getByRole("heading", { name: "Tu número está activo" })).toBeVisible();
  await expect(page.getByTestId("account").filter({ has: page.getByRole("heading", { name: `360dialog · ${number}` }) })).toBeVisible();
  // The click-to-chat link now opens a chat with the new number, not the owner's phone.
  await expect(page.getByRole("region", { name: "Tu enlace de WhatsApp" })).toContainText(new RegExp(`wa\\.me/549?${number.replace(/\D/g, "")}\\?`));
  await shot(page, testInfo, "numero-activo-1366");
  expect(sql(`SELECT status FROM "NumberProvisioning" WHERE "organizationId" = '${organizationId}' ORDER BY "createdAt" DESC LIMIT 1`)).toBe("ACTIVE");

  await page.goto("/panel");
  await expect(checklist.getByTestId("onboarding-whatsapp")).toHaveAttribute("data-done", "true");
  await expect(checklist.getByTestId("onboarding-progress")).toHaveText(`${before + 1} de 6 listos`);

  // The team step: invite a technician by phone.
  await checklist.getByRole("link", { name: "Sumá a tu equipo" }).click();
  await expect(page).toHaveURL(/\/panel\/equipo$/);
  const technician = randomMobile();
  const form = page.getByRole("form", { name: "Invitar a alguien" });
  await form.getByLabel("Nombre").fill("Tomás Ibarra");
  await form.getByLabel("Celular").fill(technician.typed);
  await form.getByLabel("Rol").selectOption({ label: "Técnico" });
  await form.getByRole("button", { name: "Mandar invitación" }).click();
  await expect(form.getByRole("status")).toContainText("Le mandamos la invitación a Tomás Ibarra");

  // The technician, on their own phone, joins with the code they received.
  const inviteCode = await codeSentTo(technician.waId, /Tu código: (\d{6})/);
  const phone = await browser.newContext({ ...CONTEXT, viewport: { width: 390, height: 844 } });
  const join = await phone.newPage();
  await join.goto("/unirme");
  await join.getByLabel("Celular").fill(technician.typed);
  await join.getByLabel("Código").fill(inviteCode);
  await join.getByRole("button", { name: "Sumarme" }).click();
  await expect(join.getByRole("heading", { name: /Ya sos parte de Climatización Arce/ })).toBeVisible();
  await shot(join, testInfo, "unirme-390");
  await phone.close();

  await page.reload();
  const member = page.getByRole("list", { name: "Personas del equipo" }).getByTestId("team-member").filter({ hasText: "Tomás Ibarra" });
  await expect(member).toContainText("Técnico");
  await expect(member).toContainText("Activo");
  await page.goto("/panel");
  await expect(checklist.getByTestId("onboarding-team")).toHaveAttribute("data-done", "true");
  await expect(checklist.getByTestId("onboarding-progress")).toHaveText(`${before + 2} de 6 listos`);
  await shot(page, testInfo, "checklist-1366");
  await office.close();
});

test("a business on Gratis sees the upgrade prompt instead of the assistant's settings and the number wizard", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext(CONTEXT);
  const page = await context.newPage();
  await signUpBusiness(page, { businessName: "Electricidad Sosa", ownerName: "Ramiro Sosa", plan: "Gratis" });
  await page.goto("/panel/whatsapp");
  const prompt = page.getByRole("region", { name: "Asistente" }).getByTestId("plan-upgrade");
  await expect(prompt).toContainText("Disponible desde el plan Profesional");
  await expect(prompt.getByRole("link", { name: "Ver planes" })).toHaveAttribute("href", "/panel/plan");
  await expect(page.getByLabel("El asistente responde los mensajes de WhatsApp")).toHaveCount(0);
  await expect(page.getByTestId("wizard-upsell")).toBeVisible();
  await expect(page.getByRole("button", { name: "Buscar números" })).toHaveCount(0);
  await shot(page, testInfo, "gratis-whatsapp-1366");
  // The API refuses the same thing the page hides, naming the plan.
  const refused = await page.request.put("/api/settings/assistant", { data: { autoResponseEnabled: true }, headers: { "sec-fetch-site": "same-origin" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({ code: "PLAN_REQUIRED", fields: { requiredPlan: "PROFESIONAL" } });
  await context.close();
});
