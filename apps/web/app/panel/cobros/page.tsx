import type { Metadata } from "next";
import Link from "next/link";
import { getMercadoPagoConnection, listPayments } from "@campotech/core/modules/payments";
import { formatDay, formatMoney } from "@/components/invoices/invoice-format";
import { LiveRefresh } from "@/components/panel/live-refresh";
import { PaymentStatusPill } from "@/components/payments/payment-badges";
import { METHOD_LABEL, PAYMENT_METHODS, PAYMENT_STATUS_LABEL, PAYMENT_STATUSES, REJECTION_REASON, type PaymentMethod, type PaymentStatus } from "@/components/payments/payment-format";
import { dayParam } from "@/lib/panel/day-param";
import { baDateOf, formatDateTime, upperFirst } from "@/lib/panel/jobs/jobs-format";
import { requireSession } from "@/lib/panel/session";
import { CobrosTabs } from "./cobros-tabs";
import { NoPaymentsAccess } from "./no-access";
import styles from "./cobros.module.css";

export const metadata: Metadata = { title: "Cobros" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const PAGE_SIZE = 50;

// Payments received (MercadoPago, cash, transfers), newest first, with what came in for the filter on top ("Cobrado":
// approved minus refunds). Filters travel in the address (a plain GET form); paging is by cursor. New payments and
// status changes show up by themselves.
export default async function PaymentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const session = await requireSession("/panel/cobros");
  if (!session.can("payments.read")) return <NoPaymentsAccess />;
  const estado = one(params.estado);
  const status = (PAYMENT_STATUSES as string[]).includes(estado ?? "") ? (estado as PaymentStatus) : undefined;
  const medio = one(params.medio);
  const method = (PAYMENT_METHODS as string[]).includes(medio ?? "") ? (medio as PaymentMethod) : undefined;
  const desde = dayParam(one(params.desde));
  const hasta = dayParam(one(params.hasta));
  const badDates = [one(params.desde), one(params.hasta)].filter((v, i) => v?.trim() && !(i === 0 ? desde : hasta));
  const cursor = one(params.cursor) || undefined;

  const [list, connection] = await Promise.all([
    session.tenant((tx) => listPayments(tx, { status, method, from: desde, to: hasta, cursor, limit: PAGE_SIZE })),
    getMercadoPagoConnection(session.claims.org),
  ]);
  const filtered = Boolean(status || method || desde || hasta);
  const query = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ estado: status, medio: method, desde, hasta, ...extra })) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/panel/cobros?${s}` : "/panel/cobros";
  };
  const today = baDateOf(new Date());
  const period = desde && hasta ? `del ${formatDay(desde)} al ${formatDay(hasta)}` : desde ? `desde el ${formatDay(desde)}` : hasta ? `hasta el ${formatDay(hasta)}` : "todas las fechas";

  return (
    <>
      <div className="page-head">
        <h1>Cobros</h1>
      </div>
      <CobrosTabs current="pagos" />
      <LiveRefresh types={["payment.updated"]} />

      {connection?.status !== "ACTIVE" && session.can("settings.read") ? (
        <section className="card" role="status">
          <p style={{ margin: 0 }}>
            <strong>{connection?.status === "REVOKED" ? "MercadoPago se desconectó." : "Conectá MercadoPago para cobrar con link."}</strong>{" "}
            <Link href="/panel/cobros/mercadopago">{connection?.status === "REVOKED" ? "Volvé a conectarlo" : "Conectar MercadoPago"}</Link>. Los pagos en efectivo y por transferencia se registran igual.
          </p>
        </section>
      ) : null}

      <section className={`card ${styles.summary}`} aria-label="Totales">
        <div>
          <p className={styles.summaryLabel}>Cobrado</p>
          <p className={styles.summaryAmount} data-testid="payments-received">{formatMoney(list.totals.receivedCents)}</p>
        </div>
        <p className="muted">
          {list.totals.payments === 1 ? "1 pago" : `${list.totals.payments} pagos`} · {period}
          <br />
          Pagos aprobados menos devoluciones.
        </p>
      </section>

      <form method="get" className={`card ${styles.filters}`} aria-label="Filtrar pagos">
        <label>
          Estado
          <select name="estado" defaultValue={status ?? ""}>
            <option value="">Todos</option>
            {PAYMENT_STATUSES.map((s) => (
              <option key={s} value={s}>{PAYMENT_STATUS_LABEL[s]}</option>
            ))}
          </select>
        </label>
        <label>
          Medio
          <select name="medio" defaultValue={method ?? ""}>
            <option value="">Todos</option>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>{METHOD_LABEL[m]}</option>
            ))}
          </select>
        </label>
        <label>
          Desde
          <input name="desde" inputMode="numeric" placeholder="dd/mm/aaaa" maxLength={10} defaultValue={desde ? formatDay(desde) : ""} />
        </label>
        <label>
          Hasta
          <input name="hasta" inputMode="numeric" placeholder="dd/mm/aaaa" maxLength={10} defaultValue={hasta ? formatDay(hasta) : ""} />
        </label>
        <div className={styles.filterButtons}>
          <button type="submit">Filtrar</button>
          <Link href={`/panel/cobros?desde=${today.slice(0, 8)}01&hasta=${today}`}>Este mes</Link>
          {filtered ? <Link href="/panel/cobros">Limpiar</Link> : null}
        </div>
        {badDates.length ? (
          <p className={`error ${styles.filterNote}`} role="alert">
            {badDates.map((d) => `«${d}»`).join(" y ")} no {badDates.length > 1 ? "son fechas válidas" : "es una fecha válida"}: escribila como dd/mm/aaaa (por ejemplo 01/12/2026).
          </p>
        ) : null}
      </form>

      {list.items.length ? (
        <div className={`card ${styles.tableWrap}`} role="region" aria-label="Lista de pagos" tabIndex={0}>
          <table className={styles.table}>
            <caption className={styles.srOnly}>Pagos ({list.items.length})</caption>
            <thead>
              <tr>
                <th scope="col">Fecha</th>
                <th scope="col">Cliente</th>
                <th scope="col">Qué pagó</th>
                <th scope="col">Medio</th>
                <th scope="col">Estado</th>
                <th scope="col" className={styles.num}>Monto</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((p) => (
                <tr key={p.id} data-testid="payments-row">
                  <td data-label="Fecha" className={styles.nowrap}>{formatDateTime(p.paidAt ?? p.createdAt)}</td>
                  <td data-label="Cliente">
                    {session.can("customers.read") ? <Link href={`/panel/clientes/${p.customer.id}`}>{p.customer.name}</Link> : p.customer.name}
                  </td>
                  <td data-label="Qué pagó">
                    <div>
                      {p.invoice ? (
                        <Link href={`/panel/facturas/${p.invoice.id}`}>{p.invoice.label}</Link>
                      ) : p.job ? (
                        <Link href={`/panel/trabajos/${p.job.id}`}>Trabajo #{p.job.number}</Link>
                      ) : (
                        <span className="muted">—</span>
                      )}
                      {p.note ? <span className={styles.sub}>«{p.note}»</span> : null}
                    </div>
                  </td>
                  <td data-label="Medio">
                    <div>
                      {p.methodLabel}
                      {p.mpPaymentId ? <span className={styles.sub}>Operación {p.mpPaymentId}</span> : null}
                    </div>
                  </td>
                  <td data-label="Estado">
                    <div>
                      <PaymentStatusPill status={p.status} label={p.statusLabel} partlyRefunded={p.status === "APPROVED" && p.refundedCents > 0} />
                      {p.status === "REJECTED" && p.statusDetail ? <span className={styles.sub}>{upperFirst(REJECTION_REASON[p.statusDetail] ?? p.statusDetail)}</span> : null}
                    </div>
                  </td>
                  <td data-label="Monto" className={styles.num}>
                    <div>
                      {formatMoney(p.amountCents)}
                      {p.refundedCents > 0 ? <span className={styles.sub}>Devuelto {formatMoney(p.refundedCents)}</span> : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="card empty">
          {cursor ? (
            <p>No hay más pagos. <Link href={query({})}>Volver al principio</Link></p>
          ) : filtered ? (
            <p>No hay pagos con esos filtros. <Link href="/panel/cobros">Ver todos</Link></p>
          ) : (
            <p>
              Todavía no hay pagos. Se cobra desde una factura o un trabajo con «Cobrar»;{" "}
              <Link href="/panel/cobros/por-cobrar">mirá lo que falta cobrar</Link>.
            </p>
          )}
        </div>
      )}

      {cursor || list.nextCursor ? (
        <nav className={styles.pager} aria-label="Páginas">
          {cursor ? <Link href={query({})}>← Volver a los más recientes</Link> : <span />}
          {list.nextCursor ? <Link href={query({ cursor: list.nextCursor })}>Más antiguos →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
