import { expect, test } from "@playwright/test";
import { PORTS } from "../playwright.config";
import { signIn, WEB } from "./panel-session";

// The queue dashboard from the browser: the panel's /operador/colas hands a platform operator over to Bull Board on
// the workers' server (started by the harness) with a one-time ticket; nobody else gets anything.
const WORKERS = `http://127.0.0.1:${PORTS.workers}`;

test.describe("operator queue dashboard", () => {
  test("is a 404 for someone who is not a platform operator, and the board refuses a direct visit", async ({ page, context }) => {
    await signIn(context, "demo-user-dispatcher");
    const response = await page.goto("/operador/colas");
    expect(response?.status()).toBe(404);
    expect(page.url()).toBe(`${WEB}/operador/colas`);

    const direct = await page.goto(`${WORKERS}/operador/colas`);
    expect(direct?.status()).toBe(401);
    await expect(page.getByRole("link", { name: "Entrá desde /operador en el panel" })).toHaveAttribute("href", `${WEB}/operador`);
  });

  test("takes an operator from /operador to the board, whose ticket then works no more", async ({ page, context, browser }) => {
    // The seeded demo owner is a platform operator (database/seed); other specs rely on it staying one.
    await signIn(context, "demo-user-owner");
    const tickets: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("ticket=")) tickets.push(request.url());
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/operador");
    await page.getByRole("link", { name: "Colas de trabajo" }).click();

    // The ticket is gone from the address bar: the board swapped it for its own cookie.
    await expect(page).toHaveURL(`${WORKERS}/operador/colas`);
    await expect(page).toHaveTitle("CampoTech · colas");
    await expect(page.getByText("notifications").first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText("webhooks").first()).toBeVisible();
    const cookie = (await context.cookies(`${WORKERS}/operador/colas`)).find((c) => c.name === "ct_queue_board");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/operador/colas" });
    await page.screenshot({ path: "test-results/screenshots/operador-colas.png" });

    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatch(new RegExp(`^${WORKERS}/operador/colas\\?ticket=`));
    const stranger = await browser.newPage();
    const replay = await stranger.goto(tickets[0]!);
    expect(replay?.status()).toBe(401);
    await expect(stranger.getByText("Ese enlace ya se usó.")).toBeVisible();
    await stranger.close();
  });
});
