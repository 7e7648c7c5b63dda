import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { CLI_ENV, PORTS } from "../playwright.config";
import { SANDBOX, signIn, tokenFor, WEB } from "./panel-session";

// MercadoPago payments through the dashboard against the whole platform (web, workers, the sandbox's MercadoPago):
// the owner links the organization's MercadoPago account by OAuth from Cobros → MercadoPago, charges an authorized
// invoice with a payment link, the customer pays it on the sandbox's Checkout Pro with APRO and lands on our /pago/
// page, and the invoice the office kept open turns "Pagada" by itself (signed notification → webhook → workers
// re-read the payment → payment.updated over the event stream). Then a partial refund, the receivables and the
// payments list, and cash/transfer recorded on a job by the dispatcher.
const MARTINA = { id: "demo-customer-1", waId: "5491155550123" };
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CONTEXT = { baseURL: WEB, locale: "es-AR", timezoneId: "America/Argentina/Buenos_Aires", viewport: { width: 1366, height: 900 } };

// Not serial: each test makes its own invoice or job (and links MercadoPago if needed), so one failure does not skip
// the others.
test.use({ viewport: { width: 1366, height: 900 } });

async function expectFitsThePhone(page: Page) {
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > 391).slice(-5).map((el) => `${el.tagName}.${el.className}`),
  );
  expect(overflowing, "elements wider than the phone").toEqual([]);
}

