"use client";

import dynamic from "next/dynamic";
import type { JobsRow, RevenueData } from "./report-types";
import styles from "./reports.module.css";

// Charts measure the browser's width, so they render in the browser only; the tables under them are server-rendered
// and carry the same figures for screen readers and for the moment before the chart appears.
const placeholder = (height: number) => function ChartPlaceholder() {
  return <div style={{ height }} aria-hidden="true" />;
};
const LazyJobsChart = dynamic(() => import("./jobs-chart").then((m) => m.JobsChart), { ssr: false, loading: placeholder(160) });
const LazyRevenueChart = dynamic(() => import("./revenue-chart").then((m) => m.RevenueChart), { ssr: false, loading: placeholder(260) });

export function JobsChartPanel({ rows, summary }: { rows: JobsRow[]; summary: string }) {
  return <figure className={styles.chart} role="img" aria-label={summary} data-testid="jobs-chart"><LazyJobsChart rows={rows} /></figure>;
}

export function RevenueChartPanel({ revenue, summary }: { revenue: RevenueData; summary: string }) {
  return <figure className={styles.chart} role="img" aria-label={summary} data-testid="revenue-chart"><LazyRevenueChart revenue={revenue} /></figure>;
}
