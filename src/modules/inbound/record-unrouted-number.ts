import type { BspProvider } from "@campotech/database";
import { db } from "../../lib/db";

// A delivery for a number no organization owns: counted (once per delivery) in UnroutedWebhookNumber through a
// SECURITY DEFINER function — the application role cannot read that table — and dropped by the caller.
export async function recordUnroutedNumber(input: {
  provider: BspProvider;
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  claimedOrganizationId?: string;
  deliveryId: string;
}): Promise<number> {
  const [row] = await db.$queryRaw<{ deliveries: number }[]>`
    SELECT campotech_record_unrouted_number(${input.provider}::"BspProvider", ${input.phoneNumberId ?? null}::text,
      ${input.displayPhoneNumber ?? null}::text, ${input.claimedOrganizationId ?? null}::text, ${input.deliveryId}::text) AS deliveries`;
  return row?.deliveries ?? 0;
}
