import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { PORTS } from "../playwright.config";
import { loginCodeSentTo, signIn, tokenFor, WEB } from "./panel-session";

// The technician app (apps/mobile) as its web export, against the real stack: OTP login with the code the sandbox's
// WhatsApp received, today's job, en camino online, then working + photo + signature + completed with the network cut,
// and after reconnecting the dashboard has it completed with both attachments.
const APP = `http://127.0.0.1:${PORTS.mobile}`;
const exported = existsSync(fileURLToPath(new URL("../../mobile/dist/index.html", import.meta.url)));
const SHOTS = process.env.CAMPOTECH_MOBILE_SCREENSHOTS ?? "/tmp/campotech-mobile-screenshots";
const TECH_PHONE = "+5491140000003";
// A 2×2 PNG: the app re-encodes it as JPEG in a canvas before queueing it.
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAAMBAEB6KMbVQAAAABJRU5ErkJggg==", "base64");

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${WEB}${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });

test("a technician logs in, goes en camino, completes the job offline with a photo and signature, and it syncs", async ({ page, context }) => {
  test.skip(!exported, "Falta el export web de la app (apps/mobile/dist): `npm test` lo construye antes de Playwright; ver el paso «Export web de la app».");
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  await context.grantPermissions(["geolocation"], { origin: APP });
  await context.setGeolocation({ latitude: -34.6158, longitude: -58.4333 });

  const owner = tokenFor("demo-user-owner");
  const job = await api<{ id: string; number: number }>(owner, "POST", "/api/jobs", { customerId: "demo-customer-1", address: "Av. Rivadavia 4520, 3° B, CABA", serviceType: "PLUMBING", description: "Pérdida en el baño (app)" });
  const start = new Date(Date.now() + 2 * 60_000);
  await api(owner, "POST", `/api/jobs/${job.id}/transition`, { to: "scheduled", technicianId: "demo-user-tech-1", scheduledStart: start.toISOString(), scheduledEnd: new Date(start.getTime() + 3600_000).toISOString() });

  // Login with the code the technician's WhatsApp got (the sandbox's Meta API).
  await page.goto(APP);
  await page.getByLabel("Número de celular").fill(TECH_PHONE);
  await shot(page, "1-login");
  const since = new Date().toISOString();
  await page.getByRole("button", { name: "Enviarme el código" }).click();
  await expect(page.getByText(/te enviamos un código/)).toBeVisible();
  let code = "";
  await expect.poll(async () => (code = await loginCodeSentTo(TECH_PHONE.slice(1), since)), { timeout: 15_000 }).toMatch(/^\d{6}$/);
  await page.getByLabel("Código").fill(code);
  await page.getByRole("button", { name: "Ingresar" }).click();

  // Hoy lists the job.
  const card = page.getByTestId(`job-card-${job.number}`);
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card).toContainText("Martina Gómez");
  await expect(card).toContainText("Av. Rivadavia 4520");
  await shot(page, "2-hoy");

  await card.click();
  await page.getByRole("button", { name: "Salgo para allá" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("En camino");
  await expect.poll(async () => (await api<{ status: string }>(owner, "GET", `/api/jobs/${job.id}`)).status, { timeout: 15_000 }).toBe("en_camino");
  await shot(page, "3-job");

  // The network drops: everything from here is queued on the phone.
  await context.setOffline(true);
  await page.getByRole("button", { name: "Llegué, empiezo" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("Trabajando");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "De la galería" }).click();
  await (await chooser).setFiles({ name: "perdida.png", mimeType: "image/png", buffer: PHOTO });
  await expect(page.getByTestId("photo-tile")).toHaveCount(1, { timeout: 15_000 });

  const pad = page.getByTestId("signature-pad");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 30);
  await page.mouse.down();
  for (const [x, y] of [[80, 120], [140, 40], [200, 130], [260, 50]] as const) await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
  await page.mouse.up();
  await page.getByRole("button", { name: "Guardar firma" }).click();
  await expect(page.getByTestId("signature-saved")).toBeVisible();

  await page.getByRole("button", { name: "Terminé el trabajo" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("Completado");
  await expect(page.getByText(/cambios sin enviar/).first()).toBeVisible();
  await page.getByTestId("job-status").scrollIntoViewIfNeeded();
  await shot(page, "4-offline-pending");
  expect((await api<{ status: string }>(owner, "GET", `/api/jobs/${job.id}`)).status).toBe("en_camino");

  // Back online: the browser's "online" event makes the app sync; the server gets everything in order.
  await context.setOffline(false);
  await expect(page.getByText(/sin enviar/)).toHaveCount(0, { timeout: 30_000 });
  const done = await api<{ status: string; attachments: { kind: string }[] }>(owner, "GET", `/api/jobs/${job.id}`);
  expect(done.status).toBe("completed");
  expect(done.attachments.map((a) => a.kind).sort()).toEqual(["PHOTO", "SIGNATURE"]);
  await page.getByTestId("job-status").scrollIntoViewIfNeeded();
  await shot(page, "5-completed");

  // The dashboard shows it completed with the photo and the signature.
  const panel = await context.browser()!.newContext();
  await signIn(panel);
  const dashboard = await panel.newPage();
  await dashboard.goto(`${WEB}/panel/trabajos/${job.id}`);
  await expect(dashboard.locator("#fotos")).toBeVisible();
  await expect(dashboard.locator(`img[src^="/api/jobs/${job.id}/attachments/"]`)).toHaveCount(2);
  await panel.close();
});
