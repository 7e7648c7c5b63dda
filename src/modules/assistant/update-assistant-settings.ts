import type { Prisma } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { assistantSettings, type AssistantSettings } from "./assistant-settings";

// The assistant's settings live inside Organization.settings (JSON): `assistant` and the shared `businessHours`.
// Read-modify-write under a row lock, so two admins saving at once (or a save racing the notification settings,
// which live in the same document) don't overwrite each other. Keys this code doesn't know are kept.
export async function updateAssistantSettings(
  tx: TenantTx,
  organizationId: string,
  change: (current: AssistantSettings) => AssistantSettings,
): Promise<AssistantSettings> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
  const raw = (organization.settings ?? {}) as Record<string, unknown>;
  const { businessHours, ...assistant } = change(assistantSettings(raw));
  const rawAssistant = typeof raw.assistant === "object" && raw.assistant !== null ? (raw.assistant as Record<string, unknown>) : {};
  const settings = { ...raw, assistant: { ...rawAssistant, ...assistant }, businessHours } as Prisma.InputJsonObject;
  await tx.organization.update({ where: { id: organizationId }, data: { settings } });
  return assistantSettings(settings);
}
