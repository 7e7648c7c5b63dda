import { env } from "@campotech/core/lib/env";
import { RELEASE } from "@campotech/core/lib/observability/error-reporting";
import { AnalyticsConsent } from "@/components/observability/analytics-consent";
import { BrowserErrorReporting } from "@/components/observability/browser-error-reporting";

// Decided per request from the server's env (the panel is rendered dynamically), so one build serves every
// environment: without NEXT_PUBLIC_SENTRY_DSN / NEXT_PUBLIC_POSTHOG_KEY nothing is rendered and the browser loads
// neither SDK. Only ids go to the browser components.
export function PanelObservability({ organizationId, userId }: { organizationId: string; userId: string }) {
  return (
    <>
      {env.NEXT_PUBLIC_SENTRY_DSN ? (
        <BrowserErrorReporting dsn={env.NEXT_PUBLIC_SENTRY_DSN} release={RELEASE} environment={env.CAMPOTECH_DEPLOYMENT} organizationId={organizationId} userId={userId} />
      ) : null}
      {env.NEXT_PUBLIC_POSTHOG_KEY ? (
        <AnalyticsConsent posthogKey={env.NEXT_PUBLIC_POSTHOG_KEY} host={env.POSTHOG_HOST} organizationId={organizationId} userId={userId} />
      ) : null}
    </>
  );
}
