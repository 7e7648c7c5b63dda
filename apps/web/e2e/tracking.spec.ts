import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { Redis } from "ioredis";
import { expect, request, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import { CLI_ENV, TEST_REDIS_URL } from "../playwright.config";
import { signIn, tokenFor, WEB } from "./panel-session";

// Live tracking end to end: the customer's page from the signed link (steps, then the technician moving on a map
// with the ETA), the office's dispatch map (the technician's marker moving, the nearest free technician assigned),
// and the plan gate (INICIAL: an upsell instead of the map, the static page for the customer).
const SHOTS = "/tmp/campotech-tracking-screenshots";
const CONTEXT = { baseURL: WEB, locale: "es-AR", timezoneId: "America/Argentina/Buenos_Aires" } as const;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
// Gorriti 5120 (Palermo), where the customer waits; the technician leaves from Plaza Congreso, ~4 km away.
const HOME = { lat: -34.5889, lng: -58.4326 };
const START = { lat: -34.6093, lng: -58.3925 };

type Json = Record<string, unknown>;
// One connection per call: tokenFor and signIn block the event loop (spawnSync) for seconds, long enough for the
// server to close an idle keep-alive socket that the client, not having seen the close yet, would then reuse.
let http: APIRequestContext;
test.beforeAll(async () => {
  http = await request.newContext({ baseURL: WEB });
});
test.afterAll(async () => {
  await http.dispose();
});

async function api<T = Json>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await http.fetch(path, { method, headers: { authorization: `Bearer ${token}`, connection: "close" }, ...(body === undefined ? {} : { data: body }) });
  const text = await response.text();
  expect(response.status(), `${method} ${path}: ${text}`).toBeLessThan(300);
  return (text ? JSON.parse(text) : null) as T;
}

// The map shows one Buenos Aires day, so every job here must start and end today there: after 20:00 the slots are
// counted from five hours ago (offsets stay under 3.5 h), so a run at 22:30 doesn't book tomorrow's jobs.
function todayAnchor(): number {
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "America/Argentina/Buenos_Aires", hour: "2-digit", hourCycle: "h23" }).format(new Date()));
  return Date.now() - (hour >= 20 ? 5 * 3600_000 : 0);
}

// A job for the customer, scheduled `inMinutes` from now for the technician (each test its own slot, so they never
// overlap), with its pin set by the office.
async function scheduledJob(owner: string, technicianId: string, location: { lat: number; lng: number } | null, inMinutes: number, address = "Gorriti 5120") {
  const job = await api<{ id: string; number: number }>(owner, "POST", "/api/jobs", { customerId: "demo-customer-5", address, serviceType: "PLUMBING", description: "Pérdida bajo la mesada" });
  const start = new Date(todayAnchor() + inMinutes * 60_000);
  await api(owner, "POST", `/api/jobs/${job.id}/transition`, { to: "scheduled", technicianId, scheduledStart: start.toISOString(), scheduledEnd: new Date(start.getTime() + 3600_000).toISOString() });
  if (location) await api(owner, "PUT", `/api/jobs/${job.id}/location`, location);
  const { trackingUrl } = await api<{ trackingUrl: string }>(owner, "GET", `/api/jobs/${job.id}`);
  return { ...job, trackingUrl };
}

// The phone app's batch: one point, stamped now.
const sendPosition = (technician: string, point: { lat: number; lng: number }) =>
  api<{ accepted: number; eta: { minutes: number; arriving: boolean } | null }>(technician, "POST", "/api/tracking/positions", {
    positions: [{ ...point, accuracy: 8, speed: 9, heading: 315, recordedAt: new Date().toISOString() }],
  });

const along = (from: { lat: number; lng: number }, to: { lat: number; lng: number }, t: number) => ({
  lat: Number((from.lat + (to.lat - from.lat) * t).toFixed(6)),
  lng: Number((from.lng + (to.lng - from.lng) * t).toFixed(6)),
});

