import type { TemplateStatus } from "@campotech/database";

// Provider status words → ours. Meta uses APPROVED/PENDING/REJECTED/PAUSED/DISABLED (+ IN_APPEAL, FLAGGED…);
// 360dialog mirrors Meta in lower case.
export function toTemplateStatus(providerStatus: string): TemplateStatus {
  switch (providerStatus.toUpperCase()) {
    case "APPROVED":
      return "APPROVED";
    case "REJECTED":
      return "REJECTED";
    case "PAUSED":
    case "FLAGGED":
      return "PAUSED";
    case "DISABLED":
    case "DELETED":
      return "DISABLED";
    default:
      return "PENDING";
  }
}
