export { appendAuditLog } from "./append-audit-log";
export type { AuditEntry, AuditWriter } from "./append-audit-log";
export { verifyAuditChain } from "./verify-audit-chain";
export type { AuditChainReport, BrokenAuditRow } from "./verify-audit-chain";
