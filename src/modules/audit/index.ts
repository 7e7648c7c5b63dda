export { appendAuditLog } from "./append-audit-log";
export type { AuditEntry } from "./append-audit-log";
