import { PAYMENT_STATE_LABEL, PAYMENT_STATUS_LABEL, type PaymentState, type PaymentStatus } from "./payment-format";
import styles from "./payment-badges.module.css";

// Sin pagar / Pago parcial / Pagada: what is paid of an invoice or a job.
export function PaymentStatePill({ state, of = "invoice" }: { state: PaymentState; of?: "invoice" | "job" }) {
  return <span className={`${styles.pill} ${styles[state] ?? ""}`} data-testid="payment-state">{PAYMENT_STATE_LABEL[of][state]}</span>;
}

// One payment's status as the API names it ("Aprobado", "Devuelto en parte"…).
export function PaymentStatusPill({ status, label, partlyRefunded = false }: { status: PaymentStatus; label?: string; partlyRefunded?: boolean }) {
  return <span className={`${styles.pill} ${partlyRefunded ? styles.partlyRefunded : (styles[status] ?? "")}`}>{label ?? PAYMENT_STATUS_LABEL[status]}</span>;
}
