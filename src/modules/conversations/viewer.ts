import type { UserRole } from "@campotech/database";
import { can } from "../auth/permissions";

// Who is asking. Roles with the broad inbox permissions see every conversation; the others (technicians) only
// the ones assigned to them, so every use-case narrows its query with `assignedScope`.
export type Viewer = { userId: string; role: UserRole };

export function assignedScope(viewer: Viewer, mode: "read" | "write"): { assignedToId?: string } {
  const broad = can(viewer.role, mode === "read" ? "inbox.read" : "inbox.write");
  return broad ? {} : { assignedToId: viewer.userId };
}
