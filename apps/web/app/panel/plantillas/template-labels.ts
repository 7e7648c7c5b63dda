// Spanish names for the provider's template statuses and categories.
export const STATUS_LABEL: Record<string, string> = {
  APPROVED: "Aprobada", PENDING: "Pendiente", REJECTED: "Rechazada", PAUSED: "Pausada", DISABLED: "Deshabilitada", DRAFT: "Borrador",
};
export const CATEGORY_LABEL: Record<string, string> = { UTILITY: "Servicio", MARKETING: "Marketing", AUTHENTICATION: "Autenticación" };
