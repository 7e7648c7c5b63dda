import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission } from "./permissions";

const yes = (role: Parameters<typeof can>[0]) => PERMISSIONS.filter((p) => can(role, p));

describe("permission table", () => {
  it("OWNER can do everything", () => {
    expect(yes("OWNER")).toEqual([...PERMISSIONS]);
  });

  it("ADMIN: settings, numbers, templates, users, dead letters/panic, and everything a dispatcher can; not the organization itself", () => {
    for (const p of ["settings.manage", "numbers.manage", "templates.manage", "users.manage", "messaging.admin"] as Permission[]) expect(can("ADMIN", p)).toBe(true);
    for (const p of yes("DISPATCHER")) expect(can("ADMIN", p)).toBe(true);
    expect(can("ADMIN", "organization.manage")).toBe(false);
  });

  it("DISPATCHER: inbox, jobs, customers; no administration", () => {
    for (const p of ["inbox.read", "inbox.write", "jobs.read", "jobs.write", "customers.read", "customers.write"] as Permission[]) expect(can("DISPATCHER", p)).toBe(true);
    for (const p of ["settings.manage", "numbers.manage", "templates.manage", "users.manage", "messaging.admin"] as Permission[]) expect(can("DISPATCHER", p)).toBe(false);
  });

  it("invoices: owners and admins issue, dispatchers and viewers see them, technicians neither", () => {
    for (const role of ["OWNER", "ADMIN"] as const) expect(can(role, "invoices.issue")).toBe(true);
    for (const role of ["DISPATCHER", "VIEWER", "TECHNICIAN"] as const) expect(can(role, "invoices.issue")).toBe(false);
    for (const role of ["OWNER", "ADMIN", "DISPATCHER", "VIEWER"] as const) expect(can(role, "invoices.read")).toBe(true);
    expect(can("TECHNICIAN", "invoices.read")).toBe(false);
  });

  it("TECHNICIAN: only own jobs and assigned conversations", () => {
    expect(yes("TECHNICIAN").sort()).toEqual(["conversations.read.assigned", "conversations.write.assigned", "jobs.read.own", "jobs.write.own"]);
  });

  it("VIEWER: read only", () => {
    expect(yes("VIEWER").every((p) => /\.read(\.|$)/.test(p))).toBe(true);
    expect(can("VIEWER", "inbox.read")).toBe(true);
    expect(can("VIEWER", "inbox.write")).toBe(false);
  });
});
