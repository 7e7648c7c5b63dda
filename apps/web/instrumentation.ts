import type { Instrumentation } from "next";
import type * as SentryNext from "@sentry/nextjs";

// Sentry for the web server, only when SENTRY_DSN is set: without it @sentry/nextjs is never imported and
// onRequestError does nothing. The edge runtime is not used (proxy.ts runs on Node), so only Node initialises.
type Reporting = { captureRequestError: Instrumentation.onRequestError };
let reporting: Reporting | undefined;

export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- set by Next itself, not configuration: which runtime loads us
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { initErrorReporting } = await import("@campotech/core/lib/observability/error-reporting");
  let sdk: typeof SentryNext | undefined;
  const loaded = await initErrorReporting({ service: "web", load: async () => (sdk = await import("@sentry/nextjs")) });
  if (loaded && sdk) reporting = { captureRequestError: sdk.captureRequestError };
}

// Next calls this for every error a server component, route handler, server action or proxy throws.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (!reporting) return;
  const { setErrorContext } = await import("@campotech/core/lib/observability/error-reporting");
  const requestId = request.headers["x-request-id"];
  setErrorContext({ requestId: typeof requestId === "string" ? requestId : undefined, route: context.routePath });
  await reporting.captureRequestError(error, request, context);
};
