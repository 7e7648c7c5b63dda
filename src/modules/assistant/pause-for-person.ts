import type { TenantTx } from "../../lib/db";
import { assistantSettings } from "./assistant-settings";

// A person answered in the conversation: the assistant steps back for the organization's handoff time, so it never
// talks over the human. Returns when it will speak again.
export async function pauseForPerson(tx: TenantTx, input: { organizationId: string; conversationId: string; now: Date }): Promise<Date> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { settings: true } });
  const until = new Date(input.now.getTime() + assistantSettings(organization.settings).handoffMinutes * 60_000);
  await tx.whatsAppConversation.update({ where: { id: input.conversationId }, data: { assistantPausedUntil: until } });
  return until;
}
