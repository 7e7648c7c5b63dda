import { Prisma, type Organization, type TenantTx, type User } from "@campotech/database";
import { formatCuit, normalizeCuit } from "../../lib/cuit";
import { adminDb } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { createOrganization } from "../organizations/create-organization";
import type { SignupForm } from "./signup-form";
import { MAX_ORGANIZATIONS_PER_SIGNUP_PHONE, TRIAL_DAYS } from "./signup-limits";
import { TRADE_PRICE_SUGGESTIONS } from "./trade-price-suggestions";

// Namespaces our advisory locks (first key) so they never collide with another feature's.
const SIGNUP_PHONE_LOCK_CLASS = 7_319;

const cuitTaken = (cuit: string) =>
  new AppError("CONFLICT", {
    message: `Ya hay una cuenta de CampoTech con el CUIT ${formatCuit(cuit)}. Si es tuya, ingresá con tu celular.`,
    fields: { cuit: "Este CUIT ya tiene una cuenta." },
  });

const tooManyForPhone = () =>
  new AppError("CONFLICT", {
    message: `Este celular ya creó ${MAX_ORGANIZATIONS_PER_SIGNUP_PHONE} cuentas de negocio, el máximo. Si necesitás otra, escribinos a soporte.`,
    fields: { phone: "Este celular llegó al máximo de cuentas." },
  });

// The organization, its owner, the default templates (createOrganization), the trades' starting price list and the
// signup audit row, in one transaction on the admin connection (the organization does not exist yet for RLS).
export async function createSignupOrganization(
  phone: string,
  form: SignupForm,
  meta: { now: number; ip: string },
): Promise<{ organization: Organization; owner: User }> {
  const admin = adminDb();
  const cuit = normalizeCuit(form.cuit)!;
  // Checked up front for the clear message; the unique index and the in-transaction recount are the backstops.
  if (await admin.organization.findUnique({ where: { cuit }, select: { id: true } })) throw cuitTaken(cuit);
  if ((await admin.organization.count({ where: { signupPhone: phone } })) >= MAX_ORGANIZATIONS_PER_SIGNUP_PHONE) throw tooManyForPhone();

  const trialEndsAt = form.plan === "PROFESIONAL_TRIAL" ? new Date(meta.now + TRIAL_DAYS * 86_400_000) : undefined;
  try {
    return await createOrganization(admin, {
      name: form.businessName,
      cuit,
      tier: form.plan === "PROFESIONAL_TRIAL" ? "PROFESIONAL" : "FREE",
      ownerPhone: phone,
      ownerName: form.ownerName,
      areaCode: form.areaCode,
      actor: { type: "SYSTEM" },
      ...(form.email ? { ownerEmail: form.email.toLowerCase() } : {}),
      profile: { ivaCondition: form.ivaCondition, trades: form.trades, locality: form.locality, signupPhone: phone, ...(trialEndsAt ? { trialEndsAt } : {}) },
      onCreated: async (tx, { organization, owner }) => {
        await assertPhoneUnderLimit(tx, phone);
        const items = form.trades.flatMap((trade) => TRADE_PRICE_SUGGESTIONS[trade].map((s) => ({ ...s, serviceType: trade, organizationId: organization.id })));
        await tx.priceListItem.createMany({ data: items, skipDuplicates: true });
        await appendAuditLog(tx, {
          organizationId: organization.id, actorType: "USER", actorId: owner.id, action: "organization.signed_up", entityType: "Organization", entityId: organization.id,
          metadata: { plan: form.plan, tier: organization.tier, trades: form.trades, trialEndsAt: trialEndsAt?.toISOString() ?? null, priceListItems: items.length, ip: meta.ip },
        });
      },
    });
  } catch (error) {
    // Two different codes racing with the same CUIT: the unique index decides, with the same clear message.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw cuitTaken(cuit);
    throw error;
  }
}

// Two signups from the same phone at once (each with its own code) are serialized on the phone and the count is
// taken again after this one's row exists: under READ COMMITTED the recount sees every committed sibling.
async function assertPhoneUnderLimit(tx: TenantTx, phone: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGNUP_PHONE_LOCK_CLASS}::int, hashtext(${phone}))`;
  if ((await tx.organization.count({ where: { signupPhone: phone } })) > MAX_ORGANIZATIONS_PER_SIGNUP_PHONE) throw tooManyForPhone();
}
