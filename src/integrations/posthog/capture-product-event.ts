import { env } from "../../lib/env";
import { onFlush } from "../../lib/observability/flush-on-exit";
import { scrubText } from "../../lib/observability/scrub-text";

// Server-side product analytics: four facts about how the product is used, sent to PostHog. Without POSTHOG_KEY
// posthog-node is never imported and every call is a no-op. Properties are ids, counts and amounts only (the type
// admits nothing else): never names, phone numbers or what anyone wrote.
export type ProductEventName = "conversation_answered" | "job_booked" | "invoice_issued" | "payment_approved";
export type ProductEventProperties = { [key: `${string}Id`]: string | undefined } & {
  [key: `${string}Cents` | `${string}Count`]: number | undefined;
};
export type ProductEvent = {
  event: ProductEventName;
  organizationId: string;
  // The person who did it when there is one (a user id); otherwise the event belongs to the organization.
  userId?: string | null;
  properties?: ProductEventProperties;
};

type Client = { capture: (message: { distinctId: string; event: string; properties: Record<string, unknown>; groups: Record<string, string> }) => void; shutdown: () => Promise<void>; flush: () => Promise<void> };
let client: Promise<Client> | undefined;

function getClient(): Promise<Client> | undefined {
  if (!env.POSTHOG_KEY) return undefined;
  if (!client) {
    client = import("posthog-node").then(({ PostHog }) => new PostHog(env.POSTHOG_KEY as string, { host: env.POSTHOG_HOST, flushAt: 20, flushInterval: 10_000 }));
    onFlush(flushProductEvents);
  }
  return client;
}

export function captureProductEvent(input: ProductEvent): void {
  const pending = getClient();
  if (!pending) return;
  const properties: Record<string, unknown> = { organizationId: input.organizationId };
  for (const [key, value] of Object.entries(input.properties ?? {})) {
    if (value !== undefined) properties[key] = typeof value === "string" ? scrubText(value) : value;
  }
  void pending.then((posthog) =>
    posthog.capture({ distinctId: input.userId ?? input.organizationId, event: input.event, properties, groups: { organization: input.organizationId } }),
  );
}

// Sends what is queued; the worker and the web server call it before exiting.
export async function flushProductEvents(): Promise<void> {
  if (client) await (await client).flush();
}
