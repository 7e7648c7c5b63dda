"use client";

import { useEffect } from "react";
import { scrubBreadcrumb, scrubEvent } from "@campotech/core/lib/observability/scrub-event";

export type BrowserErrorReportingProps = { dsn: string; release: string; environment: string; organizationId: string; userId: string };

// Sentry in the dashboard's browser. Rendered only when NEXT_PUBLIC_SENTRY_DSN is set (the server decides at request
// time), and the SDK is a separate chunk loaded from here: without a DSN the browser never downloads it.
export function BrowserErrorReporting({ dsn, release, environment, organizationId, userId }: BrowserErrorReportingProps) {
  useEffect(() => {
    void import("@sentry/nextjs").then((Sentry) => {
      if (Sentry.getClient()) return;
      Sentry.init({ dsn, release, environment, beforeSend: scrubEvent, beforeBreadcrumb: scrubBreadcrumb });
      Sentry.setTags({ organizationId });
      Sentry.setUser({ id: userId });
    });
  }, [dsn, release, environment, organizationId, userId]);
  return null;
}
