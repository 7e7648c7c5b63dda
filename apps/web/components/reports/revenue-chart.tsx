"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "../invoices/invoice-format";
import { formatBucket } from "./report-format";
import type { RevenueData } from "./report-types";

// "$ 1,2 M" style ticks keep the axis narrow on a phone; exact amounts are in the tooltip and the table.
const compact = new Intl.NumberFormat("es-AR", { notation: "compact", maximumFractionDigits: 1 });

export function RevenueChart({ revenue }: { revenue: RevenueData }) {
  const data = revenue.points.map((p) => ({ label: formatBucket(p.bucket, revenue.granularity), quotes: p.quotesCents, invoices: p.invoicesCents }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={8} />
        <YAxis width={56} tick={{ fontSize: 11 }} tickFormatter={(cents: number) => `$ ${compact.format(cents / 100)}`} />
        <Tooltip formatter={(value) => formatMoney(Number(value))} />
        <Legend />
        <Bar dataKey="quotes" name="Presupuestado" fill="#0ea5e9" isAnimationActive={false} />
        <Bar dataKey="invoices" name="Facturado" fill="#0f766e" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
