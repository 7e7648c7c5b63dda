import type { UserRole } from "@campotech/database";
import { can } from "../auth/permissions";

// Who is acting on jobs. Roles without jobs.read / jobs.write (technicians) are limited to the jobs assigned to them.
export type JobActor = { organizationId: string; userId: string; role: UserRole };

export const seesAllJobs = (actor: JobActor) => can(actor.role, "jobs.read");
export const writesAllJobs = (actor: JobActor) => can(actor.role, "jobs.write");
