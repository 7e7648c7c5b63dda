import { spawnSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { Redis } from "ioredis";
import { CLI_ENV, TEST_REDIS_URL } from "../playwright.config";
import { loginCodeSentTo, SANDBOX, signIn, WEB } from "./panel-session";

// The security controls as a browser and a forger meet them on the running platform (our web server in front of
// Next, the workers, the provider sandbox): response headers and the CSP in real Chromium, forwarded addresses
// against the real TCP peer, the login redirect, a same-site cross-origin form post, customer files, and logout.
const OWNER_PHONE = "11 4000-0001";
const OWNER_WA = "5491140000001";
const redis = new Redis(TEST_REDIS_URL);
// Every request from this machine comes from the same peer; each test starts with its login allowance.
const clearIpLimit = () => redis.del("auth:limit:requestPerIp:127.0.0.1", "auth:limit:requestPerPhone:+5491140000001");

test.afterAll(async () => {
  await clearIpLimit();
  await redis.quit();
});

function sql(statement: string): string {
  const result = spawnSync("psql", [CLI_ENV.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-tAc", statement], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed:\n${result.stderr}`);
  return result.stdout.trim();
}

async function loginWithCode(page: Page, path: string): Promise<void> {
  await clearIpLimit();
  await page.goto(path);
  await page.getByLabel("Celular").fill(OWNER_PHONE);
  const since = new Date().toISOString();
  await page.getByRole("button", { name: "Enviarme el código" }).click();
  let code = "";
  await expect.poll(async () => (code = await loginCodeSentTo(OWNER_WA, since)), { timeout: 15_000 }).toMatch(/^\d{6}$/);
  await page.getByLabel("Código").fill(code);
  await page.getByRole("button", { name: "Ingresar" }).click();
}

test.describe("security", () => {
  test("pages carry a nonce CSP and every answer the security headers; HSTS only over https", async ({ request }) => {
    const page = await request.get("/ingresar");
    const csp = page.headers()["content-security-policy"]!;
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A new nonce per page view.
    expect((await request.get("/ingresar")).headers()["content-security-policy"]).not.toContain(nonce!);

    for (const path of ["/ingresar", "/api/health"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["referrer-policy"], path).toBe("same-origin");
      expect(headers["strict-transport-security"], path).toBeUndefined();
    }
    const overTls = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
    expect(overTls.headers()["strict-transport-security"]).toBe("max-age=31536000");
  });

  test("the dashboard works under its CSP: nothing refused, pages hydrated", async ({ page, context }) => {
    const violations: string[] = [];
    page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`)));
    await signIn(context);
    for (const path of ["/panel", "/panel/bandeja", "/panel/trabajos", "/panel/whatsapp"]) {
      await page.goto(path);
      await expect(page.getByRole("navigation", { name: "Secciones" })).toBeVisible();
    }
    // Client-side navigation only works once React hydrated, i.e. once the scripts the CSP allows ran.
    await page.getByRole("link", { name: "Clientes" }).click();
    await expect(page).toHaveURL(/\/panel\/clientes$/);
    expect(violations).toEqual([]);
  });

  test("a forged X-Forwarded-For does not reset the per-IP login limit", async ({ request }) => {
    await clearIpLimit();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await request.post("/api/auth/otp/request", { data: { phone: `11 5000-01${String(i).padStart(2, "0")}` }, headers: { "x-forwarded-for": `10.9.0.${i}` } });
      statuses.push(response.status());
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses[10]).toBe(429);
    // A header a hundred characters long is a client's word like any other, not a server error.
    const long = await request.post("/api/auth/otp/request", { data: { phone: OWNER_PHONE }, headers: { "x-forwarded-for": "1".repeat(300) } });
    expect(long.status()).toBe(429);
    await clearIpLimit();
  });

  test("after login, next=/\\evil.example stays on the site", async ({ page, request }) => {
    const renew = await request.get("/api/auth/renew?next=/%5Cevil.example", { maxRedirects: 0 });
    expect(renew.status()).toBe(303);
    expect(renew.headers().location).toBe("/ingresar?next=%2Fpanel");
    await loginWithCode(page, "/ingresar?next=/%5Cevil.example");
    await expect(page).toHaveURL(`${WEB}/panel`);
  });

  test("a form posted from another origin of the same site carries the cookie and is refused", async ({ page, context }) => {
    await signIn(context);
    sql(`UPDATE "WhatsAppConversation" SET status = 'OPEN' WHERE id = 'demo-conv-1'`);
    // The sandbox's phone simulator: 127.0.0.1 on another port, so SameSite=Lax still sends our cookie.
    await page.goto(SANDBOX);
    await page.evaluate((action) => {
      const form = document.createElement("form");
      form.method = "POST";
      form.action = action;
      form.enctype = "text/plain";
      const field = document.createElement("input");
      field.name = '{"x":"';
      field.value = '"}';
      form.append(field);
      document.body.append(form);
      form.submit();
    }, `${WEB}/api/whatsapp/conversations/demo-conv-1/close`);
    await expect(page.locator("body")).toContainText("CROSS_SITE_REQUEST");
    expect(sql(`SELECT status FROM "WhatsAppConversation" WHERE id = 'demo-conv-1'`)).toBe("OPEN");
    // The same action from our own page works (the session was valid all along).
    await page.goto("/panel");
    const status = await page.evaluate(async () => (await fetch("/api/whatsapp/conversations/demo-conv-1/close", { method: "POST" })).status);
    expect(status).toBe(200);
    sql(`UPDATE "WhatsAppConversation" SET status = 'OPEN' WHERE id = 'demo-conv-1'`);
  });

  test("a customer's SVG is a download, never a page of ours", async ({ page, context }) => {
    await signIn(context);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" onload="document.title='pwned'"><script>document.title='pwned'</script></svg>`;
    const sent = await fetch(`${SANDBOX}/_sandbox/customers/5491155550888/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "document", media: { base64: Buffer.from(svg).toString("base64"), mimeType: "image/svg+xml", filename: "plano.svg" } }),
    });
    expect(sent.ok).toBe(true);
    let id = "";
    await expect.poll(() => (id = sql(`SELECT m.id FROM "WhatsAppMessage" m JOIN "WhatsAppConversation" c ON c.id = m."conversationId" JOIN "Customer" cu ON cu.id = c."customerId"
      WHERE cu.phone = '+5491155550888' AND m."mediaState" = 'STORED' LIMIT 1`)), { timeout: 20_000 }).not.toBe("");
    const url = `/api/whatsapp/messages/${id}/media`;
    const served = await page.request.get(url);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("application/octet-stream");
    expect(served.headers()["content-disposition"]).toMatch(/^attachment; filename="plano.svg"/);
    expect(served.headers()["content-security-policy"]).toContain("sandbox");
    // Opened in a tab of the signed-in dashboard, the browser downloads it: no document of our origin is created.
    await page.goto("/panel");
    const download = page.waitForEvent("download");
    await page.goto(url).catch(() => undefined);
    expect((await download).suggestedFilename()).toBe("plano.svg");
    expect(await page.title()).not.toBe("pwned");
  });

  test("logging out ends the session at once, not when the access token expires", async ({ page, context }) => {
    await loginWithCode(page, "/ingresar");
    await expect(page).toHaveURL(`${WEB}/panel`);
    const token = (await context.cookies()).find((c) => c.name === "ct_access")!.value;
    expect((await page.request.get("/api/auth/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
    await page.getByRole("button", { name: "Cerrar sesión" }).click();
    await expect(page).toHaveURL(/\/ingresar/);
    const after = await page.request.get("/api/auth/me", { headers: { authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
  });
});
