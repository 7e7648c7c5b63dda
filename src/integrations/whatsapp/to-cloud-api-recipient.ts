// Argentine mobiles have two spellings on WhatsApp (reference/WHATSAPP.md §7, ARGENTINA.md §6.2): inbound wa_ids
// are 549 + 10 digits, but test-mode allow-lists (and some reports) only deliver to 54 + 10 digits, failing 549
// with 131030. We always reply to the exact wa_id the customer wrote from; this helper only builds the other form
// for a first contact or for the single 131030 fallback.
export type ArgentineRecipientMode = "with9" | "without9";

const WITH_9 = /^549(\d{10})$/;
const WITHOUT_9 = /^54([123]\d{9})$/;

export function toCloudApiRecipient(e164OrWaId: string, mode: ArgentineRecipientMode): string {
  const digits = e164OrWaId.replace(/\D/g, "");
  const national = WITH_9.exec(digits)?.[1] ?? WITHOUT_9.exec(digits)?.[1];
  // Not an Argentine mobile: every other country has a single form.
  if (!national) return digits;
  return mode === "with9" ? `549${national}` : `54${national}`;
}

// The other spelling of an Argentine number, or null when the number has only one.
export function alternateArgentineRecipient(e164OrWaId: string): string | null {
  const digits = e164OrWaId.replace(/\D/g, "");
  if (WITH_9.test(digits)) return toCloudApiRecipient(digits, "without9");
  if (WITHOUT_9.test(digits)) return toCloudApiRecipient(digits, "with9");
  return null;
}
