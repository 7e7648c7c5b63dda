import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { benchEnv as configure, children, ROOT, startRedis } from "./lib/bench-processes";
import { freePort } from "./lib/free-port";

// The technician app's cold start, approximated by its web export in Chromium (the issue's "time to interactive as a
// cold-start proxy"; a native cold start on a phone also loads the JS bundle, then renders the same screens). Each
// load is a new browser context (empty cache, empty localStorage). Measured in the same run, both at desktop and at
// 390 px with the CPU slowed ×4 (a low-end Android, roughly):
//   - login: navigation start → the phone input is in the page and enabled;
//   - Hoy: a signed-in technician (the session the web export keeps in localStorage) → today's job card rendered,
//     which includes the first sync (GET /api/sync/pull through the export's /api proxy to `next start`);
//   - floor: a minimal static HTML page with the same input, served by the same static server.
//
//   pnpm --filter @campotech/mobile export:web && pnpm --filter @campotech/web build   # the bench builds nothing
//   pnpm --filter @campotech/bench mobile-web-tti [loads=5]
// The slice of Playwright's API used here: the bench package does not depend on it, it borrows apps/web's install.
type Request = { resourceType(): string; sizes(): Promise<{ responseBodySize: number }> };
type Page = {
  on(event: "requestfinished", listener: (request: Request) => void): void;
  goto(url: string, options: { waitUntil: "commit" }): Promise<unknown>;
  waitForFunction(expression: string, arg: undefined, options: { timeout: number; polling: number }): Promise<{ jsonValue(): Promise<unknown> }>;
  waitForLoadState(state: "load"): Promise<void>;
};
type Context = {
  addInitScript(script: { content: string }): Promise<void>;
  newPage(): Promise<Page>;
  newCDPSession(page: Page): Promise<{ send(method: string, params?: Record<string, unknown>): Promise<unknown> }>;
  close(): Promise<void>;
};
type Browser = {
  newContext(options: { viewport: { width: number; height: number }; isMobile: boolean; hasTouch: boolean; locale: string; timezoneId: string }): Promise<Context>;
  close(): Promise<void>;
};
type Playwright = { chromium: { launch(options: { executablePath: string; args: string[] }): Promise<Browser> } };

const [LOADS = 5] = process.argv.slice(2).map(Number);
const DB = "campotech_bench_tti";
const ORG = "bench-tti";
const TECH = `${ORG}-tech`;
const JWT_SECRET = "bench-tti-jwt-secret-0123456789abcdef012345";
const DIST = `${ROOT}apps/mobile/dist`;
const CUSTOMER = "Martina Gómez";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function start(name: string, args: string[], cwd: string, env: Record<string, string>, ready: RegExp): Promise<void> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 90 s`)), 90_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (ready.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

// Records, inside the page, when the screen a scenario waits for is there: checked on every DOM mutation and every
// frame, timed with performance.now() (milliseconds since the navigation started).
const WATCH = `(() => {
  const done = {};
  const checks = {
    login: () => { const i = document.querySelector('input[aria-label="Número de celular"]'); return !!i && !i.disabled; },
    hoy: () => { const c = document.querySelector('[data-testid^="job-card-"]'); return !!c && c.textContent.includes(${JSON.stringify(CUSTOMER)}); },
  };
  const check = () => { for (const k in checks) if (!(k in done) && checks[k]()) done[k] = performance.now(); };
  window.__tti = done;
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  const frame = () => { check(); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

type Profile = { name: string; viewport: { width: number; height: number }; mobile: boolean; cpu: number };
const PROFILES: Profile[] = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, mobile: false, cpu: 1 },
  { name: "390 px, CPU ×4", viewport: { width: 390, height: 844 }, mobile: true, cpu: 4 },
];
type Scenario = { name: string; path: string; mark: "login" | "hoy"; session: boolean };
type Sample = { ms: number; jsBytes: number; requests: number };

async function load(browser: Browser, base: string, profile: Profile, scenario: Scenario, session: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: profile.viewport, isMobile: profile.mobile, hasTouch: profile.mobile, locale: "es-AR", timezoneId: "America/Argentina/Buenos_Aires" });
  try {
    // The session where the web export keeps it (src/auth/token-store.web.ts).
    if (scenario.session) await context.addInitScript({ content: `localStorage.setItem("campotech.session", ${JSON.stringify(session)});` });
    await context.addInitScript({ content: WATCH });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (profile.cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
    const scripts: Promise<number>[] = [];
    let requests = 0;
    page.on("requestfinished", (request) => {
      requests += 1;
      if (request.resourceType() === "script") scripts.push(request.sizes().then((s) => s.responseBodySize));
    });
    await page.goto(`${base}${scenario.path}`, { waitUntil: "commit" });
    const handle = await page.waitForFunction(`window.__tti && window.__tti[${JSON.stringify(scenario.mark)}]`, undefined, { timeout: 60_000, polling: 50 });
    const ms = (await handle.jsonValue()) as number;
    await page.waitForLoadState("load");
    const jsBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    return { ms, jsBytes, requests };
  } finally {
    await context.close();
  }
}

