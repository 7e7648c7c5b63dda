import type { Instrumentation } from "next";
import type * as SentryNext from "@sentry/nextjs";
import { initErrorReporting, setErrorContext } from "@campotech/core/lib/observability/error-reporting";

// The web server's Sentry (Node runtime only; see instrumentation.ts). Without SENTRY_DSN @sentry/nextjs is never
// imported and captureRequestError stays a no-op.
let capture: Instrumentation.onRequestError | undefined;

export async function startErrorReporting(): Promise<void> {
  let sdk: typeof SentryNext | undefined;
  const loaded = await initErrorReporting({ service: "web", load: async () => (sdk = await import("@sentry/nextjs")) });
  if (loaded && sdk) capture = sdk.captureRequestError;
}

export const captureRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (!capture) return;
  const requestId = request.headers["x-request-id"];
  setErrorContext({ requestId: typeof requestId === "string" ? requestId : undefined, route: context.routePath });
  await capture(error, request, context);
};
