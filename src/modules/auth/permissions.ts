import type { UserRole } from "@campotech/database";

// The one permission table. Routes name the permission they need; "own"/"assigned" permissions let a route
// serve technicians, and the handler narrows the query when the role lacks the broad permission.
export const PERMISSIONS = [
  "organization.manage",
  "settings.read",
  "settings.manage",
  "numbers.manage",
  "templates.manage",
  "users.manage",
  "messaging.admin",
  "inbox.read",
  "inbox.write",
  "conversations.read.assigned",
  "conversations.write.assigned",
  "jobs.read",
  "jobs.write",
  "jobs.read.own",
  "jobs.write.own",
  "customers.read",
  "customers.write",
  "invoices.read",
  "invoices.issue",
  "payments.read",
  "payments.charge",
  "payments.refund",
  "reports.read",
  "pricelist.manage",
  "quickreplies.manage",
  "data.export",
  "customers.privacy", // issue 20 (retention): export everything about a customer / erase it (Ley 25.326) — OWNER only
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: Permission[] = ["settings.read", "inbox.read", "conversations.read.assigned", "jobs.read", "jobs.read.own", "customers.read", "invoices.read", "payments.read", "reports.read"];
const TECHNICIAN: Permission[] = ["jobs.read.own", "jobs.write.own", "conversations.read.assigned", "conversations.write.assigned"];
// A dispatcher charges (payment links, cash and transfers recorded by hand)…
const DISPATCHER: Permission[] = [...new Set([...VIEWER, ...TECHNICIAN, "inbox.write", "jobs.write", "customers.write", "payments.charge", "quickreplies.manage"] as Permission[])];
// …issuing legal invoices (and credit notes) and giving money back are the owner's and the administrator's.
const ADMIN: Permission[] = [...DISPATCHER, "settings.manage", "numbers.manage", "templates.manage", "users.manage", "messaging.admin", "invoices.issue", "payments.refund", "pricelist.manage", "data.export"];

export const ROLE_PERMISSIONS: Record<UserRole, ReadonlySet<Permission>> = {
  OWNER: new Set(PERMISSIONS),
  ADMIN: new Set(ADMIN),
  DISPATCHER: new Set(DISPATCHER),
  TECHNICIAN: new Set(TECHNICIAN),
  VIEWER: new Set(VIEWER),
};

export function can(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.has(permission) ?? false;
}
