import { defineConfig } from "@playwright/test";

// Real Chromium (Debian's /usr/bin/chromium; Playwright never downloads a browser here) against our web server (server.ts)
// on the test database. A second server with an unreachable Postgres shows how the platform reports an outage.
const testDb = process.env.CAMPOTECH_TEST_DB ?? "campotech_test";
export const TEST_REDIS_URL = process.env.CAMPOTECH_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/1";
const baseEnv = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  LOG_LEVEL: "warn",
  DATABASE_URL: `postgresql://campotech_app:campotech_app@127.0.0.1:5432/${testDb}`,
  DATABASE_ADMIN_URL: `postgresql://postgres:postgres@127.0.0.1:5432/${testDb}`,
  REDIS_URL: TEST_REDIS_URL,
  QUEUE_PREFIX: "campotech-test",
};
// webRedisOutage talks to a throwaway redis-server on PORTS.outageRedis that e2e/webhooks.spec.ts starts and kills;
// the sandbox (apps/sandbox) delivers signed webhooks to the main server.
// What the operator CLI needs to migrate and seed the test database (e2e/global-setup.ts).
export const CLI_ENV: Record<string, string | undefined> = {
  ...process.env,
  NODE_ENV: "test",
  LOG_LEVEL: "warn",
  DATABASE_URL: baseEnv.DATABASE_URL,
  DATABASE_ADMIN_URL: baseEnv.DATABASE_ADMIN_URL,
};

// CAMPOTECH_E2E_PORT_BASE lets a second checkout run its browser tests beside CI (with its own CAMPOTECH_TEST_DB and
// CAMPOTECH_TEST_REDIS_URL) without the two fighting over ports.
const PORT_BASE = Number(process.env.CAMPOTECH_E2E_PORT_BASE ?? 3210);
export const PORTS = {
  web: PORT_BASE,
  webNoPostgres: PORT_BASE + 1,
  webRedisOutage: PORT_BASE + 2,
  sandbox: PORT_BASE + 3,
  workers: PORT_BASE + 4,
  sandboxSmtp: PORT_BASE + 5,
  mobile: PORT_BASE + 6,
  webAnalytics: PORT_BASE + 7, // issue 20 (sentry): the same build with a PostHog key
  analyticsCollector: PORT_BASE + 8, // issue 20 (sentry): e2e/analytics-consent.spec.ts's fake PostHog
  outageRedis: Number(process.env.CAMPOTECH_E2E_OUTAGE_REDIS_PORT ?? 6390),
};

// ARCA's homologación web services are the sandbox's (apps/sandbox speaks WSAA and WSFEv1).
const ARCA_SANDBOX = {
  ARCA_WSAA_URL_HOMOLOGACION: `http://127.0.0.1:${PORTS.sandbox}/arca/wsaa/ws/services/LoginCms`,
  ARCA_WSFE_URL_HOMOLOGACION: `http://127.0.0.1:${PORTS.sandbox}/arca/wsfev1/service.asmx`,
};
// MercadoPago (OAuth, Checkout Pro, payments and refunds) is the sandbox's too: the web process makes links and
// refunds, the workers re-read payments after a notification.
const MERCADOPAGO_SANDBOX = {
  MERCADOPAGO_API_URL: `http://127.0.0.1:${PORTS.sandbox}/mercadopago`,
  MERCADOPAGO_AUTH_URL: `http://127.0.0.1:${PORTS.sandbox}/mercadopago/auth`,
};
// Live tracking: job addresses are geocoded (by the workers) and ETAs routed (by the web process) against the
// sandbox's gazetteer and OSRM stand-in, so no test needs the internet.
const TRACKING_SANDBOX = {
  GEOCODER_URL: `http://127.0.0.1:${PORTS.sandbox}/geo`,
  ROUTING_URL: `http://127.0.0.1:${PORTS.sandbox}/osrm`,
};

