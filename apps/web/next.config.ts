import type { NextConfig } from "next";

// Sent with every response, pages and API alike (the per-page Content-Security-Policy is set in proxy.ts).
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // No address of ours (tracking tokens live in the path) goes to another site in a Referer.
  { key: "Referrer-Policy", value: "same-origin" },
  // Nobody frames the dashboard (clickjacking); frame-ancestors in the CSP says the same to current browsers.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

const config: NextConfig = {
  // Internal packages ship TypeScript; Next compiles them (no build step of their own).
  transpilePackages: ["@campotech/core", "@campotech/database"],
  // Loaded by Node from node_modules, not bundled: they read their own data files at run time (pdfkit's fonts and
  // AFM metrics, soap's helpers) or are native-heavy; bundling rewrites those paths. prom-client: one copy per process
  // (its metric classes and the registry on globalThis must be the same module in every route bundle).
  serverExternalPackages: ["pino", "pg", "ioredis", "bullmq", "pdfkit", "fontkit", "qrcode", "soap", "node-forge", "prom-client", "@sentry/node", "posthog-node"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      {
        // HSTS only where the request came over https (our TLS-terminating proxy says so): browsers must ignore it
        // on plain http anyway, and a local run on http://localhost never pins itself to https.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000" }],
      },
    ];
  },
};

export default config;
