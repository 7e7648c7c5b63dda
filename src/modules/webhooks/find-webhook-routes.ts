import type { BspProvider, ProvisioningStatus } from "@campotech/database";
import { db } from "../../lib/db";
import { AppError } from "../../lib/errors";

// What campotech_whatsapp_routes() returns (migration 20261122010000_whatsapp_routing): the only cross-tenant read
// of the webhook path. Secrets stay sealed here; callers decrypt what they need.
export type WebhookRoute = {
  organizationId: string;
  accountId: string;
  provisioningStatus: ProvisioningStatus;
  phoneNumberId: string | null;
  displayPhoneNumber: string;
  credentialsEncrypted: string;
  webhookSecretEncrypted: string | null;
};

export type RouteQuery = { provider: BspProvider; phoneNumberId?: string; displayNumber?: string; organizationId?: string };

type Row = {
  organization_id: string;
  account_id: string;
  provisioning_status: ProvisioningStatus;
  phone_number_id: string | null;
  display_phone_number: string;
  credentials_encrypted: string;
  webhook_secret_encrypted: string | null;
};

// Webhooks arrive in bursts for the same few numbers: a short in-memory cache keeps Postgres off the hot path.
// Misses are cached briefly too, so a flood for an unknown orgId cannot hammer the database.
const HIT_TTL_MS = 30_000;
const MISS_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { routes: WebhookRoute[]; expiresAt: number }>();

export async function findWebhookRoutes(query: RouteQuery): Promise<WebhookRoute[]> {
  const key = [query.provider, query.phoneNumberId ?? "", query.displayNumber ?? "", query.organizationId ?? ""].join("|");
  const now = Date.now();
  const cached = cache.get(key);
  if (cached && cached.expiresAt > now) return cached.routes;
  let rows: Row[];
  try {
    rows = await db.$queryRaw<Row[]>`
      SELECT * FROM campotech_whatsapp_routes(${query.provider}::"BspProvider", ${query.phoneNumberId ?? null}::text,
        ${query.displayNumber ?? null}::text, ${query.organizationId ?? null}::text)`;
  } catch (error) {
    // No routing → we cannot authenticate → the provider must retry later, not drop the delivery.
    throw new AppError("SERVICE_UNAVAILABLE", { cause: error, detail: "webhook routing lookup failed" });
  }
  const routes = rows.map((r) => ({
    organizationId: r.organization_id,
    accountId: r.account_id,
    provisioningStatus: r.provisioning_status,
    phoneNumberId: r.phone_number_id,
    displayPhoneNumber: r.display_phone_number,
    credentialsEncrypted: r.credentials_encrypted,
    webhookSecretEncrypted: r.webhook_secret_encrypted,
  }));
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { routes, expiresAt: now + (routes.length ? HIT_TTL_MS : MISS_TTL_MS) });
  return routes;
}

/** Tests and operator tooling: forget cached routes (e.g. after connecting or rotating a number). */
export function clearWebhookRouteCache(): void {
  cache.clear();
}
