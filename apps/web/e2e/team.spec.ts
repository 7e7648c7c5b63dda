import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { SANDBOX, signIn } from "./panel-session";

// The team page (issue 19) on a phone: the owner invites a technician, the invitee joins on /unirme with the code the
// sandbox phone received (WhatsApp, or SMS if the organization could not send), and the owner sees them, changes
// their access, and gets the plan note (not an error) when a responder would exceed the plan's seats.
const PHONE = "+5491155550321";
const WA_ID = PHONE.slice(1);

async function expectNoOverflow(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, "page wider than the phone").toBeLessThanOrEqual(390);
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

// What the invitee's phone received last (the sandbox's inbox for that number, any provider): the invitation text
// carries "Tu código: 123456".
async function invitationCode(): Promise<string> {
  let code = "";
  await expect
    .poll(async () => {
      const inbox = (await (await fetch(`${SANDBOX}/_sandbox/customers/${WA_ID}/inbox`)).json()) as unknown[];
      code = JSON.stringify(inbox).match(/Tu código: (\d{6})/g)?.at(-1)?.slice(-6) ?? "";
      return code;
    }, { timeout: 30_000, message: "the invitation reached the phone" })
    .toMatch(/^\d{6}$/);
  return code;
}

test.use({ viewport: { width: 390, height: 844 } });

test("the owner invites a technician who joins on /unirme with the code", async ({ page, context, browser }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(context);
  await page.goto("/panel/equipo");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Equipo");
  await expect(page.getByRole("list", { name: "Personas del equipo" }).getByTestId("team-member").filter({ hasText: "Martín Gómez" })).toContainText("Dueño");

  const form = page.getByRole("form", { name: "Invitar a alguien" });
  // The demo plan (Profesional) has its 2 responder seats taken: an administrator is an upgrade note, not an error.
  await form.getByLabel("Nombre").fill("Ada Admin");
  await form.getByLabel("Celular").fill("11 5555-0322");
  await form.getByLabel("Rol").selectOption({ label: "Administrador" });
  await form.getByRole("button", { name: "Mandar invitación" }).click();
  await expect(form.getByTestId("plan-note")).toContainText("2 lugares para responder");
  await expect(form.getByTestId("plan-note").getByRole("link", { name: "Ver planes" })).toHaveAttribute("href", "/panel/plan");
  await expect(form.getByRole("alert")).toHaveCount(0);

  await form.getByLabel("Nombre").fill("Nico Paz");
  await form.getByLabel("Celular").fill("11 5555-0321");
  await form.getByLabel("Rol").selectOption({ label: "Técnico" });
  await form.getByRole("button", { name: "Mandar invitación" }).click();
  await expect(form.getByRole("status")).toContainText("Le mandamos la invitación a Nico Paz");
  const invitations = page.getByRole("list", { name: "Invitaciones pendientes" });
  await expect(invitations.getByTestId("team-invitation").filter({ hasText: "Nico Paz" })).toContainText("Pendiente");
  await expectNoOverflow(page);
  await shot(page, testInfo, "equipo-invitacion");

  // The invitee, on their own phone (no session).
  const code = await invitationCode();
  const invitee = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const join = await invitee.newPage();
  await join.goto("/unirme");
  await expect(join.getByRole("heading", { level: 1 })).toHaveText("Sumate a tu equipo");
  await join.getByLabel("Celular").fill("11 5555-0321");
  await join.getByLabel("Código").fill(code === "000000" ? "111111" : "000000");
  await join.getByRole("button", { name: "Sumarme" }).click();
  await expect(join.locator("#join-error")).toContainText("no es válido o venció");
  await join.getByLabel("Código").fill(code);
  await join.getByRole("button", { name: "Sumarme" }).click();
  await expect(join.getByRole("heading", { name: /Ya sos parte de Del Sur Plomería y Gas/ })).toBeVisible();
  await expect(join.getByText("ingresá con este mismo número")).toBeVisible();
  await expectNoOverflow(join);
  await shot(join, testInfo, "unirme-listo");
  await invitee.close();

  // Back at the office: Nico is in the team, the invitation is gone; taking access away asks first.
  await page.reload();
  const nico = page.getByRole("list", { name: "Personas del equipo" }).getByTestId("team-member").filter({ hasText: "Nico Paz" });
  await expect(nico).toContainText("Técnico");
  await expect(nico).toContainText("Activo");
  await expect(page.getByTestId("team-invitation").filter({ hasText: "Nico Paz" })).toHaveCount(0);
  await nico.getByRole("button", { name: "Desactivar a Nico Paz" }).click();
  await nico.getByRole("button", { name: "Sí, desactivar a Nico Paz" }).click();
  await expect(nico.getByRole("status")).toContainText("Nico Paz quedó sin acceso. No tenía trabajos por delante.");
  await expect(nico).toContainText("Sin acceso");
  await expectNoOverflow(page);
  await shot(page, testInfo, "equipo-desactivado");
});
