import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { assertPlanFeature } from "../organizations/assert-plan-feature";
import type { AssistantSettingsInput } from "./assistant-settings.schemas";
import { getAssistantSettingsView, type AssistantSettingsView } from "./get-assistant-settings-view";
import { updateAssistantSettings } from "./update-assistant-settings";

// Business hours are compared day by day, whatever order the days came in.
const canonical = (value: unknown) => JSON.stringify(value !== null && typeof value === "object" && !Array.isArray(value) ? Object.entries(value).sort(([a], [b]) => a.localeCompare(b)) : value);
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

// Saves what the admin sent and answers the whole view. On-call people get emergency alerts, so each must be an
// active user of this organization (another organization's ids are invisible under RLS and fail the same way).
// The audit keeps which fields changed, not the instructions' text.
export async function setAssistantSettings(
  tx: TenantTx,
  actor: { organizationId: string; userId: string },
  input: AssistantSettingsInput,
  now: Date = new Date(),
): Promise<AssistantSettingsView> {
  // The plan gates what it sells: turning the assistant on (aiAutoResponses) and giving it the business's own
  // instructions (customAiInstructions). Turning it off or clearing the instructions is always allowed.
  if (input.autoResponseEnabled) await assertPlanFeature(tx, actor.organizationId, "aiAutoResponses", now);
  if (input.customInstructions) await assertPlanFeature(tx, actor.organizationId, "customAiInstructions", now);
  if (input.onCallUserIds?.length) {
    const active = await tx.user.findMany({ where: { id: { in: input.onCallUserIds }, isActive: true }, select: { id: true } });
    if (active.length !== input.onCallUserIds.length) {
      const message = "Las personas de guardia tienen que ser usuarios activos de la organización.";
      throw new AppError("VALIDATION_FAILED", { message, fields: { onCallUserIds: message } });
    }
  }
  let changed: string[] = [];
  await updateAssistantSettings(tx, actor.organizationId, (current) => {
    const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) };
    // Answering only outside business hours with no hours set would mean answering always: say so instead.
    if (next.mode === "outside_business_hours" && !Object.keys(next.businessHours).length) {
      const message = "Para que el asistente responda fuera del horario de atención, cargá el horario.";
      throw new AppError("VALIDATION_FAILED", { message, fields: { businessHours: message } });
    }
    changed = Object.keys(input).filter((key) => !same(current[key as keyof typeof current], next[key as keyof typeof next]));
    return next;
  });
  if (changed.length) {
    await appendAuditLog(tx, {
      organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "assistant.settings_updated", entityType: "Organization", entityId: actor.organizationId,
      metadata: { fields: changed },
    });
  }
  return getAssistantSettingsView(tx, actor.organizationId, { now });
}