async function expectAt(marker: Locator, point: { lat: number; lng: number }, timeout = 20_000) {
  await expect.poll(async () => Number(await marker.getAttribute("data-lat")).toFixed(5), { timeout }).toBe(point.lat.toFixed(5));
  await expect.poll(async () => Number(await marker.getAttribute("data-lng")).toFixed(5), { timeout: 1_000 }).toBe(point.lng.toFixed(5));
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

// Leaflet's panes are larger than the map by design and clipped by it: only what is outside a map counts.
async function expectFitsThePhone(page: Page) {
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll("body *")].filter((el) => !el.closest(".leaflet-container") && el.getBoundingClientRect().right > 391).slice(-5).map((el) => `${el.tagName}.${el.className}`),
  );
  expect(overflowing, "elements wider than the phone").toEqual([]);
}

async function officeMap(browser: Browser, path: string, viewport = DESKTOP) {
  const context = await browser.newContext({ ...CONTEXT, viewport });
  await signIn(context);
  const page = await context.newPage();
  await page.goto(path);
  return { context, page };
}

test("a customer follows the technician from the link, and a tampered link shows nothing", async ({ page }) => {
  const token = tokenFor();
  const job = await api<{ id: string; number: number }>(token, "POST", "/api/jobs", { customerId: "demo-customer-1", address: "Av. Rivadavia 4520, 3° B", serviceType: "GAS", description: "Olor a gas en la cocina" });
  const start = new Date(Date.now() + 2 * 3600_000);
  await api(token, "POST", `/api/jobs/${job.id}/transition`, {
    to: "scheduled", technicianId: "demo-user-tech-1", scheduledStart: start.toISOString(), scheduledEnd: new Date(start.getTime() + 3600_000).toISOString(),
  });
  await api(token, "POST", `/api/jobs/${job.id}/transition`, { to: "en_camino" });
  const detail = await api<{ trackingUrl: string }>(token, "GET", `/api/jobs/${job.id}`);
  expect(detail.trackingUrl).toMatch(/\/seguimiento\/[\w-]+\.[\w-]+$/);

  await page.goto(detail.trackingUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diego está en camino");
  await expect(page.getByText(`Trabajo #${job.number} · Gas`)).toBeVisible();
  await expect(page.locator("ol.steps li.done")).toHaveCount(2);
  await expect(page.locator('ol.steps li[aria-current="step"]')).toContainText("Técnico en camino");
  // Nothing personal on a page anyone with the link can open.
  await expect(page.locator("main")).not.toContainText("Rivadavia");
  await expect(page.locator("main")).not.toContainText("Ruiz");

  // The page follows the visit without a reload.
  await api(token, "POST", `/api/jobs/${job.id}/transition`, { to: "working" });
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diego está trabajando en tu domicilio", { timeout: 10_000 });

  await page.goto(`${detail.trackingUrl}x`);
  await expect(page.locator("main").getByRole("alert")).toContainText("No encontramos esta visita");
  // Parsed exactly: a trailing segment is a different (invalid) link, not the same one.
  await page.goto(`${detail.trackingUrl}.extra`);
  await expect(page.locator("main").getByRole("alert")).toContainText("No encontramos esta visita");
  await expect(page.locator("main")).not.toContainText("Diego");

  // The visit ends; the link keeps working for the grace period (72 h), then expires.
  await api(token, "POST", `/api/jobs/${job.id}/transition`, { to: "completed" });
  await page.goto(detail.trackingUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("El trabajo está terminado");
  sql(`UPDATE "JobTransition" SET "at" = now() - interval '73 hours' WHERE "jobId" = '${job.id}' AND "to" = 'completed'`);
  await page.reload();
  await expect(page.locator("main").getByRole("alert")).toContainText("Este enlace ya venció");
  await expect(page.locator("main")).not.toContainText("Diego");
});

test("the technician drives to the customer: the tracking page and the dispatch map follow live, and the nearest free technician is assigned", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = tokenFor();
  const technician = tokenFor("demo-user-tech-2");
  const job = await scheduledJob(owner, "demo-user-tech-2", HOME, 30);
  await api(technician, "POST", `/api/jobs/${job.id}/transition`, { to: "en_camino" });

  // The customer, on the phone, before the first position arrives.
  const customer = await browser.newContext({ ...CONTEXT, viewport: PHONE });
  const phone = await customer.newPage();
  await phone.goto(job.trackingUrl);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Sofía está en camino");
  const eta = phone.getByTestId("tracking-eta");
  await expect(eta).toHaveText("Esperando la ubicación de Sofía…");
  await expect(phone.getByTestId("tracking-destination-marker")).toBeVisible();
  const phoneMarker = phone.getByTestId("tracking-technician-marker");

  // The office's map.
  const office = await officeMap(browser, "/panel/mapa");
  const map = office.page;
  await expect(map.getByRole("heading", { level: 1 })).toHaveText("Mapa");
  const officeMarker = map.getByTestId("tech-marker-demo-user-tech-2");
  await expect(map.getByTestId(`job-marker-${job.id}`)).toBeVisible();

  // The technician drives in: each batch moves both markers, and the ETA shrinks until "Está llegando".
  let lastMinutes = Number.POSITIVE_INFINITY;
  for (const t of [0, 0.35, 0.7]) {
    const point = along(START, HOME, t);
    const result = await sendPosition(technician, point);
    expect(result.accepted).toBe(1);
    await expectAt(phoneMarker, point);
    await expect(eta).toHaveText(/^Llega en ~\d+ min$/);
    const minutes = Number((await eta.textContent())!.match(/\d+/)![0]);
    expect(minutes, "the ETA goes down as the technician approaches").toBeLessThan(lastMinutes);
    lastMinutes = minutes;
    await expectAt(officeMarker, point);
    await expect(officeMarker).toHaveAttribute("data-state", "en_camino");
    if (t === 0.35) {
      await shot(phone, "seguimiento-390");
      await expectFitsThePhone(phone);
      await phone.setViewportSize(DESKTOP);
      await shot(phone, "seguimiento-1366");
      await phone.setViewportSize(PHONE);
      // Picking the technician shows where they are headed.
      await map.getByTestId("tech-item-demo-user-tech-2").click();
      const panel = map.getByTestId("technician-panel");
      await expect(panel).toContainText("Sofía Benítez");
      await expect(panel).toContainText(`Va al trabajo #${job.number}`);
      await expect(panel.getByTestId("next-job")).toContainText(`Trabajo #${job.number}`);
      // The office loads her van; the customer's page shows it on its next poll, so they know whom to open for.
      await panel.getByRole("button", { name: "Cargar vehículo" }).click();
      const vehicleForm = panel.getByRole("form", { name: "Vehículo del técnico" });
      await vehicleForm.getByLabel("Vehículo").fill("Fiat Kangoo blanca");
      await vehicleForm.getByLabel("Patente").fill("ab 123 cd");
      await vehicleForm.getByRole("button", { name: "Guardar" }).click();
      await expect(panel.getByTestId("technician-vehicle")).toContainText("Fiat Kangoo blanca · AB 123 CD");
      await phone.reload();
      await expect(phone.getByText("Fiat Kangoo blanca · Patente AB 123 CD")).toBeVisible();
      await shot(map, "mapa-1366");
    }
  }
  const door = along(START, HOME, 0.995);
  await sendPosition(technician, door);
  await expectAt(phoneMarker, door);
  await expect(eta).toHaveText("Está llegando");
  await expectAt(officeMarker, door);

  // Arrived and done: Sofía is free, next to the customer's home — the nearest for a new job nearby.
  await api(technician, "POST", `/api/jobs/${job.id}/transition`, { to: "working" });
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Sofía está trabajando en tu domicilio", { timeout: 30_000 });
  await expect(eta).toHaveCount(0);
  await api(technician, "POST", `/api/jobs/${job.id}/transition`, { to: "completed" });
  // Booked for Diego (who is nowhere on the map); Sofía is the one nearby.
  const next = await scheduledJob(owner, "demo-user-tech-1", along(HOME, START, 0.05), 150);
  await map.goto(`/panel/mapa?trabajo=${next.id}`);
  const jobPanel = map.getByTestId("job-panel");
  await expect(jobPanel).toContainText(`Trabajo #${next.number}`);
  const nearest = jobPanel.getByTestId("nearest-demo-user-tech-2");
  await expect(nearest).toContainText("Sofía Benítez");
  await expect(nearest).toContainText(/\d+(,\d)? (m|km) · (~\d+ min|llegando)/);
  await nearest.getByRole("button", { name: "Asignar a Sofía Benítez" }).click();
  await expect(map.getByRole("status").filter({ hasText: `Asignaste el trabajo #${next.number} a Sofía Benítez.` })).toBeVisible();
  await expect(nearest).toContainText("Asignado");
  await shot(map, "mapa-asignar-1366");
  expect((await api<{ technicianId: string }>(owner, "GET", `/api/jobs/${next.id}`)).technicianId).toBe("demo-user-tech-2");

  await map.setViewportSize(PHONE);
  await map.goto("/panel/mapa");
  await expect(map.getByTestId("tech-marker-demo-user-tech-2")).toBeVisible();
  await shot(map, "mapa-390");
  await expectFitsThePhone(map);
  await Promise.all([customer.close(), office.context.close()]);
});

test("a job without coordinates is pinned from the map", async ({ browser }) => {
  test.setTimeout(60_000);
  const owner = tokenFor();
  // An address the geocoder does not find (the sandbox's gazetteer knows no "inexistente"): no coordinates until
  // someone pins it.
  const job = await scheduledJob(owner, "demo-user-tech-1", null, 90, "Pasaje Inexistente 12");
  const { context, page } = await officeMap(browser, "/panel/mapa");
  const unlocated = page.getByRole("region", { name: /Sin ubicación/ });
  await expect(unlocated.getByTestId(`job-item-${job.id}`)).toBeVisible();
  await unlocated.getByRole("button", { name: `Marcar en el mapa el trabajo #${job.number}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Tocá el mapa donde queda el trabajo #${job.number}` })).toBeVisible();
  await page.getByRole("region", { name: "Mapa de técnicos y trabajos" }).click({ position: { x: 200, y: 200 } });
  await expect(page.getByRole("status").filter({ hasText: `Guardamos la ubicación del trabajo #${job.number}.` })).toBeVisible();
  await expect(page.getByTestId(`job-marker-${job.id}`)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId("job-panel")).toContainText(`Trabajo #${job.number}`);
  await context.close();
  await api(owner, "POST", `/api/jobs/${job.id}/transition`, { to: "cancelled", note: "Prueba" });
});

