import type { TenantTx } from "../../lib/db";
import { formatArgentinePhone, normalizeArgentinePhone } from "../../lib/phone";

export type CustomerIdentity = { waId?: string; userId?: string; profileName?: string; username?: string };

export type MatchedCustomer = {
  id: string;
  phone: string | null;
  waId: string | null;
  optedOutAt: Date | null;
  created: boolean;
};

// The E.164 form we key people on. WhatsApp ids are international, so "+" forces the international path:
// 549… and 54… (with or without the mobile 9) become the same +549…; other countries keep their digits.
export function customerPhoneFromWaId(waId: string): string {
  return normalizeArgentinePhone(`+${waId}`) ?? `+${waId.replace(/\D/g, "")}`;
}

// One customer per person per organization (reference/ARGENTINA.md §6): matched by the normalized phone, then by
// the business-scoped user id of username-only contacts. Inserts use ON CONFLICT DO NOTHING (createMany with
// skipDuplicates) and re-read, so two deliveries racing for a new customer end up on the same row instead of
// aborting the transaction. waId keeps the exact id the provider reported last: replies go to that id.
export async function matchCustomer(tx: TenantTx, organizationId: string, identity: CustomerIdentity): Promise<MatchedCustomer> {
  const phone = identity.waId ? customerPhoneFromWaId(identity.waId) : null;
  const userId = identity.userId ?? null;
  if (!phone && !userId) throw new Error("a sender needs a wa_id or a user id");

  const select = { id: true, phone: true, waId: true, waUserId: true, profileName: true, optedOutAt: true, mergedIntoId: true } as const;
  const find = async () =>
    (phone ? await tx.customer.findUnique({ where: { organizationId_phone: { organizationId, phone } }, select }) : null) ??
    (userId ? await tx.customer.findUnique({ where: { organizationId_waUserId: { organizationId, waUserId: userId } }, select }) : null);

  let customer = await find();
  let created = false;
  if (!customer) {
    const name = identity.profileName ?? (phone ? formatArgentinePhone(phone) : undefined) ?? identity.username ?? "Cliente de WhatsApp";
    const inserted = await tx.customer.createMany({
      data: [{ organizationId, phone, waId: identity.waId ?? null, waUserId: userId, name, profileName: identity.profileName ?? null }],
      skipDuplicates: true,
    });
    created = inserted.count === 1;
    customer = await find();
    if (!customer) throw new Error("customer vanished after insert");
  }

  // A customer merged into another keeps its phone so the person still lands on the survivor. Replies then go to the
  // number they wrote from last (waId), like any other inbound; the survivor's own phone and user id stay.
  if (customer.mergedIntoId) return followMerge(tx, customer.mergedIntoId, identity, created);

  const changes: { waId?: string; waUserId?: string; profileName?: string; phone?: string } = {};
  if (identity.waId && customer.waId !== identity.waId) changes.waId = identity.waId;
  if (userId && !customer.waUserId) changes.waUserId = userId;
  if (identity.profileName && customer.profileName !== identity.profileName) changes.profileName = identity.profileName;
  // A username-only contact that now shows a phone number: only if no other customer already has it (find()
  // would have returned that one first).
  if (phone && !customer.phone) changes.phone = phone;
  if (Object.keys(changes).length) {
    await tx.customer.update({ where: { id: customer.id }, data: changes });
  }
  return {
    id: customer.id,
    phone: changes.phone ?? customer.phone,
    waId: changes.waId ?? customer.waId,
    optedOutAt: customer.optedOutAt,
    created,
  };
}

// mergeCustomers keeps chains one hop long; the loop bound only guards against a hand-edited cycle.
async function followMerge(tx: TenantTx, firstId: string, identity: CustomerIdentity, created: boolean): Promise<MatchedCustomer> {
  const select = { id: true, phone: true, waId: true, profileName: true, optedOutAt: true, mergedIntoId: true } as const;
  let survivor = await tx.customer.findUniqueOrThrow({ where: { id: firstId }, select });
  for (let hops = 0; survivor.mergedIntoId && hops < 10; hops++) {
    survivor = await tx.customer.findUniqueOrThrow({ where: { id: survivor.mergedIntoId }, select });
  }
  const changes: { waId?: string } = {};
  if (identity.waId && survivor.waId !== identity.waId) changes.waId = identity.waId;
  if (changes.waId) await tx.customer.update({ where: { id: survivor.id }, data: changes });
  return { id: survivor.id, phone: survivor.phone, waId: changes.waId ?? survivor.waId, optedOutAt: survivor.optedOutAt, created };
}
