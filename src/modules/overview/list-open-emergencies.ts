import type { JobStatus } from "@campotech/database";
import type { TenantTx } from "../../lib/db";

export type OpenEmergency = {
  id: string;
  number: number;
  status: JobStatus;
  createdAt: Date;
  scheduledStart: Date | null;
  technician: { id: string; name: string } | null;
  customer: { id: string; name: string; phone: string | null };
};

// Emergencies still on someone's plate (any day), plus how many times the assistant recognised one today —
// a detected emergency that never became a job is exactly what the dashboard must not hide.
export async function listOpenEmergencies(tx: TenantTx, input: { dayStart: Date }): Promise<{ count: number; jobs: OpenEmergency[]; detectedByAssistantToday: number }> {
  const [jobs, detectedByAssistantToday] = await Promise.all([
    tx.job.findMany({
      where: { urgency: "EMERGENCY", status: { notIn: ["completed", "cancelled"] } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, number: true, status: true, createdAt: true, scheduledStart: true,
        technician: { select: { id: true, name: true } },
        customer: { select: { id: true, name: true, phone: true } },
      },
    }),
    tx.assistantRun.count({ where: { emergencyKind: { not: null }, createdAt: { gte: input.dayStart } } }),
  ]);
  return { count: jobs.length, jobs, detectedByAssistantToday };
}
