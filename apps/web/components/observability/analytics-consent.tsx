"use client";

import { useEffect, useState } from "react";
import { scrubText } from "@campotech/core/lib/observability/scrub-text";
import styles from "./analytics-consent.module.css";

export type AnalyticsConsentProps = { posthogKey: string; host: string; userId: string; organizationId: string };
type Choice = "granted" | "denied";

export const CONSENT_KEY = "campotech.analytics-consent";

// Product analytics in the dashboard, only with a PostHog key (the server renders this component only then) and
// only after the person said yes. Until then nothing is loaded; "No, gracias" is remembered too. PostHog knows the
// user and the organization by id: never names or phone numbers, no autocapture, no session recording.
export function AnalyticsConsent(props: AnalyticsConsentProps) {
  const [choice, setChoice] = useState<Choice | null | undefined>(undefined);

  useEffect(() => {
    const stored = window.localStorage.getItem(CONSENT_KEY);
    setChoice(stored === "granted" || stored === "denied" ? stored : null);
  }, []);

  useEffect(() => {
    if (choice === "granted") void startAnalytics(props);
  }, [choice, props]);

  const decide = (value: Choice) => {
    window.localStorage.setItem(CONSENT_KEY, value);
    setChoice(value);
  };

  if (choice !== null) return null;
  return (
    <section className={styles.banner} role="region" aria-labelledby="analytics-consent-title">
      <p id="analytics-consent-title" className={styles.question}>¿Nos dejás medir el uso del panel para mejorarlo?</p>
      <p className={styles.detail}>Solo contamos qué pantallas y funciones usás, sin tus datos ni los de tus clientes.</p>
      <div className={styles.actions}>
        <button type="button" className={styles.accept} onClick={() => decide("granted")}>Aceptar</button>
        <button type="button" className={styles.decline} onClick={() => decide("denied")}>No, gracias</button>
      </div>
    </section>
  );
}

async function startAnalytics({ posthogKey, host, userId, organizationId }: AnalyticsConsentProps): Promise<void> {
  const { default: posthog } = await import("posthog-js");
  if (posthog.__loaded) return;
  posthog.init(posthogKey, {
    api_host: host,
    autocapture: false,
    capture_pageview: true,
    disable_session_recording: true,
    session_recording: { maskAllInputs: true },
    mask_all_text: true,
    mask_all_element_attributes: true,
    disable_surveys: true,
    advanced_disable_flags: true,
    persistence: "localStorage",
    person_profiles: "identified_only",
    // Addresses lose their query strings (a search for a customer's name or phone lives there), and every string
    // property goes through the same scrubber as error reports.
    before_send: (event) => {
      if (!event) return null;
      for (const properties of [event.properties, event.$set, event.$set_once]) if (properties) scrubProperties(properties);
      return event;
    },
  });
  posthog.identify(userId, { organizationId });
  posthog.group("organization", organizationId);
}

// In place, nested objects too ($set_once carries the first address seen).
function scrubProperties(properties: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(properties)) {
    if (typeof value === "string") properties[key] = scrubText(/url|referrer/i.test(key) ? value.replace(/[?#].*$/, "") : value);
    else if (value && typeof value === "object" && !Array.isArray(value)) scrubProperties(value as Record<string, unknown>);
  }
}
