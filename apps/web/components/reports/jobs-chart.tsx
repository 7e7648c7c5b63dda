"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { JOB_STATUS_LABEL } from "../../lib/panel/jobs/jobs-format";
import { JOB_STATUS_ORDER } from "./report-format";
import type { JobsRow } from "./report-types";

// Distinguishable without relying on hue alone: the legend and the table below carry the same names.
const COLORS: Record<string, string> = { pending: "#94a3b8", scheduled: "#0ea5e9", en_camino: "#6366f1", working: "#f59e0b", completed: "#0f766e", cancelled: "#be123c" };

// One horizontal bar per technician, stacked by status (names on the left read well at 390 px).
export function JobsChart({ rows }: { rows: JobsRow[] }) {
  const data = rows.map((r) => ({ name: r.technicianName ?? "Sin asignar", ...r.byStatus }));
  const present = JOB_STATUS_ORDER.filter((s) => rows.some((r) => r.byStatus[s]));
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 44 + 70)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={104} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        {present.map((status) => (
          <Bar key={status} dataKey={status} name={JOB_STATUS_LABEL[status]} stackId="jobs" fill={COLORS[status]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
