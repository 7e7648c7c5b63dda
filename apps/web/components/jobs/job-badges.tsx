import { JOB_STATUS_LABEL, URGENCY_LABEL } from "@/lib/panel/jobs/jobs-format";
import styles from "./job-badges.module.css";

export function JobStatusBadge({ status }: { status: string }) {
  return <span className={`${styles.status} ${styles[status] ?? ""}`}>{JOB_STATUS_LABEL[status] ?? status}</span>;
}

// Normal urgency is the usual case: only the ones that need attention stand out.
export function UrgencyPill({ urgency }: { urgency: string }) {
  if (urgency === "EMERGENCY") return <span className="pill emergency">{URGENCY_LABEL.EMERGENCY}</span>;
  if (urgency === "HIGH") return <span className={`pill ${styles.high}`}>{URGENCY_LABEL.HIGH}</span>;
  return <span className="pill">{URGENCY_LABEL.NORMAL}</span>;
}
