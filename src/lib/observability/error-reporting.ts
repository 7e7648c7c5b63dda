import type * as SentryNode from "@sentry/node";
import { env } from "../env";
import { APP_VERSION } from "../version";
import { onFlush } from "./flush-on-exit";
import { scrubBreadcrumb, scrubEvent } from "./scrub-event";

// Sentry for every server-side runtime (web server, workers, CLI). Without SENTRY_DSN the SDK is never imported:
// nothing is loaded, no client exists and every function here is a no-op. The web server passes @sentry/nextjs
// as its SDK; workers and the CLI use @sentry/node (the same @sentry/core underneath).
type Sdk = Pick<typeof SentryNode, "withScope" | "captureException" | "flush" | "getIsolationScope"> & {
  init: (options: ReturnType<typeof sentryOptions>) => unknown;
};
export type ErrorContext = { organizationId?: string; jobId?: string; jobName?: string; requestId?: string; command?: string; route?: string };

// Process-wide (Symbol.for): Next compiles instrumentation.ts and each route into separate bundles, each with its
// own copy of this module; all of them must see the SDK that instrumentation.ts initialised.
const SDK = Symbol.for("campotech.observability.sentry");
const slot = globalThis as typeof globalThis & { [SDK]?: Sdk };

export const RELEASE = `campotech@${APP_VERSION}`;

export function sentryOptions(dsn: string, service: string) {
  return {
    dsn,
    release: RELEASE,
    environment: env.CAMPOTECH_DEPLOYMENT,
    sendDefaultPii: false,
    initialScope: { tags: { service } },
    beforeSend: scrubEvent,
    beforeBreadcrumb: scrubBreadcrumb,
  };
}

export async function initErrorReporting(options: { service: "web" | "workers" | "cli" | "ingest"; dsn?: string; load?: () => Promise<Sdk> }): Promise<boolean> {
  const dsn = options.dsn ?? env.SENTRY_DSN;
  if (!dsn) return false;
  if (slot[SDK]) return true;
  const loaded = await (options.load ?? (() => import("@sentry/node")))();
  loaded.init(sentryOptions(dsn, options.service));
  slot[SDK] = loaded;
  onFlush(flushErrorReporting);
  return true;
}

function tagsOf(context: ErrorContext): Record<string, string> {
  return Object.fromEntries(Object.entries(context).filter(([, value]) => typeof value === "string" && value !== ""));
}

// `extra` is attached as a context (a job's payload): beforeSend scrubs it like everything else.
export function reportError(error: unknown, context: ErrorContext = {}, extra?: Record<string, unknown>): void {
  const sdk = slot[SDK];
  if (!sdk) return;
  const tags = tagsOf(context);
  sdk.withScope((scope) => {
    scope.setTags(tags);
    if (extra) scope.setContext("details", extra);
    sdk.captureException(error);
  });
}

// Tags every later report of the current request (web) or process (CLI) with who it was for.
export function setErrorContext(context: ErrorContext): void {
  slot[SDK]?.getIsolationScope().setTags(tagsOf(context));
}

export async function flushErrorReporting(timeoutMs = 2_000): Promise<void> {
  await slot[SDK]?.flush(timeoutMs);
}
