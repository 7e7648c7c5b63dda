import type { Dialog360PartnerClient } from "../../integrations/dialog360/partner-client";
import { partnerErrorCode } from "../../integrations/dialog360/partner-errors";
import { adminDb } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { releaseWhatsAppNumber } from "../whatsapp-accounts/release-whatsapp-number";
import type { NumberProvisioning } from "./provisioning-record";

// What the partner and our accounts table hold for a provisioning, handed back: the channel (its key is revoked and
// the number returns to the pool) or the bare reservation, and the WhatsAppBusinessAccount released the way
// operators release any number (credentials destroyed, phone number id freed). Already-gone things count as done.
const GONE_AT_PARTNER = new Set(["channel_not_found", "channel_released", "reservation_not_found", "reservation_expired", "reservation_verified"]);

export async function releasePartnerResources(row: NumberProvisioning, partner: Dialog360PartnerClient): Promise<void> {
  try {
    if (row.channelId) await partner.releaseChannel(row.channelId);
    else if (row.reservationId) await partner.releaseReservation(row.reservationId);
  } catch (error) {
    if (!GONE_AT_PARTNER.has(partnerErrorCode(error) ?? "")) throw error;
  }
  if (row.accountId) {
    try {
      await releaseWhatsAppNumber(adminDb(), { account: row.accountId });
    } catch (error) {
      // CONFLICT: the account was already released (by an operator, or by an earlier attempt).
      if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
    }
  }
}
