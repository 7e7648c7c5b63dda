// Tests never touch the development database: they get their own database and Redis index, overridable for CI.
const db = process.env.CAMPOTECH_TEST_DB ?? "campotech_test";
process.env.NODE_ENV = "test";
process.env.LOG_LEVEL = process.env.CAMPOTECH_TEST_LOG_LEVEL ?? "silent";
process.env.DATABASE_URL = `postgresql://campotech_app:campotech_app@127.0.0.1:5432/${db}`;
process.env.DATABASE_ADMIN_URL = `postgresql://postgres:postgres@127.0.0.1:5432/${db}`;
process.env.REDIS_URL = process.env.CAMPOTECH_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/1";
process.env.QUEUE_PREFIX = "campotech-test";

// Code that reads provider URLs from env (e.g. a real worker process in a smoke test) talks to a sandbox that the
// global setup starts on this port. Its webhooks go nowhere: tests that need webhooks run their own sandbox.
const sandboxPort = process.env.CAMPOTECH_TEST_SANDBOX_PORT ?? "4610";
process.env.SANDBOX_PORT = sandboxPort;
process.env.META_GRAPH_API_URL = `http://127.0.0.1:${sandboxPort}/meta`;
process.env.DIALOG360_API_BASE_URL = `http://127.0.0.1:${sandboxPort}/d360`;
process.env.DIALOG360_PARTNER_API_URL = `http://127.0.0.1:${sandboxPort}/dialog360/partner/api/v2`;
process.env.TWILIO_API_BASE_URL = `http://127.0.0.1:${sandboxPort}/twilio`;
// Email through env (invoices to customers) reaches the same sandbox's SMTP catcher.
process.env.SMTP_HOST = "127.0.0.1";
process.env.SMTP_PORT = String(Number(sandboxPort) + 5);
process.env.MERCADOPAGO_API_URL = `http://127.0.0.1:${sandboxPort}/mercadopago`;
process.env.MERCADOPAGO_AUTH_URL = `http://127.0.0.1:${sandboxPort}/mercadopago/auth`;
process.env.ARCA_WSAA_URL_HOMOLOGACION = `http://127.0.0.1:${sandboxPort}/arca/wsaa/ws/services/LoginCms`;
process.env.ARCA_WSFE_URL_HOMOLOGACION = `http://127.0.0.1:${sandboxPort}/arca/wsfev1/service.asmx`;
process.env.PUBLIC_BASE_URL = "http://127.0.0.1:9";
// Geocoding and routing are off unless a test turns them on (pointing them at this sandbox's /geo and /osrm), so a
// developer's .env with GEOCODER_URL / ROUTING_URL set does not change what other tests see.
process.env.GEOCODER_URL = "";
process.env.ROUTING_URL = "";
// issue 20 (sentry): error reporting and product analytics are off unless a test turns them on (with a local fake
// ingest), whatever a developer's .env says.
process.env.SENTRY_DSN = "";
process.env.NEXT_PUBLIC_SENTRY_DSN = "";
process.env.POSTHOG_KEY = "";
process.env.NEXT_PUBLIC_POSTHOG_KEY = "";