// Our pages run under a strict CSP (proxy.ts): collect anything it refuses.
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`)));
  return violations;
}

async function atPhoneWidth(page: Page, shot: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsThePhone(page);
  await page.screenshot({ path: `test-results/screenshots/${shot}`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${WEB}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  expect(res.ok, `${method} ${path} → ${res.status} ${text}`).toBe(true);
  return JSON.parse(text) as T;
}

// A drain unblocked for Martina Gómez and priced from the list: $ 38.000 + IVA 21 % = $ 45.980. `completed` takes it
// through the day (scheduled into a free slot, on the way, working, completed) so it can be invoiced.
async function pricedJob(token: string, { completed }: { completed: boolean }): Promise<{ id: string; number: number }> {
  const job = await api<{ id: string; number: number }>(token, "POST", "/api/jobs", {
    customerId: MARTINA.id, address: "Av. Rivadavia 4520, 3° B, CABA", serviceType: "DRAINAGE", description: "Cloaca tapada en el patio",
  });
  const prices = await api<{ items: { id: string; code: string }[] }>(token, "GET", "/api/price-list");
  const cloaca = prices.items.find((p) => p.code === "DESTAP-CLOACA")!;
  await api(token, "PUT", `/api/jobs/${job.id}/line-items`, { lines: [{ priceListItemId: cloaca.id, quantityMilli: 1000 }] });
  if (!completed) return job;
  const availability = await api<{ technicians: { technicianId: string; slots: { start: string; end: string }[] }[] }>(
    token, "GET", `/api/availability?from=${encodeURIComponent(new Date().toISOString())}&days=14`,
  );
  const technician = availability.technicians.find((t) => t.slots.length)!;
  const slot = technician.slots[0]!;
  await api(token, "POST", `/api/jobs/${job.id}/transition`, { to: "scheduled", technicianId: technician.technicianId, scheduledStart: slot.start, scheduledEnd: slot.end });
  for (const to of ["en_camino", "working", "completed"]) await api(token, "POST", `/api/jobs/${job.id}/transition`, { to });
  return job;
}

// An authorized Factura B (consumidor final) for a completed job: ARCA's sandbox answers in a few seconds.
async function authorizedInvoice(token: string): Promise<{ id: string; label: string; jobId: string }> {
  const job = await pricedJob(token, { completed: true });
  const created = await api<{ id: string }>(token, "POST", "/api/invoices", {
    jobId: job.id, receiver: { docType: 99, docNumber: "0", ivaConditionId: 5, name: "Martina Gómez", email: null }, authorize: true,
  });
  let invoice = { status: "PENDING", label: "" };
  await expect.poll(async () => (invoice = await api<{ status: string; label: string }>(token, "GET", `/api/invoices/${created.id}`)).status, { timeout: 30_000 }).toBe("AUTHORIZED");
  return { id: created.id, label: invoice.label, jobId: job.id };
}

// ARCA's certificate, from the sandbox's WSASS, unless another spec of this run installed it already.
async function ensureArca(token: string) {
  const settings = await api<{ certificate: unknown }>(token, "GET", "/api/settings/arca");
  if (settings.certificate) return;
  const { csrPem } = await api<{ csrPem: string }>(token, "POST", "/api/settings/arca/csr", {});
  const issued = await fetch(`${SANDBOX}/_sandbox/arca/certificates`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ csr: csrPem }) });
  expect(issued.status).toBe(201);
  const { certificate } = (await issued.json()) as { certificate: string };
  await api(token, "PUT", "/api/settings/arca/certificate", { certificatePem: certificate });
}

async function ownerContext(browser: Browser): Promise<{ context: BrowserContext; token: string }> {
  const context = await browser.newContext(CONTEXT);
  const token = await signIn(context);
  return { context, token };
}

// The organization's MercadoPago account for the charging tests: linked by the OAuth test below when it passed,
// otherwise through the operator CLI (the same token exchange, without a browser), so one failure does not hide
// the others.
async function ensureMercadoPago(token: string) {
  const settings = await api<{ connection: { status: string } | null }>(token, "GET", "/api/settings/mercadopago");
  if (settings.connection?.status === "ACTIVE") return;
  const env = { ...CLI_ENV, MERCADOPAGO_API_URL: `${SANDBOX}/mercadopago`, MERCADOPAGO_AUTH_URL: `${SANDBOX}/mercadopago/auth`, PUBLIC_BASE_URL: WEB };
  const result = spawnSync("pnpm", ["-s", "campotech", "mercadopago", "sandbox-connect", "--org", "demo-org"], { cwd: ROOT, env, encoding: "utf8" });
  expect(result.status, `campotech mercadopago sandbox-connect:\n${result.stdout}\n${result.stderr}`).toBe(0);
}

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(60_000);
  const { context, token } = await ownerContext(browser);
  await ensureArca(token);
  await context.close();
});

// "Conectar MercadoPago" → MercadoPago's consent page (the sandbox's) → the seller → "Permitir" → our OAuth callback
// → back to Cobros → MercadoPago with the account's nickname. Done twice, with "Desconectar" in between.
async function connectThroughMercadoPago(page: Page, button: string) {
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(new RegExp(`127\\.0\\.0\\.1:${PORTS.sandbox}/mercadopago/auth/authorization\\?`));
  await expect(page.getByRole("heading", { name: "CampoTech quiere acceder a tu cuenta de Mercado Pago" })).toBeVisible();
  await page.getByRole("radio", { name: /DELSUR_PLOMERIA/ }).check();
  const [callback] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/mercadopago/oauth/callback")),
    page.getByRole("button", { name: "Permitir" }).click(),
  ]);
  // Our own address (relative, or PUBLIC_BASE_URL): the browser's session cookie only goes there.
  expect(callback.headers().location, "the OAuth callback must send the browser back to our own address").toMatch(
    new RegExp(`^(${WEB.replace(/[.]/g, "\\.")})?/panel/cobros/mercadopago\\?conectado=DELSUR_PLOMERIA$`),
  );
  await expect(page).toHaveURL(/\/panel\/cobros\/mercadopago\?conectado=DELSUR_PLOMERIA$/);
  await expect(page.getByRole("status").filter({ hasText: "MercadoPago quedó conectado con la cuenta DELSUR_PLOMERIA" })).toBeVisible();
  await expect(page.getByTestId("mp-connected")).toContainText("DELSUR_PLOMERIA");
}

test("the owner links MercadoPago by OAuth from Cobros → MercadoPago, unlinks it and links it again", async ({ browser }) => {
  test.setTimeout(90_000);
  const { context } = await ownerContext(browser);
  const page = await context.newPage();
  await page.goto("/panel/cobros/mercadopago");
  await expect(page.getByRole("navigation", { name: "Secciones" }).getByRole("link", { name: "Cobros" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Todavía no conectaste una cuenta.")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/cobros-mercadopago-sin-conectar.png", fullPage: true });

  await connectThroughMercadoPago(page, "Conectar MercadoPago");
  await expect(page.getByText("Usuario de MercadoPago")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/cobros-mercadopago.png", fullPage: true });
  await atPhoneWidth(page, "cobros-mercadopago-celular.png");

  // Unlinking asks first, then the page offers to connect again.
  await page.getByRole("button", { name: "Desconectar" }).click();
  const confirm = page.getByRole("group", { name: "Confirmar la desconexión" });
  await expect(confirm).toContainText("¿Desconectás la cuenta DELSUR_PLOMERIA de MercadoPago?");
  await confirm.getByRole("button", { name: "Sí, desconectar" }).click();
  await expect(page).toHaveURL(/\/panel\/cobros\/mercadopago$/);
  await expect(page.getByText("La cuenta se desconectó.")).toBeVisible();
  await connectThroughMercadoPago(page, "Conectar MercadoPago");

  // The reminders form saves (and keeps) its values.
  await page.getByLabel("Días entre recordatorios").fill("5");
  await page.getByRole("button", { name: "Guardar recordatorios" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Recordatorios guardados." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Días entre recordatorios")).toHaveValue("5");
  await context.close();
});

test("the owner charges an invoice with a MercadoPago link, the customer pays with APRO, and the invoice turns Pagada without a reload", async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, token } = await ownerContext(browser);
  await ensureMercadoPago(token);
  const invoice = await authorizedInvoice(token);
  const sinceInbox = new Date().toISOString();
  const page = await context.newPage();
  const refused = await watchCsp(page);

  await page.goto(`/panel/facturas/${invoice.id}`);
  const cobro = page.getByRole("region", { name: "Cobro" });
  await expect(cobro.getByTestId("payment-state")).toHaveText("Sin pagar");
  await expect(cobro.getByTestId("due-amount")).toHaveText("$ 45.980");
  await expect(cobro.getByText("Todavía no hay pagos.")).toBeVisible();

  // More than what is due is refused (in Spanish) before asking MercadoPago; "45.980,00" is typed the Argentine way.
  await cobro.getByRole("button", { name: "Cobrar" }).click();
  const amount = cobro.getByLabel("Monto a cobrar");
  await expect(amount).toHaveValue("45.980");
  await amount.fill("50.000");
  await cobro.getByRole("button", { name: "Crear link de pago" }).click();
  await expect(cobro.getByRole("alert")).toHaveText("Falta cobrar $ 45.980: el link no puede ser por más.");
  await amount.fill("45.980,00");
  await cobro.getByRole("button", { name: "Crear link de pago" }).click();

  const link = cobro.getByTestId("payment-link");
  await expect(link).toContainText("Link de pago por $ 45.980");
  await expect(link.getByRole("status")).toHaveText("Link de pago creado. Mandáselo al cliente o copialo.");
  const pageUrl = await link.getByLabel("Link de pago para el cliente").inputValue();
  expect(pageUrl).toMatch(new RegExp(`^${WEB}/pago/[\\w-]+\\.[\\w-]{43}$`));
  await expect(link.getByRole("button", { name: "Copiar link" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/factura-cobrar.png", fullPage: true });

  // By WhatsApp: Martina's phone gets our /pago/ page (a message inside the 24-hour window, or the reminder template).
  await link.getByRole("button", { name: "Mandar por WhatsApp" }).click();
  await expect(link.getByRole("status")).toHaveText("Listo: le mandamos el link por WhatsApp.");
  await expect.poll(async () => {
    const inbox = (await (await fetch(`${SANDBOX}/_sandbox/customers/${MARTINA.waId}/inbox`)).json()) as { createdAt: string }[];
    return inbox.some((m) => m.createdAt >= sinceInbox && JSON.stringify(m).includes(pageUrl));
  }, { timeout: 20_000 }).toBe(true);
  await expect(link).toContainText("mandado por WhatsApp el");

  // Coming back to the invoice, the open link is shown again instead of a new one.
  await page.reload();
  await expect(cobro.getByTestId("payment-link").getByLabel("Link de pago para el cliente")).toHaveValue(pageUrl);
  // From here the invoice page stays open; a marker on its window proves it is never reloaded.
  await page.evaluate(() => ((window as unknown as { __kept: boolean }).__kept = true));

  // The customer's side: our page first (what the WhatsApp message opens), then MercadoPago's checkout.
  const customer = await browser.newContext({ ...CONTEXT, viewport: { width: 390, height: 844 } });
  const phone = await customer.newPage();
  const refusedOnPhone = await watchCsp(phone);
  await phone.goto(pageUrl);
  await expect(phone.getByText("Del Sur Plomería").first()).toBeVisible();
  await expect(phone.getByTestId("payment-amount")).toHaveText("$ 45.980,00");
  await expect(phone.getByText(invoice.label)).toBeVisible();
  await expect(phone.getByRole("link", { name: "Ver factura (PDF)" })).toBeVisible();
  await expectFitsThePhone(phone);
  await phone.screenshot({ path: "test-results/screenshots/pago-abierto-celular.png", fullPage: true });
  expect(refusedOnPhone).toEqual([]);
  await customer.close();

  // "Abrir checkout" from the office (the customer pays on the office's phone): the sandbox's Checkout Pro.
  const [checkout] = await Promise.all([context.waitForEvent("page"), link.getByRole("link", { name: "Abrir checkout" }).click()]);
  await expect(checkout).toHaveURL(new RegExp(`127\\.0\\.0\\.1:${PORTS.sandbox}/mercadopago/checkout/pay/`));
  await expect(checkout.getByText("$ 45.980,00").first()).toBeVisible();
  await checkout.getByRole("button", { name: /^APRO/ }).click();

  // MercadoPago sends the customer back to our page with ?resultado=aprobado; it confirms the payment by itself.
  await expect(checkout).toHaveURL(/\/pago\/[\w.-]+\?resultado=aprobado/);
  await expect(checkout.getByRole("heading", { name: "¡Listo! Recibimos tu pago" })).toBeVisible({ timeout: 20_000 });
  await expect(checkout.getByRole("link", { name: "Pagar con Mercado Pago" })).toHaveCount(0);
  await checkout.setViewportSize({ width: 390, height: 844 });
  await expectFitsThePhone(checkout);
  await checkout.screenshot({ path: "test-results/screenshots/pago-aprobado-celular.png", fullPage: true });
  await checkout.close();

  // The invoice page heard payment.updated: Pagada, with the payment in its history, and no reload.
  await expect(cobro.getByTestId("payment-state")).toHaveText("Pagada", { timeout: 20_000 });
  await expect(page.locator(".page-head").getByTestId("payment-state")).toHaveText("Pagada");
  expect(await page.evaluate(() => (window as unknown as { __kept?: boolean }).__kept)).toBe(true);
  expect(refused).toEqual([]);
  await expect(cobro.getByTestId("paid-amount")).toHaveText("$ 45.980");
  await expect(cobro.getByTestId("due-amount")).toHaveText("$ 0");
  await expect(cobro.getByRole("button", { name: "Cobrar" })).toHaveCount(0);
  const row = cobro.getByTestId("payment-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Mercado Pago");
  await expect(row).toContainText("Aprobado");
  await expect(row).toContainText("$ 45.980");
  await page.screenshot({ path: "test-results/screenshots/factura-pagada.png", fullPage: true });

  // The same link, opened again later, says it is paid.
  await page.goto(pageUrl);
  await expect(page.getByRole("heading", { name: "¡Listo! Recibimos tu pago" })).toBeVisible();
  await page.goto(`/panel/facturas/${invoice.id}`);

  // A partial refund by the owner, confirmed in a second step; MercadoPago (the sandbox) gives it back.
  await row.getByRole("button", { name: "Devolver" }).click();
  await row.getByRole("radio", { name: "Una parte" }).check();
  await row.getByLabel("Monto a devolver").fill("50.000");
  await row.getByRole("button", { name: "Continuar" }).click();
  await expect(row.getByRole("alert")).toHaveText("De este pago se pueden devolver como máximo $ 45.980.");
  await row.getByLabel("Monto a devolver").fill("5.000");
  await row.getByLabel("Motivo (opcional)").fill("Se cobró de más el caño");
  await row.getByRole("button", { name: "Continuar" }).click();
  const confirm = row.getByRole("group", { name: "Confirmar la devolución" });
  await expect(confirm).toContainText("¿Devolvés $ 5.000 a Martina Gómez?");
  await page.screenshot({ path: "test-results/screenshots/factura-devolver.png", fullPage: true });
  await confirm.getByRole("button", { name: "Sí, devolver $ 5.000" }).click();
  await expect(cobro.getByTestId("payment-state")).toHaveText("Pago parcial", { timeout: 15_000 });
  await expect(row).toContainText("Devuelto en parte");
  await expect(row.getByRole("list", { name: "Devoluciones" })).toContainText("Devuelto $ 5.000");
  await expect(row.getByRole("list", { name: "Devoluciones" })).toContainText("«Se cobró de más el caño»");
  await expect(cobro.getByTestId("due-amount")).toHaveText("$ 5.000");
  // The paid link stays paid (a refund never reopens it for the old amount): what is due now gets a new link,
  // offered for exactly that.
  await expect(cobro.getByRole("note")).toHaveCount(0);
  await cobro.getByRole("button", { name: "Cobrar" }).click();
  await expect(cobro.getByLabel("Monto a cobrar")).toHaveValue("5.000");
  await cobro.getByRole("button", { name: "Cancelar" }).click();
  await atPhoneWidth(page, "factura-cobro-celular.png");

  // The invoiced job points to the invoice, which is what gets charged now.
  await page.goto(`/panel/trabajos/${invoice.jobId}`);
  const jobCobro = page.getByRole("region", { name: "Cobro" });
  await expect(jobCobro).toContainText("El trabajo ya está facturado: se cobra con la factura.");
  await expect(jobCobro.getByRole("link", { name: "Ver la factura y cobrarla" })).toHaveAttribute("href", `/panel/facturas/${invoice.id}#cobrar`);

  // The invoice list marks it as partly paid.
  await page.goto("/panel/facturas");
  const listed = page.getByRole("row").filter({ has: page.getByRole("link", { name: invoice.label }) });
  await expect(listed).toContainText("Pago parcial");
  await page.screenshot({ path: "test-results/screenshots/facturas-con-cobro.png", fullPage: true });
  await context.close();
});

