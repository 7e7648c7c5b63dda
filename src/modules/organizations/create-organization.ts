import { UserRole, type Database, type IssuerIvaCondition, type Organization, type ServiceType, type TenantTx, type User } from "@campotech/database";
import { formatCuit, normalizeCuit } from "../../lib/cuit";
import { AppError } from "../../lib/errors";
import { normalizeArgentinePhone } from "../../lib/phone";
import { appendAuditLog } from "../audit/append-audit-log";
import { DEFAULT_TEMPLATES } from "../templates/default-templates";
import { parseTier } from "./tiers";

export type CreateOrganizationInput = {
  name: string;
  cuit: string;
  tier: string;
  ownerPhone: string;
  ownerName?: string;
  areaCode?: string;
  timezone?: string;
  actor?: { type: "OPERATOR" | "SYSTEM"; id?: string };
  // Self-serve signup (src/modules/signup) also records what the business is and who signed it up.
  ownerEmail?: string;
  profile?: { ivaCondition?: IssuerIvaCondition; trades?: ServiceType[]; locality?: string; signupPhone?: string; trialEndsAt?: Date };
  // Runs inside the creating transaction, so whatever it adds (price list, extra audit rows) exists only together
  // with the organization, and a throw rolls the organization back.
  onCreated?: (tx: TenantTx, created: { organization: Organization; owner: User }) => Promise<void>;
};

// Creates the organization and its owner in one transaction. Runs on the admin connection: an organization
// cannot set its own RLS context before it exists.
export async function createOrganization(
  admin: Database,
  input: CreateOrganizationInput,
): Promise<{ organization: Organization; owner: User }> {
  const name = input.name.trim();
  if (name.length < 2) throw new AppError("VALIDATION_FAILED", { fields: { name: "Ingresá el nombre del negocio." } });
  const cuit = normalizeCuit(input.cuit);
  if (!cuit) throw new AppError("INVALID_CUIT", { detail: `CUIT ${input.cuit} has a wrong check digit or format` });
  const tier = parseTier(input.tier);
  const areaCode = input.areaCode ?? "11";
  const ownerPhone = normalizeArgentinePhone(input.ownerPhone, areaCode);
  if (!ownerPhone) throw new AppError("INVALID_PHONE", { fields: { ownerPhone: input.ownerPhone } });

  const existing = await admin.organization.findUnique({ where: { cuit }, select: { id: true } });
  if (existing) {
    throw new AppError("CONFLICT", { message: `Ya existe una organización con el CUIT ${formatCuit(cuit)}.` });
  }
  return admin.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: { name, cuit, tier, areaCode, ...(input.timezone ? { timezone: input.timezone } : {}), ...input.profile },
    });
    const owner = await tx.user.create({
      data: { organizationId: organization.id, phone: ownerPhone, name: input.ownerName?.trim() || "Dueño", role: UserRole.OWNER, email: input.ownerEmail ?? null },
    });
    // The default es_AR templates start as DRAFT: they become sendable once created at the provider and approved
    // (createTemplate / syncTemplates and the template status webhook move them).
    await tx.waTemplate.createMany({
      data: DEFAULT_TEMPLATES.map((t) => ({
        organizationId: organization.id,
        name: t.name,
        language: "es_AR",
        category: t.category,
        status: "DRAFT" as const,
        components: [{ type: "BODY", text: t.body }],
      })),
    });
    await appendAuditLog(tx, {
      organizationId: organization.id,
      actorType: input.actor?.type ?? "OPERATOR",
      actorId: input.actor?.id ?? null,
      action: "organization.created",
      entityType: "Organization",
      entityId: organization.id,
      metadata: { tier, ownerUserId: owner.id },
    });
    await input.onCreated?.(tx, { organization, owner });
    return { organization, owner };
  });
}