export default defineConfig({
  testDir: "./e2e",
  // Migrates and seeds the test database (demo organization with its Meta, 360dialog and Twilio numbers).
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "./test-results",
  timeout: 30_000,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT ?? "test-results/results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORTS.web}`,
    locale: "es-AR",
    timezoneId: "America/Argentina/Buenos_Aires",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "node --import tsx server.ts",
      url: `http://127.0.0.1:${PORTS.web}/api/health`,
      // Provider calls made by the web process itself (template create/sync, verify connection) go to the sandbox.
      env: {
        ...baseEnv,
        WEB_PORT: String(PORTS.web),
        PUBLIC_BASE_URL: `http://127.0.0.1:${PORTS.web}`,
        META_GRAPH_API_URL: `http://127.0.0.1:${PORTS.sandbox}/meta`,
        DIALOG360_API_BASE_URL: `http://127.0.0.1:${PORTS.sandbox}/d360`,
        DIALOG360_PARTNER_API_URL: `http://127.0.0.1:${PORTS.sandbox}/dialog360/partner/api/v2`, // issue 19 (provisioning)
        TWILIO_API_BASE_URL: `http://127.0.0.1:${PORTS.sandbox}/twilio`,
        ...ARCA_SANDBOX,
        ...MERCADOPAGO_SANDBOX,
        ...TRACKING_SANDBOX,
        WORKERS_PUBLIC_URL: `http://127.0.0.1:${PORTS.workers}`, // issue 20 (queues): the queue dashboard
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "node --import tsx server.ts",
      url: `http://127.0.0.1:${PORTS.webNoPostgres}/`,
      env: { ...baseEnv, DATABASE_URL: "postgresql://campotech_app:campotech_app@127.0.0.1:1/campotech_test", WEB_PORT: String(PORTS.webNoPostgres) },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "node --import tsx server.ts",
      // GET without the handshake answers 403, which Playwright counts as "up" (Redis is not running yet).
      url: `http://127.0.0.1:${PORTS.webRedisOutage}/api/webhooks/whatsapp`,
      env: {
        ...baseEnv,
        REDIS_URL: `redis://127.0.0.1:${PORTS.outageRedis}/0`,
        WEB_PORT: String(PORTS.webRedisOutage),
        PUBLIC_BASE_URL: `http://127.0.0.1:${PORTS.webRedisOutage}`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The workers, so the dashboard tests see the whole platform: webhooks processed, replies delivered to the
      // sandbox, statuses coming back, the assistant answering. Providers point at the sandbox below.
      command: "pnpm --dir ../workers start",
      url: `http://127.0.0.1:${PORTS.workers}/health`,
      env: {
        ...baseEnv,
        NODE_ENV: "test",
        WORKERS_HEALTH_PORT: String(PORTS.workers),
        PUBLIC_BASE_URL: `http://127.0.0.1:${PORTS.web}`,
        META_GRAPH_API_URL: `http://127.0.0.1:${PORTS.sandbox}/meta`,
        DIALOG360_API_BASE_URL: `http://127.0.0.1:${PORTS.sandbox}/d360`,
        DIALOG360_PARTNER_API_URL: `http://127.0.0.1:${PORTS.sandbox}/dialog360/partner/api/v2`, // issue 19 (provisioning)
        TWILIO_API_BASE_URL: `http://127.0.0.1:${PORTS.sandbox}/twilio`,
        EXPO_PUSH_URL: `http://127.0.0.1:${PORTS.sandbox}/expo/push/send`,
        SMTP_PORT: String(PORTS.sandboxSmtp),
        ...ARCA_SANDBOX,
        ...MERCADOPAGO_SANDBOX,
        ...TRACKING_SANDBOX,
        INBOUND_AGGREGATION_WINDOW_MS: "1500",
        OPENAI_API_KEY: "",
        OPENAI_BASE_URL: "",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The provider sandbox, delivering its demo numbers' webhooks (signed as each provider signs) to the main server.
      command: "pnpm --dir ../sandbox start",
      url: `http://127.0.0.1:${PORTS.sandbox}/_sandbox/numbers`,
      env: {
        NODE_ENV: "test",
        SANDBOX_PORT: String(PORTS.sandbox),
        SANDBOX_HOST: "127.0.0.1",
        SANDBOX_SMTP_PORT: String(PORTS.sandboxSmtp),
        PUBLIC_BASE_URL: `http://127.0.0.1:${PORTS.web}`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // issue 20 (sentry): the same build with a PostHog key, its capture host a local fake the spec starts. The key
      // reaches the browser at request time (app/panel/panel-observability.tsx), so no second build is needed.
      command: "node --import tsx server.ts",
      url: `http://127.0.0.1:${PORTS.webAnalytics}/api/health`,
      env: {
        ...baseEnv,
        WEB_PORT: String(PORTS.webAnalytics),
        PUBLIC_BASE_URL: `http://127.0.0.1:${PORTS.webAnalytics}`,
        NEXT_PUBLIC_POSTHOG_KEY: "phc_e2e_test_key",
        POSTHOG_HOST: `http://127.0.0.1:${PORTS.analyticsCollector}`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The technician app's web export (apps/mobile/dist, built by `npm test` before Playwright), with /api/* passed
      // through to the main server: one origin for the browser, so the API needs no CORS (docs/mobile.md).
      command: "node ../mobile/scripts/serve-web.mjs",
      url: `http://127.0.0.1:${PORTS.mobile}/health`,
      env: { PORT: String(PORTS.mobile), API_URL: `http://127.0.0.1:${PORTS.web}` },
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
