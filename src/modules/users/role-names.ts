import type { UserRole } from "@campotech/database";

// How people call each role in the dashboard and in the invitation message ("te invitó … como técnico").
export const ROLE_NAMES: Record<UserRole, string> = {
  OWNER: "dueño",
  ADMIN: "administrador",
  DISPATCHER: "despachante",
  TECHNICIAN: "técnico",
  VIEWER: "observador",
};
