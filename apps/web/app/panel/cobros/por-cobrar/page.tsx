import type { Metadata } from "next";
import Link from "next/link";
import { listReceivables } from "@campotech/core/modules/payments";
import { formatDay, formatMoney } from "@/components/invoices/invoice-format";
import { LiveRefresh } from "@/components/panel/live-refresh";
import { formatDateTime } from "@/lib/panel/jobs/jobs-format";
import { requireSession } from "@/lib/panel/session";
import { CobrosTabs } from "../cobros-tabs";
import { NoPaymentsAccess } from "../no-access";
import styles from "../cobros.module.css";
import { ReceivableActions } from "./receivable-actions";

export const metadata: Metadata = { title: "Por cobrar" };

const lateness = (days: number) => (days > 60 ? styles.veryLate : days > 0 ? styles.late : undefined);
const bucketClass: Record<string, string | undefined> = { "31-60": styles.bucketLate, "61-90": styles.bucketVeryLate, "90+": styles.bucketVeryLate };

// Cuentas por cobrar: authorized invoices not fully paid. The aging buckets on top (by days past the payment due
// date), then every invoice, the most overdue first, with a quick way to send the customer the payment link.
export default async function ReceivablesPage() {
  const session = await requireSession("/panel/cobros/por-cobrar");
  if (!session.can("payments.read")) return <NoPaymentsAccess title="Por cobrar" />;
  const data = await session.tenant((tx) => listReceivables(tx, {}));
  const canCharge = session.can("payments.charge");

  return (
    <>
      <div className="page-head">
        <h1>Cobros</h1>
      </div>
      <CobrosTabs current="por-cobrar" />
      <LiveRefresh types={["payment.updated", "invoice.updated"]} />

      <section className={`card ${styles.summary}`} aria-label="Total por cobrar">
        <div>
          <p className={styles.summaryLabel}>Por cobrar</p>
          <p className={styles.summaryAmount} data-testid="receivables-total">{formatMoney(data.totalDueCents)}</p>
        </div>
        <p className="muted">
          {data.items.length === 1 ? "1 factura sin pagar del todo" : `${data.items.length} facturas sin pagar del todo`}
          <br />
          Por días de atraso desde el vencimiento del pago.
        </p>
      </section>

      <div className={styles.buckets} role="list" aria-label="Antigüedad de la deuda">
        {data.buckets.map((b) => (
          <section key={b.key} role="listitem" className={`card ${styles.bucket} ${b.dueCents > 0 ? (bucketClass[b.key] ?? "") : ""}`} aria-labelledby={`bucket-${b.key}`} data-testid={`bucket-${b.key}`}>
            <h2 id={`bucket-${b.key}`}>{b.label}</h2>
            <p className={styles.bucketAmount}>{formatMoney(b.dueCents)}</p>
            <p className="muted">{b.invoices === 1 ? "1 factura" : `${b.invoices} facturas`}</p>
          </section>
        ))}
      </div>

      {data.items.length ? (
        <div className={`card ${styles.tableWrap}`} role="region" aria-label="Facturas por cobrar" tabIndex={0}>
          <table className={styles.table}>
            <caption className={styles.srOnly}>Facturas por cobrar ({data.items.length}), las más atrasadas primero</caption>
            <thead>
              <tr>
                <th scope="col">Cliente</th>
                <th scope="col">Factura</th>
                <th scope="col">Vence</th>
                <th scope="col">Atraso</th>
                <th scope="col" className={styles.num}>Falta cobrar</th>
                <th scope="col">Recordatorios</th>
                {canCharge ? <th scope="col"><span className={styles.srOnly}>Acciones</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.invoiceId} data-testid="receivable-row">
                  <td data-label="Cliente">
                    {session.can("customers.read") ? <Link href={`/panel/clientes/${r.customer.id}`}>{r.customer.name}</Link> : r.customer.name}
                  </td>
                  <td data-label="Factura">
                    <div>
                      <Link href={`/panel/facturas/${r.invoiceId}`}>{r.label}</Link>
                      <span className={styles.sub}>Emitida el {formatDay(r.issueDate)}</span>
                    </div>
                  </td>
                  <td data-label="Vence" className={styles.nowrap}>{formatDay(r.paymentDueDate)}</td>
                  <td data-label="Atraso" className={lateness(r.daysOverdue)}>
                    {r.daysOverdue === 0 ? "Al día" : r.daysOverdue === 1 ? "1 día" : `${r.daysOverdue} días`}
                  </td>
                  <td data-label="Falta cobrar" className={styles.num}>
                    <div>
                      {formatMoney(r.dueCents)}
                      {r.paidCents > 0 ? <span className={styles.sub}>de {formatMoney(r.owedCents)}</span> : null}
                    </div>
                  </td>
                  <td data-label="Recordatorios">
                    <div>
                      {r.remindersSent === 0 ? <span className="muted">Ninguno</span> : r.remindersSent}
                      {r.lastReminderAt ? <span className={styles.sub}>Último: {formatDateTime(r.lastReminderAt)}</span> : null}
                      {r.openLink && r.openLink.amountCents <= r.dueCents ? <span className={styles.sub}>Link abierto por {formatMoney(r.openLink.amountCents)}</span> : null}
                    </div>
                  </td>
                  {canCharge ? (
                    <td data-label="Acciones">
                      {/* A link for more than what is due (reopened after a partial refund) is not sent again: a new one is made. */}
                      <ReceivableActions invoiceId={r.invoiceId} openLinkId={r.openLink && r.openLink.amountCents <= r.dueCents ? r.openLink.id : null} label={r.label} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="card empty">
          <p>No hay facturas por cobrar: todo lo facturado está pago. <Link href="/panel/cobros">Ver los pagos</Link></p>
        </div>
      )}
    </>
  );
}
