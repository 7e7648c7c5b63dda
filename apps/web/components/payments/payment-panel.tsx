import { formatMoney } from "@/components/invoices/invoice-format";
import { ChargeActions } from "./charge-actions";
import { PaymentStatePill } from "./payment-badges";
import type { LinkItem, PaymentItem, PaymentState } from "./payment-format";
import { PaymentHistory } from "./payment-history";
import styles from "./payments.module.css";

export type PaymentPanelProps = {
  of: "invoice" | "job";
  targetId: string;
  state: PaymentState;
  owedCents: number;
  paidCents: number;
  dueCents: number;
  openLink: LinkItem | null;
  payments: PaymentItem[];
  customerName: string;
  // payments.charge (and something left to charge); payments.refund.
  canCharge: boolean;
  canRefund: boolean;
};

// "Cobro" of an invoice or a job's quote: how much is paid and due, the ways to charge what is left (a MercadoPago
// link, cash or a transfer) and every payment with its refunds. The page refreshes itself when a payment changes.
export function PaymentPanel(props: PaymentPanelProps) {
  const { of, state, owedCents, paidCents, dueCents, payments } = props;
  return (
    <section className="card" aria-labelledby="cobro" id="cobrar">
      <div className={styles.panelHead}>
        <h2 id="cobro">Cobro</h2>
        <PaymentStatePill state={state} of={of} />
      </div>
      <div className={styles.amountsWrap}>
        <dl className={styles.amounts} aria-label="Lo cobrado">
          <div>
            <dt>{of === "invoice" ? "Total" : "Presupuesto"}</dt>
            <dd>{formatMoney(owedCents)}</dd>
          </div>
          <div>
            <dt>Cobrado</dt>
            <dd data-testid="paid-amount">{formatMoney(paidCents)}</dd>
          </div>
          <div className={dueCents > 0 ? styles.due : undefined}>
            <dt>Falta cobrar</dt>
            <dd data-testid="due-amount">{formatMoney(dueCents)}</dd>
          </div>
        </dl>
      </div>
      {props.canCharge && dueCents > 0 ? (
        <ChargeActions target={{ kind: of, id: props.targetId }} dueCents={dueCents} openLink={props.openLink} customerName={props.customerName} />
      ) : null}
      <h3 className={styles.subhead}>Pagos</h3>
      {payments.length ? (
        <PaymentHistory payments={payments} canRefund={props.canRefund} />
      ) : (
        <p className="muted" style={{ margin: 0 }}>Todavía no hay pagos.</p>
      )}
    </section>
  );
}
