import type { TenantTx } from "../../lib/db";
import { findFreeSlots, type Interval, type WorkingHours } from "./find-free-slots";

// excludeJobId: a job being moved does not block its own old time (a reschedule may keep or shift it a little).
export type AvailabilityInput = { from: Date; days: number; technicianId?: string; slotMinutes?: number; now?: Date; excludeJobId?: string };
export type TechnicianAvailability = { technicianId: string; name: string; slots: Interval[] };

// Jobs that still occupy the technician's time (cancelled and completed ones no longer block).
const BLOCKING = ["scheduled", "en_camino", "working"] as const;

// Free slots per technician (role TECHNICIAN: nobody else can be assigned a job) of the organization that has a schedule. Loads a day more on each side than asked,
// so jobs and time off that straddle the range (plus the travel buffer) still block.
export async function getAvailability(tx: TenantTx, input: AvailabilityInput): Promise<{ technicians: TechnicianAvailability[] }> {
  const rangeStart = new Date(input.from.getTime() - 86_400_000);
  const rangeEnd = new Date(input.from.getTime() + (input.days + 1) * 86_400_000);
  const schedules = await tx.technicianSchedule.findMany({
    where: { user: { isActive: true, role: "TECHNICIAN" }, ...(input.technicianId ? { userId: input.technicianId } : {}) },
    select: { userId: true, workingHours: true, travelBufferMinutes: true, user: { select: { name: true } } },
    orderBy: { userId: "asc" },
  });
  const userIds = schedules.map((s) => s.userId);
  const [timeOff, jobs] = await Promise.all([
    tx.technicianTimeOff.findMany({ where: { userId: { in: userIds }, start: { lt: rangeEnd }, end: { gt: rangeStart } }, select: { userId: true, start: true, end: true } }),
    tx.job.findMany({
      where: { technicianId: { in: userIds }, status: { in: [...BLOCKING] }, ...(input.excludeJobId ? { id: { not: input.excludeJobId } } : {}), scheduledStart: { lt: rangeEnd }, scheduledEnd: { gt: rangeStart } },
      select: { technicianId: true, scheduledStart: true, scheduledEnd: true },
    }),
  ]);
  const now = input.now ?? new Date();
  return {
    technicians: schedules.map((s) => ({
      technicianId: s.userId,
      name: s.user.name,
      slots: findFreeSlots({
        from: input.from,
        days: input.days,
        workingHours: s.workingHours as WorkingHours,
        timeOff: timeOff.filter((t) => t.userId === s.userId).map((t) => ({ start: t.start, end: t.end })),
        busy: jobs.filter((j) => j.technicianId === s.userId).map((j) => ({ start: j.scheduledStart!, end: j.scheduledEnd! })),
        travelBufferMinutes: s.travelBufferMinutes,
        slotMinutes: input.slotMinutes ?? 60,
        now,
      }),
    })),
  };
}
