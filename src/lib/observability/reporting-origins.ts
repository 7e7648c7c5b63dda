import type { Env } from "../env";

// Where the dashboard's browser may send error reports and product events (the CSP's connect-src): nothing unless
// the browser SDKs are configured.
export function reportingOrigins(env: Pick<Env, "NEXT_PUBLIC_SENTRY_DSN" | "NEXT_PUBLIC_POSTHOG_KEY" | "POSTHOG_HOST">): string[] {
  const origins: string[] = [];
  if (env.NEXT_PUBLIC_SENTRY_DSN) origins.push(new URL(env.NEXT_PUBLIC_SENTRY_DSN).origin);
  if (env.NEXT_PUBLIC_POSTHOG_KEY) origins.push(new URL(env.POSTHOG_HOST).origin);
  return origins;
}
