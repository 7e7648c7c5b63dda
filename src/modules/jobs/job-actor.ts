import type { UserRole } from "@campotech/database";
import { can } from "../auth/permissions";

// Who is acting on jobs. Roles without jobs.read / jobs.write (technicians) are limited to the jobs assigned to them.
// The WhatsApp assistant acts as SYSTEM with office rights; its userId is a label, never a user row.
export type JobActor = { organizationId: string; userId: string; role: UserRole; actorType?: "USER" | "SYSTEM" };

export function assistantActor(organizationId: string): JobActor {
  return { organizationId, userId: "assistant", role: "DISPATCHER", actorType: "SYSTEM" };
}

// How the actor is recorded in transitions and the audit log, and whether it is a user row (createdById).
export function actorRecord(actor: JobActor): { actorType: "USER" | "SYSTEM"; actorId: string; userId: string | null } {
  return actor.actorType === "SYSTEM"
    ? { actorType: "SYSTEM", actorId: actor.userId, userId: null }
    : { actorType: "USER", actorId: actor.userId, userId: actor.userId };
}

export const seesAllJobs = (actor: JobActor) => can(actor.role, "jobs.read");
export const writesAllJobs = (actor: JobActor) => can(actor.role, "jobs.write");
