import type { UserRole } from "@campotech/database";
import { AppError } from "../../lib/errors";

// pending → scheduled → en_camino → working → completed, and cancelled from anything not finished.
// Rescheduling is scheduled → scheduled (a new window). Technicians move only their own jobs, and only forward
// through the field states; the office (owner, admin, dispatcher) schedules and cancels.
export const JOB_STATES = ["pending", "scheduled", "en_camino", "working", "completed", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];

const NEXT: Record<JobState, readonly JobState[]> = {
  pending: ["scheduled", "cancelled"],
  scheduled: ["scheduled", "en_camino", "cancelled"],
  en_camino: ["working", "cancelled"],
  working: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
};

const FIELD_STATES: ReadonlySet<JobState> = new Set(["en_camino", "working", "completed"]);
const OFFICE: ReadonlySet<UserRole> = new Set(["OWNER", "ADMIN", "DISPATCHER"]);

const LABELS: Record<JobState, string> = {
  pending: "pendiente",
  scheduled: "agendado",
  en_camino: "en camino",
  working: "en curso",
  completed: "terminado",
  cancelled: "cancelado",
};

export function canTransition(from: JobState, to: JobState): boolean {
  return NEXT[from].includes(to);
}

export function assertJobTransition(input: { from: JobState; to: JobState; role: UserRole; isAssignedTechnician: boolean }): void {
  if (!canTransition(input.from, input.to)) {
    throw new AppError("VALIDATION_FAILED", {
      message: `Un trabajo ${LABELS[input.from]} no puede pasar a ${LABELS[input.to]}.`,
      fields: { status: `${input.from} → ${input.to}` },
    });
  }
  if (OFFICE.has(input.role)) return;
  if (input.role === "TECHNICIAN" && input.isAssignedTechnician && FIELD_STATES.has(input.to)) return;
  throw new AppError("FORBIDDEN", {
    message: input.role === "TECHNICIAN" ? "Solo podés avanzar tus propios trabajos en la visita." : "No tenés permiso para cambiar el estado del trabajo.",
  });
}

// The moves this person may make now (the app's buttons). Scheduling needs a window, so it is the office's screen.
export function allowedTransitions(input: { from: JobState; role: UserRole; isAssignedTechnician: boolean }): JobState[] {
  return NEXT[input.from].filter((to) => {
    if (to === "scheduled") return false;
    if (OFFICE.has(input.role)) return true;
    return input.role === "TECHNICIAN" && input.isAssignedTechnician && FIELD_STATES.has(to);
  });
}
