import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { SANDBOX, signIn, WEB } from "./panel-session";

// Electronic invoicing through the dashboard against the whole platform (web, workers, the ARCA sandbox): the owner
// connects ARCA from the settings page (CSR → the sandbox's WSASS → certificate → "Probar conexión"), then a
// completed job is invoiced from its page, ARCA authorizes it (CAE), the PDF opens, the customer's phone gets it,
// and a total credit note cancels it.
const MARTINA = { id: "demo-customer-1", waId: "5491155550123" };

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1366, height: 900 } });

async function expectFitsThePhone(page: Page) {
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > 391).slice(-5).map((el) => `${el.tagName}.${el.className}`),
  );
  expect(overflowing, "elements wider than the phone").toEqual([]);
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

// A job for Martina Gómez taken through the day by the API: priced (a list item and a free line), scheduled into a
// free slot, on the way, working, completed.
async function completedJob(token: string): Promise<{ id: string; number: number }> {
  const job = await api<{ id: string; number: number }>(token, "POST", "/api/jobs", {
    customerId: MARTINA.id, address: "Av. Rivadavia 4520, 3° B, CABA", serviceType: "DRAINAGE", description: "Cloaca tapada en el patio",
  });
  const prices = await api<{ items: { id: string; code: string }[] }>(token, "GET", "/api/price-list");
  const cloaca = prices.items.find((p) => p.code === "DESTAP-CLOACA")!;
  await api(token, "PUT", `/api/jobs/${job.id}/line-items`, {
    lines: [
      { priceListItemId: cloaca.id, quantityMilli: 1000 },
      { description: "Caño PVC 110 mm", quantityMilli: 1500, unitPriceCents: 850_050, ivaRateBps: 2100 },
    ],
  });
  const availability = await api<{ technicians: { technicianId: string; slots: { start: string; end: string }[] }[] }>(
    token, "GET", `/api/availability?from=${encodeURIComponent(new Date().toISOString())}&days=14`,
  );
  const technician = availability.technicians.find((t) => t.slots.length)!;
  const slot = technician.slots[0]!;
  await api(token, "POST", `/api/jobs/${job.id}/transition`, { to: "scheduled", technicianId: technician.technicianId, scheduledStart: slot.start, scheduledEnd: slot.end });
  for (const to of ["en_camino", "working", "completed"]) await api(token, "POST", `/api/jobs/${job.id}/transition`, { to });
  return job;
}

// The owner, in the browser, the way the settings page tells them to.
test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: WEB, locale: "es-AR", timezoneId: "America/Argentina/Buenos_Aires", viewport: { width: 1366, height: 900 } });
  await signIn(context);
  const page = await context.newPage();
  await page.goto("/panel/arca");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ARCA");
  await expect(page.getByLabel("CUIT")).toHaveValue("30712345671");
  await expect(page.getByText("Todavía no hay un certificado instalado")).toBeVisible();

  await page.getByRole("button", { name: "Generar pedido de certificado (CSR)" }).click();
  const csrBox = page.getByLabel("Pedido de certificado (CSR)");
  await expect(csrBox).toHaveValue(/-----BEGIN CERTIFICATE REQUEST-----/);
  await expect(page.getByText("WSASS – Autogestión Certificados Homologación")).toBeVisible();
  const issued = await fetch(`${SANDBOX}/_sandbox/arca/certificates`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ csr: await csrBox.inputValue() }) });
  expect(issued.status).toBe(201);
  const { certificate } = (await issued.json()) as { certificate: string };

  await page.getByLabel("Certificado de ARCA (.crt)").fill(certificate);
  await page.getByRole("button", { name: "Instalar certificado" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Certificado instalado" })).toBeVisible();
  await expect(page.getByTestId("arca-certificate")).toContainText("30712345671");

  await page.getByRole("button", { name: "Probar conexión" }).click();
  const check = page.getByTestId("arca-check");
  await expect(check).toContainText("✓ Conectado con ARCA", { timeout: 20_000 });
  const steps = check.getByRole("listitem");
  await expect(steps).toHaveCount(4);
  await expect(steps.filter({ hasText: "✗" })).toHaveCount(0);
  await expect(check).toContainText("Punto de venta 2");

  // The result stays for the next visit.
  await page.reload();
  await expect(page.getByTestId("arca-check")).toContainText("✓ Conectado con ARCA");
  await page.screenshot({ path: "test-results/screenshots/arca.png", fullPage: true });
  await context.close();
});

