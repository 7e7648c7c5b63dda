import type { Metadata } from "next";
import Link from "next/link";
import { AppError } from "@campotech/core/lib/errors";
import { getInvoice, type InvoiceView } from "@campotech/core/modules/invoicing";
import { EnvironmentBadge, InvoiceStatusPill } from "@/components/invoices/invoice-badges";
import { formatDay, formatMoney, formatQuantity, formatRate, INVOICE_STATUS_LABEL } from "@/components/invoices/invoice-format";
import { AutoRefresh } from "@/components/panel/auto-refresh";
import { LiveRefresh } from "@/components/panel/live-refresh";
import { PaymentStatePill } from "@/components/payments/payment-badges";
import { toLinkItem, toPaymentItem } from "@/components/payments/payment-format";
import { PaymentPanel } from "@/components/payments/payment-panel";
import { requireSession } from "@/lib/panel/session";
import { formatDateTime } from "@/lib/panel/jobs/jobs-format";
import { CreditNoteForm } from "./credit-note-form";
import { AuthorizeButton, ResendButton } from "./invoice-actions";
import styles from "./invoice.module.css";

export const metadata: Metadata = { title: "Factura" };

function ArcaMessages({ title, kind, items }: { title: string; kind: "error" | "observation"; items: InvoiceView["arca"]["errors"] }) {
  if (!items.length) return null;
  return (
    <section className="card" aria-labelledby={`arca-${kind}`} role={kind === "error" ? "alert" : undefined}>
      <h2 id={`arca-${kind}`}>{title}</h2>
      <ul className={styles.arcaMessages}>
        {items.map((m, i) => (
          <li key={`${m.code}-${i}`} className={kind === "error" ? styles.arcaError : styles.arcaObservation}>
            <p className={styles.verbatim} lang="es">
              <strong>{m.code}</strong> · {m.message}
            </p>
            <p>{m.explanation}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

// One invoice or credit note: who it is for, what it says, what ARCA answered (verbatim, explained), and what the
// office can do with it. While ARCA has not answered the page refreshes itself so the CAE shows up on its own.
export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireSession(`/panel/facturas/${id}`);
  if (!session.can("invoices.read")) {
    return (
      <section className="card" role="alert">
        <h1>Factura</h1>
        <p>Tu rol no tiene acceso a las facturas. <Link href="/panel">Volvé al resumen</Link>.</p>
      </section>
    );
  }
  const invoice = await session.tenant(async (tx) => {
    try {
      return await getInvoice(tx, id);
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") return null;
      throw error;
    }
  });
  if (!invoice) {
    return (
      <section className="card" role="alert">
        <h1>No encontramos esa factura</h1>
        <p>Puede que el enlace esté incompleto. <Link href="/panel/facturas">Volvé a la lista de facturas</Link> y buscala por cliente o número.</p>
      </section>
    );
  }

  const i = invoice;
  const canIssue = session.can("invoices.issue");
  const waiting = i.status === "PENDING" || i.status === "AUTHORIZING";
  const isNote = i.kind === "CREDIT_NOTE";
  const discriminatesIva = i.letter !== "C";
  const kindWord = isNote ? "nota de crédito" : "factura";
  // What is paid of it: an authorized invoice, for whoever may see payments (the state is in the API for everyone).
  const pay = i.payment;
  const showPayment = session.can("payments.read") && pay.state !== "NOT_CHARGEABLE";

  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted"><Link href="/panel/facturas">Facturas</Link> / {i.label}</p>
          <h1>{i.label}</h1>
        </div>
        <div className={styles.headBadges}>
          <InvoiceStatusPill status={i.status} />
          {showPayment && pay.state !== "NOT_CHARGEABLE" ? <PaymentStatePill state={pay.state} /> : null}
          <EnvironmentBadge environment={i.environment} />
        </div>
      </div>
      {/* ARCA's answer and payments (a MercadoPago notification, a refund) show up without reloading. */}
      <LiveRefresh types={["invoice.updated", "payment.updated"]} only={{ invoiceId: i.id }} />

      <div className={styles.layout}>
        <div className={styles.main}>
          {i.status === "REJECTED" ? (
            <ArcaMessages title="Por qué ARCA la rechazó" kind="error" items={[...i.arca.errors, ...i.arca.observations]} />
          ) : (
            <ArcaMessages title="Errores de ARCA" kind="error" items={i.arca.errors} />
          )}

          <section className="card" aria-labelledby="receptor">
            <h2 id="receptor">Receptor</h2>
            <dl className={styles.facts}>
              <dt>Nombre</dt>
              <dd>
                {i.receiver.name}
                {session.can("customers.read") ? <> · <Link href={`/panel/clientes/${i.customer.id}`}>Ver cliente</Link></> : null}
              </dd>
              <dt>Documento</dt>
              <dd>{i.receiver.docFormatted ? `${i.receiver.docLabel} ${i.receiver.docFormatted}` : "Consumidor final sin identificar"}</dd>
              <dt>Condición IVA</dt>
              <dd>{i.receiver.ivaCondition}</dd>
              <dt>Domicilio</dt>
              <dd>{i.receiver.address ?? <span className="muted">Sin cargar</span>}</dd>
              <dt>Email</dt>
              <dd>{i.receiver.email ?? <span className="muted">Sin email</span>}</dd>
              {i.job ? (
                <>
                  <dt>Trabajo</dt>
                  <dd>{session.can("jobs.read.own") ? <Link href={`/panel/trabajos/${i.job.id}`}>Trabajo #{i.job.number}</Link> : `#${i.job.number}`}</dd>
                </>
              ) : null}
              {i.creditedInvoice ? (
                <>
                  <dt>Acredita</dt>
                  <dd><Link href={`/panel/facturas/${i.creditedInvoice.id}`}>{i.creditedInvoice.label}</Link></dd>
                </>
              ) : null}
            </dl>
          </section>

          <section className="card" aria-labelledby="fechas">
            <h2 id="fechas">Fechas</h2>
            <dl className={styles.dates}>
              <div><dt>Emisión</dt><dd>{formatDay(i.issueDate)}</dd></div>
              <div><dt>Servicio desde</dt><dd>{formatDay(i.serviceFrom)}</dd></div>
              <div><dt>Servicio hasta</dt><dd>{formatDay(i.serviceTo)}</dd></div>
              <div><dt>Vence el pago</dt><dd>{formatDay(i.paymentDueDate)}</dd></div>
            </dl>
          </section>

          <section className="card" aria-labelledby="detalle">
            <h2 id="detalle">Detalle</h2>
            <div className={styles.linesWrap}>
              <table className={styles.lines}>
                <thead>
                  <tr>
                    <th scope="col">Descripción</th>
                    <th scope="col" className={styles.num}>Cant.</th>
                    <th scope="col" className={styles.num}>{discriminatesIva ? "Precio unit. sin IVA" : "Precio unit."}</th>
                    {discriminatesIva ? <th scope="col" className={styles.num}>IVA</th> : null}
                    <th scope="col" className={styles.num}>Subtotal</th>
                  </tr>
                </thead>
                <tbody>
                  {i.lines.map((l, n) => (
                    <tr key={n}>
                      <td>{l.description}</td>
                      <td data-label="Cantidad" className={styles.num}>{formatQuantity(l.quantityMilli)}</td>
                      <td data-label="Precio unitario" className={styles.num}>{formatMoney(l.unitPriceCents)}</td>
                      {discriminatesIva ? <td data-label="IVA" className={styles.num}>{formatRate(l.ivaRateBps)}</td> : null}
                      <td data-label="Subtotal" className={styles.num}>{formatMoney(l.netCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <dl className={styles.totals} aria-label="Totales">
              {discriminatesIva ? (
                <>
                  <dt>Neto gravado</dt>
                  <dd>{formatMoney(i.netCents)}</dd>
                  {i.ivaBreakdown.map((r) => (
                    <IvaRow key={r.ivaRateBps} rate={r.ivaRateBps} base={r.baseCents} iva={r.ivaCents} />
                  ))}
                  {i.exemptCents ? <><dt>Exento</dt><dd>{formatMoney(i.exemptCents)}</dd></> : null}
                </>
              ) : (
                <>
                  <dt>Subtotal</dt>
                  <dd>{formatMoney(i.netCents)}</dd>
                </>
              )}
              <dt className={styles.grand}>Total</dt>
              <dd className={styles.grand} data-testid="invoice-total">{formatMoney(i.totalCents)}</dd>
            </dl>
          </section>

          {i.status === "REJECTED" ? null : <ArcaMessages title="Observaciones de ARCA" kind="observation" items={i.arca.observations} />}
        </div>

        <aside className={styles.side}>
          <section className="card" aria-labelledby="arca">
            <h2 id="arca">ARCA: {INVOICE_STATUS_LABEL[i.status]}</h2>
            {waiting ? (
              <div className={styles.pendingNote}>
                <p>
                  {i.status === "PENDING" ? `La ${kindWord} está en la fila para pedir el CAE a ARCA.` : "Le estamos pidiendo el CAE a ARCA."}
                  {i.attempts > 1 ? ` Intentos: ${i.attempts}.` : ""}
                </p>
                {i.lastError ? <p className={styles.lastError}>Último intento: {i.lastError}</p> : null}
                <AutoRefresh seconds={3} message="Esta página se actualiza sola hasta que ARCA responda." />
              </div>
            ) : null}
            {i.status === "DRAFT" ? <p className="muted">Borrador: todavía no se pidió el CAE.</p> : null}
            {i.status === "REJECTED" ? (
              <p>
                ARCA no la autorizó: no tiene número ni validez. Corregí lo que indica ARCA{i.job && !isNote ? <> y emití una nueva desde el <Link href={`/panel/trabajos/${i.job.id}`}>trabajo #{i.job.number}</Link></> : " y emitila de nuevo"}.
              </p>
            ) : null}
            <dl className={styles.facts}>
              <dt>CAE</dt>
              <dd>{i.cae ? <span className={styles.cae} data-testid="invoice-cae">{i.cae}</span> : <span className="muted">Todavía no</span>}</dd>
              {i.caeDueDate ? <><dt>Vence el CAE</dt><dd>{formatDay(i.caeDueDate)}</dd></> : null}
              {i.authorizedAt ? <><dt>Autorizada</dt><dd>{formatDateTime(i.authorizedAt)}</dd></> : null}
              <dt>Punto de venta</dt>
              <dd>{String(i.pointOfSale).padStart(5, "0")}</dd>
              <dt>Total</dt>
              <dd>{formatMoney(i.totalCents)}</dd>
              {i.status === "AUTHORIZED" ? (
                <>
                  <dt>Enviada</dt>
                  <dd>
                    {i.sentAt ? `Por WhatsApp el ${formatDateTime(i.sentAt)}` : "Por WhatsApp: todavía no"}
                    {i.receiver.email ? <><br />{i.emailedAt ? `Por email el ${formatDateTime(i.emailedAt)}` : "Por email: todavía no"}</> : null}
                  </dd>
                </>
              ) : null}
            </dl>
          </section>

          {showPayment && pay.state !== "NOT_CHARGEABLE" ? (
            <PaymentPanel
              of="invoice"
              targetId={i.id}
              state={pay.state}
              owedCents={pay.owedCents}
              paidCents={pay.paidCents}
              dueCents={pay.dueCents}
              openLink={pay.openLink ? toLinkItem(pay.openLink) : null}
              payments={pay.payments.map(toPaymentItem)}
              customerName={i.customer.name}
              canCharge={session.can("payments.charge")}
              canRefund={session.can("payments.refund")}
            />
          ) : null}

          {i.pdfUrl || (canIssue && (waiting || i.status === "DRAFT" || (!isNote && i.creditableCents > 0))) ? (
            <section className="card" aria-labelledby="acciones">
              <h2 id="acciones">Acciones</h2>
              <div className={styles.actions}>
                {i.pdfUrl ? (
                  <a className={styles.buttonLink} href={i.pdfUrl} target="_blank" rel="noopener">Ver PDF</a>
                ) : null}
                {canIssue && i.status === "AUTHORIZED" ? <ResendButton invoiceId={i.id} hasEmail={Boolean(i.receiver.email)} /> : null}
                {canIssue && (waiting || i.status === "DRAFT") ? <AuthorizeButton invoiceId={i.id} draft={i.status === "DRAFT"} /> : null}
                {canIssue && !isNote && i.creditableCents > 0 ? (
                  <CreditNoteForm invoiceId={i.id} letter={i.letter} totalCents={i.totalCents} creditableCents={i.creditableCents} lines={i.lines} />
                ) : null}
              </div>
            </section>
          ) : null}

          {!isNote && (i.status === "AUTHORIZED" || i.creditNotes.length) ? (
            <section className="card" aria-labelledby="notas">
              <h2 id="notas">Notas de crédito</h2>
              {i.creditNotes.length ? (
                <ul className={styles.notes}>
                  {i.creditNotes.map((n) => (
                    <li key={n.id}>
                      <Link href={`/panel/facturas/${n.id}`}>{n.label}</Link>
                      <span className={styles.noteSide}>
                        {formatMoney(-n.totalCents)}
                        <InvoiceStatusPill status={n.status} />
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted" style={{ margin: 0 }}>Esta factura no tiene notas de crédito.</p>
              )}
              {i.status === "AUTHORIZED" && i.creditNotes.length ? (
                <p className="muted">Queda por acreditar: {formatMoney(i.creditableCents)}.</p>
              ) : null}
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

function IvaRow({ rate, base, iva }: { rate: number; base: number; iva: number }) {
  return (
    <>
      <dt>IVA {formatRate(rate)} <span className={styles.nowrap}>(sobre {formatMoney(base)})</span></dt>
      <dd>{formatMoney(iva)}</dd>
    </>
  );
}
