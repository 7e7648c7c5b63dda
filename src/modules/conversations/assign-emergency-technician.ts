import type { TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { updateJob } from "../jobs/update-job";
import { assignConversation } from "./assign-conversation";
import { getConversationEmergency } from "./get-conversation-emergency";
import { loadConversationView } from "./load-conversation-view";
import type { Viewer } from "./viewer";

// "Asignar técnico" on a chat's emergency banner: the job gets the technician (through the jobs use-case, with its
// rules, audit and follow-ups) and the chat is assigned to the same person, so the chat and the job agree on who
// is on it. Doing it twice changes nothing the second time.
export async function assignEmergencyTechnician(
  tx: TenantTx,
  viewer: Viewer & { organizationId: string },
  input: { conversationId: string; jobId: string; technicianId: string },
) {
  const emergency = await getConversationEmergency(tx, viewer, input.conversationId);
  if (!emergency || emergency.job.id !== input.jobId) {
    throw new AppError("CONFLICT", { message: "Ese trabajo ya no es la urgencia abierta de esta conversación." });
  }
  const technician = await tx.user.findFirst({ where: { id: input.technicianId, isActive: true, role: "TECHNICIAN" }, select: { id: true } });
  if (!technician) throw new AppError("VALIDATION_FAILED", { fields: { technicianId: "Elegí un técnico activo de la organización." } });
  const job = await updateJob(tx, { organizationId: viewer.organizationId, userId: viewer.userId, role: viewer.role }, input.jobId, { technicianId: technician.id });
  const current = await loadConversationView(tx, input.conversationId);
  const conversation = current.assignedTo?.id === technician.id
    ? current
    : await assignConversation(tx, viewer, { conversationId: input.conversationId, userId: technician.id });
  return { job, conversation };
}
