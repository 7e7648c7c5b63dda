import type { BspProvider } from "@campotech/database";
import { db } from "../../lib/db";
import { alternateArgentineWaId } from "./alternate-argentine-wa-id";

export type WebhookRoute = { organizationId: string; accountId: string };

type RouteRow = { organization_id: string; account_id: string; phone_number_id: string | null };

// The organization that owns the business number a delivery is about, through the SECURITY DEFINER routing
// function (the only cross-tenant read before an organization is known):
// - Meta: metadata.phone_number_id; the display number only when no id was sent or the account has no id yet —
//   a different id on the same display number is a different registration, never another tenant's.
// - 360dialog: the same, restricted to the organization in the URL (its secret was verified).
// - Twilio: the business number (To of a message, From of a status), as stored or in its other 549/54 form.
// More than one owner is a configuration error: nothing is attached to either.
export async function resolveWebhookRoute(
  provider: BspProvider,
  business: { phoneNumberId?: string; displayPhoneNumber?: string },
  claimedOrganizationId?: string,
): Promise<WebhookRoute | null> {
  const org = claimedOrganizationId ?? null;
  if (provider !== "TWILIO" && business.phoneNumberId) {
    const byId = await routes(provider, business.phoneNumberId, null, org);
    if (byId.length) return single(byId);
  }
  const display = business.displayPhoneNumber?.replace(/\D/g, "");
  if (!display) return null;
  const candidates = provider === "TWILIO" ? [display, alternateArgentineWaId(display)].filter((d): d is string => !!d) : [display];
  for (const number of candidates) {
    let rows = await routes(provider, null, number, org);
    if (provider !== "TWILIO" && business.phoneNumberId) rows = rows.filter((r) => r.phone_number_id === null);
    if (rows.length) return single(rows);
  }
  return null;
}

async function routes(provider: BspProvider, phoneNumberId: string | null, display: string | null, org: string | null): Promise<RouteRow[]> {
  return db.$queryRaw<RouteRow[]>`
    SELECT organization_id, account_id, phone_number_id
      FROM campotech_whatsapp_routes(${provider}::"BspProvider", ${phoneNumberId}::text, ${display}::text, ${org}::text)`;
}

function single(rows: RouteRow[]): WebhookRoute | null {
  const organizations = new Set(rows.map((r) => r.organization_id));
  if (organizations.size !== 1) return null;
  return { organizationId: rows[0]!.organization_id, accountId: rows[0]!.account_id };
}
