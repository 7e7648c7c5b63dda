import { INVOICE_STATUS_LABEL, type InvoiceStatus } from "./invoice-format";
import styles from "./invoice-badges.module.css";

export function InvoiceStatusPill({ status }: { status: InvoiceStatus }) {
  return <span className={`${styles.status} ${styles[status] ?? ""}`}>{INVOICE_STATUS_LABEL[status] ?? status}</span>;
}

// Homologación vouchers are ARCA's test numbers: say so wherever one is shown, so nobody hands it to a customer.
export function EnvironmentBadge({ environment }: { environment: "HOMOLOGACION" | "PRODUCCION" }) {
  if (environment !== "HOMOLOGACION") return null;
  return <span className={styles.homologation}>Homologación — sin validez fiscal</span>;
}
