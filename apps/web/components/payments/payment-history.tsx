"use client";

import { formatMoney } from "@/components/invoices/invoice-format";
import { formatDateTime } from "@/lib/panel/jobs/jobs-format";
import { PaymentStatusPill } from "./payment-badges";
import { REJECTION_REASON, type PaymentItem } from "./payment-format";
import { RefundForm } from "./refund-form";
import styles from "./payments.module.css";

// Every payment of an invoice or job, oldest first: how, its status, how much and when, its refunds, and "Devolver"
// for whoever may refund.
export function PaymentHistory({ payments, canRefund }: { payments: PaymentItem[]; canRefund: boolean }) {
  return (
    <ul className={styles.history} aria-label="Historial de pagos">
      {payments.map((p) => (
        <li key={p.id} data-testid="payment-row">
          <div className={styles.historyTop}>
            <span className={styles.historyWhat}>
              <strong>{p.methodLabel}</strong>
              <PaymentStatusPill status={p.status} label={p.statusLabel} partlyRefunded={p.status === "APPROVED" && p.refundedCents > 0} />
            </span>
            <span className={styles.amount}>{formatMoney(p.amountCents)}</span>
          </div>
          <p className="muted" style={{ margin: 0 }}>
            {p.paidAt ? formatDateTime(p.paidAt) : `Iniciado el ${formatDateTime(p.createdAt)}`}
            {p.mpPaymentId ? ` · operación ${p.mpPaymentId}` : ""}
            {p.status === "REJECTED" && p.statusDetail ? ` · ${REJECTION_REASON[p.statusDetail] ?? p.statusDetail}` : ""}
            {p.note ? ` · «${p.note}»` : ""}
          </p>
          {p.refunds.length ? (
            <ul className={styles.refunds} aria-label="Devoluciones">
              {p.refunds.map((r) => (
                <li key={r.id}>
                  Devuelto {formatMoney(r.amountCents)} el {formatDateTime(r.createdAt)}
                  {r.reason ? ` · «${r.reason}»` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          {canRefund && p.refundableCents > 0 ? <RefundForm payment={p} /> : null}
        </li>
      ))}
    </ul>
  );
}
