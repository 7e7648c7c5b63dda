import type { Prisma } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { assertPlanFeature } from "../organizations/assert-plan-feature";
import { getWaLink, type WaLinkView } from "./get-wa-link";
import { characterCount, storedWaLinkMessage, waLinkMessageInputSchema, type WaLinkMessageInput } from "./wa-link-settings";

// Saves the organization's prefilled message (null or "" goes back to the default). Read-modify-write of the settings
// JSON under a row lock so a concurrent save of another setting is not lost; saving the same text again changes and
// audits nothing (idempotent).
export async function updateWaLinkMessage(
  tx: TenantTx,
  actor: { organizationId: string; userId: string },
  input: WaLinkMessageInput,
): Promise<WaLinkView> {
  await assertPlanFeature(tx, actor.organizationId, "waLinks");
  const message = waLinkMessageInputSchema.parse(input).message || null;
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${actor.organizationId} FOR UPDATE`;
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { settings: true } });
  const raw = (organization.settings ?? {}) as Record<string, unknown>;
  if (storedWaLinkMessage(raw) !== message) {
    const waLink: Record<string, unknown> = typeof raw.waLink === "object" && raw.waLink !== null ? { ...(raw.waLink as Record<string, unknown>) } : {};
    if (message) waLink.message = message;
    else delete waLink.message;
    await tx.organization.update({ where: { id: actor.organizationId }, data: { settings: { ...raw, waLink } as Prisma.InputJsonObject } });
    await appendAuditLog(tx, {
      organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "wa_link.message_set", entityType: "Organization", entityId: actor.organizationId,
      metadata: message ? { custom: true, length: characterCount(message) } : { custom: false },
    });
  }
  return getWaLink(tx, actor.organizationId);
}