function exportedJs(): { files: number; bytes: number; gzip: number } {
  const dir = `${DIST}/_expo/static/js/web`;
  const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const body = readFileSync(join(dir, f));
    bytes += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: files.length, bytes, gzip };
}

async function main(): Promise<void> {
  if (!existsSync(`${DIST}/index.html`)) throw new Error("apps/mobile/dist has no web export: run `pnpm --filter @campotech/mobile export:web` first");
  if (!existsSync(`${ROOT}apps/web/.next/BUILD_ID`)) throw new Error("apps/web is not built: run `pnpm --filter @campotech/web build` first");
  if (!existsSync("/usr/bin/chromium")) throw new Error("no /usr/bin/chromium: install Chromium (the bench drives it with Playwright)");
  const { chromium } = createRequire(`${ROOT}apps/web/package.json`)("@playwright/test") as Playwright;

  const redisServer = await startRedis();
  const webPort = await freePort();
  const appPort = await freePort();
  const env = configure({ db: DB, redisUrl: redisServer.url, sandboxPort: await freePort(), extra: { JWT_SECRET, ROUTING_URL: "", GEOCODER_URL: "", LOG_LEVEL: "error" } });
  const { migrate } = await import("../database/src/migrate");
  const { resetDatabase } = await import("../database/testing/reset");
  const { adminDb } = await import("../src/lib/db");
  const { issueAccessToken } = await import("../src/modules/auth/access-token");

  await migrate({ adminUrl: env.DATABASE_ADMIN_URL!, appUrl: env.DATABASE_URL! });
  await resetDatabase(env.DATABASE_ADMIN_URL!);
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Bench TTI", cuit: "30712345671", tier: "ENTERPRISE" } });
  await admin.user.create({ data: { id: TECH, organizationId: ORG, phone: "+5491100000002", name: "Diego Ruiz", role: "TECHNICIAN" } });
  await admin.customer.create({ data: { id: `${ORG}-c`, organizationId: ORG, phone: "+5491155550123", name: CUSTOMER, address: "Av. Rivadavia 4520, CABA" } });
  const now = new Date();
  await admin.job.create({
    data: {
      id: `${ORG}-j1`, organizationId: ORG, number: 1, customerId: `${ORG}-c`, address: "Av. Rivadavia 4520, CABA", serviceType: "PLUMBING",
      description: "Pérdida en la cocina", status: "scheduled", technicianId: TECH, scheduledStart: now, scheduledEnd: new Date(now.getTime() + 2 * 3_600_000),
      transitions: { create: [{ organizationId: ORG, to: "pending", actorType: "SYSTEM" }, { organizationId: ORG, from: "pending", to: "scheduled", actorType: "SYSTEM" }] },
    },
  });

  // The export plus the floor page, served by the app's own static server (scripts/serve-web.mjs, /api → next start).
  const site = mkdtempSync(join(tmpdir(), "campotech-tti-"));
  cpSync(DIST, site, { recursive: true });
  writeFileSync(join(site, "floor.html"), '<!doctype html><html lang="es-AR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>CampoTech</title></head><body><label>Número de celular <input aria-label="Número de celular" type="tel"></label></body></html>');
  const webEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", WEB_PORT: String(webPort), PUBLIC_BASE_URL: `http://127.0.0.1:${webPort}` } as Record<string, string>; // eslint-disable-line no-restricted-properties -- the servers inherit the bench env
  await start("web", [`${ROOT}apps/web/node_modules/next/dist/bin/next`, "start", "-p", String(webPort), "-H", "127.0.0.1"], `${ROOT}apps/web`, webEnv, /Ready in|started server|Local:/);
  await start("app", [`${ROOT}apps/mobile/scripts/serve-web.mjs`], `${ROOT}apps/mobile`, { ...webEnv, PORT: String(appPort), API_URL: `http://127.0.0.1:${webPort}`, MOBILE_DIST_DIR: site }, /CampoTech app/);
  const base = `http://127.0.0.1:${appPort}`;

  const access = issueAccessToken({ id: TECH, organizationId: ORG, role: "TECHNICIAN" }, { ttlSeconds: 3_600, secret: JWT_SECRET });
  const session = JSON.stringify({
    accessToken: access.token, accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    // Never used: the access token outlives the run, so the app does not refresh.
    refreshToken: "bench-unused", refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    user: { id: TECH, organizationId: ORG, role: "TECHNICIAN" },
  });
  const pull = await fetch(`${base}/api/sync/pull`, { headers: { authorization: `Bearer ${access.token}` } });
  if (!pull.ok) throw new Error(`GET /api/sync/pull through the export's proxy: ${pull.status} ${await pull.text()}`);

  const scenarios: Scenario[] = [
    { name: "floor: static HTML with the input", path: "/floor.html", mark: "login", session: false },
    { name: "login screen interactive", path: "/", mark: "login", session: false },
    { name: "Hoy with today's job (signed in, first sync)", path: "/", mark: "hoy", session: true },
  ];
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const results = new Map<string, Sample[]>();
  try {
    for (const profile of PROFILES) {
      for (const scenario of scenarios) await load(browser, base, profile, scenario, session); // warm the servers, not the browser
      // Interleaved, so a slow moment of the machine hits every scenario alike.
      for (let i = 0; i < LOADS; i++) {
        for (const scenario of scenarios) {
          const key = `${profile.name}|${scenario.name}`;
          const sample = await load(browser, base, profile, scenario, session);
          results.set(key, [...(results.get(key) ?? []), sample]);
          console.log(`${profile.name.padEnd(16)} ${scenario.name.padEnd(46)} ${sample.ms.toFixed(0).padStart(6)} ms  ${(sample.jsBytes / 1024).toFixed(0)} KiB JS`);
        }
      }
    }
  } finally {
    await browser.close();
  }

  const js = exportedJs();
  const f = (n: number, d = 0) => n.toFixed(d);
  const kib = (n: number) => `${f(n / 1024)} KiB`;
  const rows: string[] = [];
  for (const profile of PROFILES) {
    const floor = median(results.get(`${profile.name}|${scenarios[0]!.name}`)!.map((s) => s.ms));
    for (const scenario of scenarios) {
      const samples = results.get(`${profile.name}|${scenario.name}`)!;
      const ms = median(samples.map((s) => s.ms));
      const spread = `${f(Math.min(...samples.map((s) => s.ms)))}–${f(Math.max(...samples.map((s) => s.ms)))}`;
      rows.push(`| ${profile.name} | ${scenario.name} | ${f(ms)} ms | ${spread} | ${f(ms / floor, 1)} × | ${kib(median(samples.map((s) => s.jsBytes)))} | ${median(samples.map((s) => s.requests))} |`);
    }
  }
  const table = [
    "# mobile-web-tti",
    "",
    `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? "cpu"} · ${Math.round(totalmem() / 2 ** 30)} GiB · Linux ${release()} · Node ${process.version} · Chromium (headless, Playwright)`,
    "",
    `The technician app's web export (\`apps/mobile/dist\`, ${js.files} JS file(s): ${kib(js.bytes)}, ${kib(js.gzip)} gzipped) served by \`scripts/serve-web.mjs\` with \`/api\` passed to \`next start\`; every load a new browser context (no cache, no storage), ${LOADS} loads per row, median and range. Time is from navigation start to the screen being there: the phone input enabled (login, floor) or today's job card with its customer (Hoy: restores the session, loads the local store, pulls the 7-day window). Loopback network; the static server does not compress, so "JS transferred" is the raw bundle.`,
    "",
    "| profile | what | median | range | × floor | JS transferred | requests |",
    "|---|---|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    `"390 px, CPU ×4": viewport 390 × 844, touch, \`Emulation.setCPUThrottlingRate\` 4 over CDP (roughly a low-end Android's CPU against this machine's; no network throttling). Seed target for a cold start: < 4 s.`,
    "",
  ].join("\n");
  console.log(`\n${table}`);
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/mobile-web-tti.md`, table);
  rmSync(site, { recursive: true, force: true });
  await admin.$disconnect();
  for (const child of children) child.kill("SIGTERM");
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  for (const child of children) child.kill("SIGKILL");
  process.exit(1);
});