test("an owner invoices a completed job, ARCA authorizes it, the customer gets it, and a credit note cancels it", async ({ page, context }) => {
  test.setTimeout(120_000);
  const token = await signIn(context);
  const job = await completedJob(token);
  const sinceInbox = new Date().toISOString();

  // The job's page: the class follows the receiver's IVA condition as it is typed.
  await page.goto(`/panel/trabajos/${job.id}`);
  const section = page.getByRole("region", { name: "Facturar" });
  await expect(section).toBeVisible();
  const letter = section.getByTestId("invoice-letter");
  await expect(letter).toContainText("Factura B");
  await expect(section.getByLabel("Documento")).toHaveValue("99");
  await expect(section.getByLabel("Nombre o razón social")).toHaveValue("Martina Gómez");
  await expect(section.getByLabel("Email (opcional)")).toHaveValue("martina.gomez@example.com");
  await section.getByLabel("Documento").selectOption({ label: "CUIT" });
  await section.getByLabel("Condición frente al IVA").selectOption({ label: "IVA Responsable Inscripto" });
  await expect(letter).toContainText("Factura A");
  // A document ARCA would refuse comes back in Spanish next to its field, and nothing is issued.
  await section.getByLabel("Número").fill("20-12345678-0");
  await section.getByRole("button", { name: "Emitir Factura A" }).click();
  await expect(section.getByRole("alert").filter({ hasText: "dígito verificador" })).toBeVisible();
  await expect(section.getByLabel("Número")).toHaveAttribute("aria-invalid", "true");

  await section.getByLabel("Documento").selectOption({ label: "Consumidor final sin identificar" });
  await expect(letter).toContainText("Factura B");
  // $ 38.000 + 1,5 × $ 8.500,50 = $ 50.750,75 neto; IVA 21 % $ 10.657,66; total $ 61.408,41.
  await expect(section.getByLabel("Totales de la factura")).toContainText("$ 61.408,41");
  await section.getByRole("button", { name: "Emitir Factura B" }).click();

  // The invoice page refreshes itself until ARCA answers.
  await expect(page).toHaveURL(/\/panel\/facturas\/[\w-]+$/, { timeout: 15_000 });
  const invoiceUrl = page.url();
  await expect(page.getByRole("heading", { name: "ARCA: Autorizada" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Factura B 00002-\d{8}$/);
  const cae = (await page.getByTestId("invoice-cae").textContent())!.trim();
  expect(cae).toMatch(/^\d{14}$/);
  await expect(page.getByText("Homologación — sin validez fiscal")).toBeVisible();
  await expect(page.getByTestId("invoice-total")).toHaveText("$ 61.408,41");
  await expect(page.getByLabel("Totales")).toContainText("IVA 21 % (sobre $ 50.750,75)");
  await expect(page.getByRole("link", { name: `Trabajo #${job.number}` })).toHaveAttribute("href", `/panel/trabajos/${job.id}`);
  await page.screenshot({ path: "test-results/screenshots/factura.png", fullPage: true });

  // "Ver PDF" opens the PDF in a new tab; its bytes are a PDF with the CAE on it.
  const pdfLink = page.getByRole("link", { name: "Ver PDF" });
  await expect(pdfLink).toHaveAttribute("target", "_blank");
  const pdfPath = (await pdfLink.getAttribute("href"))!;
  const [tab] = await Promise.all([context.waitForEvent("page"), pdfLink.click()]);
  await expect.poll(() => tab.url()).toContain(pdfPath);
  await tab.close();
  const pdf = await context.request.get(pdfPath);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
  const dir = mkdtempSync(join(tmpdir(), "campotech-invoice-"));
  try {
    writeFileSync(join(dir, "factura.pdf"), bytes);
    const text = spawnSync("pdftotext", ["-layout", join(dir, "factura.pdf"), "-"], { encoding: "utf8" });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(cae);
    expect(text.stdout).toMatch(/factura/i); // the PDF's heading is "FACTURA", with the letter in its box
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Martina's phone got the PDF (inside the 24-hour window) or the invoice_ready template with its link.
  type InboxEntry = { type: string; createdAt: string; payload: { document?: { filename?: string }; template?: { name: string } } };
  await expect.poll(async () => {
    const inbox = (await (await fetch(`${SANDBOX}/_sandbox/customers/${MARTINA.waId}/inbox`)).json()) as InboxEntry[];
    return inbox.some((m) => m.createdAt >= sinceInbox && ((m.type === "document" && /\.pdf$/i.test(m.payload.document?.filename ?? "")) || (m.type === "template" && m.payload.template?.name === "invoice_ready")));
  }, { timeout: 20_000 }).toBe(true);

  // The list: the invoice with its label, status and CAE, and the period's total.
  await page.goto("/panel/facturas");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: /^Factura B 00002-/ }) }).first();
  await expect(row).toContainText("Autorizada");
  await expect(row).toContainText(cae);
  await expect(row).toContainText("$ 61.408,41");
  await expect(page.getByTestId("invoices-total")).toHaveText("$ 61.408,41");
  await page.screenshot({ path: "test-results/screenshots/facturas.png", fullPage: true });

  // A phone's width: the invoice page in one column, nothing cut off; the list as cards.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsThePhone(page);
  await page.goto(invoiceUrl);
  await expect(page.getByRole("heading", { name: "ARCA: Autorizada" })).toBeVisible();
  await expectFitsThePhone(page);
  await page.screenshot({ path: "test-results/screenshots/factura-celular.png", fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });

  // A total credit note, authorized in turn, linked both ways.
  await page.getByRole("button", { name: "Nota de crédito" }).click();
  await expect(page.getByRole("radio", { name: /Toda la factura/ })).toBeChecked();
  await page.getByRole("button", { name: "Emitir nota de crédito" }).click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith("/panel/facturas/") && url.href !== invoiceUrl, { timeout: 15_000 });
  await expect(page.getByRole("heading", { name: "ARCA: Autorizada" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Nota de Crédito B 00002-\d{8}$/);
  await expect(page.getByTestId("invoice-cae")).toHaveText(/^\d{14}$/);
  await expect(page.getByTestId("invoice-total")).toHaveText("$ 61.408,41");
  await page.getByRole("link", { name: /^Factura B 00002-/ }).click();
  await expect(page).toHaveURL(invoiceUrl);
  const notes = page.getByRole("region", { name: "Notas de crédito" });
  await expect(notes.getByRole("link", { name: /^Nota de Crédito B 00002-/ })).toBeVisible();
  await expect(notes).toContainText("Autorizada");
  await expect(page.getByRole("button", { name: "Nota de crédito" })).toHaveCount(0);

  // The job now lists its vouchers instead of the form.
  await page.goto(`/panel/trabajos/${job.id}`);
  const billed = page.getByRole("region", { name: "Facturación" });
  await expect(billed.getByRole("link", { name: /^Factura B 00002-/ })).toBeVisible();
  await expect(billed.getByRole("link", { name: /^Nota de Crédito B 00002-/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Emitir Factura/ })).toHaveCount(0);
});
