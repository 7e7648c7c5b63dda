// Payment words shared by the server, the dashboard and the phone app (no runtime dependencies: safe in client
// bundles).
export const PAYMENT_STATUSES = ["PENDING", "IN_PROCESS", "APPROVED", "REJECTED", "CANCELLED", "REFUNDED", "CHARGED_BACK"] as const;
export type PaymentStatusName = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_STATUS_LABELS: Record<PaymentStatusName, string> = {
  PENDING: "Pendiente",
  IN_PROCESS: "En proceso",
  APPROVED: "Aprobado",
  REJECTED: "Rechazado",
  CANCELLED: "Cancelado",
  REFUNDED: "Devuelto",
  CHARGED_BACK: "Contracargo",
};