test("on the INICIAL plan the map is an upsell and the customer gets the static page", async ({ browser }) => {
  test.setTimeout(60_000);
  const owner = tokenFor();
  const technician = tokenFor("demo-user-tech-1");
  const job = await scheduledJob(owner, "demo-user-tech-1", HOME, 30);
  await api(technician, "POST", `/api/jobs/${job.id}/transition`, { to: "en_camino" });
  await setTier("INICIAL");
  try {
    const { context, page } = await officeMap(browser, "/panel/mapa");
    await expect(page.getByTestId("map-upsell")).toContainText("El mapa de despacho está disponible desde el plan Profesional.");
    await expect(page.getByRole("region", { name: "Mapa de técnicos y trabajos" })).toHaveCount(0);
    const denied = await http.get("/api/tracking/map", { headers: { authorization: `Bearer ${owner}`, connection: "close" } });
    expect(denied.status()).toBe(403);
    await page.goto(job.trackingUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diego está en camino");
    await expect(page.locator('ol.steps li[aria-current="step"]')).toContainText("Técnico en camino");
    await expect(page.getByTestId("tracking-eta")).toHaveCount(0);
    await expect(page.getByTestId("tracking-technician-marker")).toHaveCount(0);
    await context.close();
  } finally {
    await setTier("PROFESIONAL");
    await api(owner, "POST", `/api/jobs/${job.id}/transition`, { to: "cancelled", note: "Prueba" });
  }
});

// The plan is cached for the hot path (tracking-organization.ts): drop the entry so the change shows at once.
async function setTier(tier: string) {
  sql(`UPDATE "Organization" SET "tier" = '${tier}' WHERE "id" = 'demo-org'`);
  const redis = new Redis(TEST_REDIS_URL);
  await redis.del("campotech-test:tracking:{demo-org}:organization");
  await redis.quit();
}

function sql(statement: string): void {
  const result = spawnSync("psql", [CLI_ENV.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-tAc", statement], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed:\n${result.stderr}`);
}
