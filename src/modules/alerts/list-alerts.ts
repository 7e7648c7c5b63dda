import type { Database } from "@campotech/database";
import { adminDb, type TenantTx } from "../../lib/db";

export type AlertView = {
  id: string;
  organizationId: string | null;
  scope: "ORGANIZATION" | "PLATFORM";
  kind: string;
  dedupeKey: string;
  status: "OPEN" | "RESOLVED";
  title: string;
  detail: string;
  value: number;
  threshold: number;
  firstFiredAt: Date;
  lastSeenAt: Date;
  resolvedAt: Date | null;
  notifiedAt: Date | null;
  resolvedNotifiedAt: Date | null;
};

const select = {
  id: true, organizationId: true, scope: true, kind: true, dedupeKey: true, status: true, title: true, detail: true, value: true,
  threshold: true, firstFiredAt: true, lastSeenAt: true, resolvedAt: true, notifiedAt: true, resolvedNotifiedAt: true,
} as const;

// Operators (CLI): every organization's and the platform's alerts, open ones by default, newest first; with
// all, the resolved ones too (the most recent `limit`).
export async function listAlerts(input: { all?: boolean; limit?: number } = {}, database: Database = adminDb()): Promise<AlertView[]> {
  return database.alert.findMany({
    where: input.all ? {} : { status: "OPEN" },
    orderBy: { firstFiredAt: "desc" },
    take: input.limit ?? 100,
    select,
  });
}

// The business's dashboard: its own open alerts (RLS keeps other organizations' and the platform's out).
export async function listOpenAlerts(tx: TenantTx): Promise<AlertView[]> {
  return tx.alert.findMany({ where: { status: "OPEN" }, orderBy: { firstFiredAt: "desc" }, take: 20, select });
}