test("receivables, the payments list, and a transfer recorded on a job by the dispatcher", async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, token } = await ownerContext(browser);
  await ensureMercadoPago(token);
  const invoice = await authorizedInvoice(token);
  const page = await context.newPage();

  // Por cobrar: the aging buckets and the unpaid invoice, with its quick "Mandar link" (makes the link and sends it).
  await page.goto("/panel/cobros/por-cobrar");
  await expect(page.getByTestId("bucket-current")).toBeVisible();
  const receivable = page.getByTestId("receivable-row").filter({ has: page.getByRole("link", { name: invoice.label }) });
  await expect(receivable).toContainText("Martina Gómez");
  await expect(receivable).toContainText("Al día");
  await expect(receivable).toContainText("$ 45.980");
  await receivable.getByRole("button", { name: /^Mandar link/ }).click();
  await expect(receivable.getByRole("status")).toHaveText("Link creado y mandado por WhatsApp.");
  await expect(receivable).toContainText("Link abierto por $ 45.980");
  await page.screenshot({ path: "test-results/screenshots/cobros-por-cobrar.png", fullPage: true });
  await atPhoneWidth(page, "cobros-por-cobrar-celular.png");

  // The customer opens the link they got, pays with a card that is refused, and comes back to try again.
  const { payment: charged } = await api<{ payment: { openLink: { pageUrl: string } | null } }>(token, "GET", `/api/invoices/${invoice.id}`);
  const customer = await browser.newContext({ ...CONTEXT, viewport: { width: 390, height: 844 } });
  const phone = await customer.newPage();
  await phone.goto(charged.openLink!.pageUrl);
  await phone.getByRole("link", { name: "Pagar con Mercado Pago" }).click();
  await expect(phone).toHaveURL(new RegExp(`127\\.0\\.0\\.1:${PORTS.sandbox}/mercadopago/checkout/pay/`));
  await phone.getByRole("button", { name: /^OTHE/ }).click();
  await phone.getByRole("link", { name: "Volver al sitio" }).click();
  await expect(phone).toHaveURL(/\/pago\/[\w.-]+\?resultado=rechazado/);
  await expect(phone.getByRole("alert").filter({ hasText: "No se pudo cobrar" })).toContainText("No se pudo cobrar; probá con otra tarjeta");
  await expect(phone.getByRole("link", { name: "Probar de nuevo con Mercado Pago" })).toBeVisible();
  await expectFitsThePhone(phone);
  await phone.screenshot({ path: "test-results/screenshots/pago-rechazado-celular.png", fullPage: true });
  // A link that does not exist gets a kind 404.
  const missing = await phone.goto("/pago/no-existe.abc");
  expect(missing?.status()).toBe(404);
  await expect(phone.getByRole("heading", { name: "No encontramos este link de pago" })).toBeVisible();
  await customer.close();

  // The account stays linked (whichever way it was).
  await page.goto("/panel/cobros/mercadopago");
  await expect(page.getByTestId("mp-connected")).toContainText("DELSUR_PLOMERIA");
  await page.screenshot({ path: "test-results/screenshots/cobros-mercadopago-conectado.png", fullPage: true });
  await context.close();

  // The dispatcher charges a job's quote before it is invoiced: a transfer for part of it. No "Devolver" for them.
  const dispatcher = await browser.newContext(CONTEXT);
  await signIn(dispatcher, "demo-user-dispatcher");
  const job = await pricedJob(tokenFor("demo-user-dispatcher"), { completed: false });
  const jobPage = await dispatcher.newPage();
  await jobPage.goto(`/panel/trabajos/${job.id}`);
  const cobro = jobPage.getByRole("region", { name: "Cobro" });
  await expect(cobro.getByTestId("payment-state")).toHaveText("Sin pagar");
  await expect(cobro.getByTestId("due-amount")).toHaveText("$ 45.980");
  await cobro.getByRole("button", { name: "Registrar pago en efectivo / transferencia" }).click();
  const form = cobro.getByRole("form", { name: "Registrar pago en efectivo o transferencia" });
  await form.getByRole("radio", { name: "Transferencia" }).check();
  await form.getByLabel("Monto recibido").fill("10.000,50");
  await form.getByLabel("Nota (opcional)").fill("Banco Nación, op. 4471");
  await form.getByRole("button", { name: "Registrar pago" }).click();
  await expect(cobro.getByRole("status").filter({ hasText: "Pago de $ 10.000,50 en transferencia registrado." })).toBeVisible();
  await expect(cobro.getByTestId("payment-state")).toHaveText("Pago parcial");
  await expect(cobro.getByTestId("due-amount")).toHaveText("$ 35.979,50");
  const payment = cobro.getByTestId("payment-row");
  await expect(payment).toContainText("Transferencia");
  await expect(payment).toContainText("Aprobado");
  await expect(payment).toContainText("«Banco Nación, op. 4471»");
  await expect(payment.getByRole("button", { name: "Devolver" })).toHaveCount(0);
  await jobPage.screenshot({ path: "test-results/screenshots/trabajo-cobro.png", fullPage: true });
  await atPhoneWidth(jobPage, "trabajo-cobro-celular.png");

  // Pagos: filtered by method, the transfer links to its job; "Cobrado" adds up what came in.
  await jobPage.goto("/panel/cobros?medio=TRANSFER");
  await expect(jobPage.getByRole("heading", { level: 1 })).toHaveText("Cobros");
  const listed = jobPage.getByTestId("payments-row").filter({ has: jobPage.getByRole("link", { name: `Trabajo #${job.number}` }) });
  await expect(listed).toContainText("Transferencia");
  await expect(listed).toContainText("$ 10.000,50");
  await expect(jobPage.getByTestId("payments-received")).toHaveText("$ 10.000,50");
  await jobPage.getByLabel("Medio").selectOption({ label: "Todos" });
  await jobPage.getByRole("button", { name: "Filtrar" }).click();
  await expect(jobPage).toHaveURL(/\/panel\/cobros\?(estado=&)?medio=&/);
  await expect(jobPage.getByLabel("Medio")).toHaveValue("");
  await expect(listed).toBeVisible();
  await jobPage.screenshot({ path: "test-results/screenshots/cobros-pagos.png", fullPage: true });
  await atPhoneWidth(jobPage, "cobros-pagos-celular.png");
  await dispatcher.close();

  // Technicians do not see payments: no Cobros in the navigation, and the address says so.
  const technician = await browser.newContext(CONTEXT);
  await signIn(technician, "demo-user-tech-1");
  const techPage = await technician.newPage();
  await techPage.goto("/panel/cobros");
  await expect(techPage.getByRole("alert").filter({ hasText: "Tu rol no tiene acceso a los cobros." })).toBeVisible();
  await expect(techPage.getByRole("navigation", { name: "Secciones" }).getByRole("link", { name: "Cobros" })).toHaveCount(0);
  await technician.close();
});
