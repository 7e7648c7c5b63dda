import type { Metadata } from "next";
import Link from "next/link";
import { getArcaSettings, listInvoices } from "@campotech/core/modules/invoicing";
import { EnvironmentBadge, InvoiceStatusPill } from "@/components/invoices/invoice-badges";
import { formatDay, formatMoney, INVOICE_STATUS_LABEL, INVOICE_STATUSES, type InvoiceStatus } from "@/components/invoices/invoice-format";
import { PaymentStatePill } from "@/components/payments/payment-badges";
import { requireSession } from "@/lib/panel/session";
import { dayParam } from "@/lib/panel/day-param";
import { baDateOf, upperFirst } from "@/lib/panel/jobs/jobs-format";
import styles from "./invoices.module.css";

export const metadata: Metadata = { title: "Facturas" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const KINDS = { factura: "INVOICE", nota: "CREDIT_NOTE" } as const;
const PAGE_SIZE = 50;

// Invoices and credit notes, newest first, with what ARCA authorized in the filtered period on top. Filters travel
// in the address (a plain GET form), so a filtered list can be shared or reloaded; paging is by cursor.
export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const session = await requireSession("/panel/facturas");
  if (!session.can("invoices.read")) {
    return (
      <section className="card" role="alert">
        <h1>Facturas</h1>
        <p>Tu rol no tiene acceso a las facturas. <Link href="/panel">Volvé al resumen</Link>.</p>
      </section>
    );
  }
  const estado = one(params.estado);
  const status = (INVOICE_STATUSES as string[]).includes(estado ?? "") ? (estado as InvoiceStatus) : undefined;
  const tipo = one(params.tipo);
  const kind = tipo === "factura" || tipo === "nota" ? KINDS[tipo] : undefined;
  const q = (one(params.q) ?? "").trim().slice(0, 100);
  const desde = dayParam(one(params.desde));
  const hasta = dayParam(one(params.hasta));
  const badDates = [one(params.desde), one(params.hasta)].filter((v, i) => v?.trim() && !(i === 0 ? desde : hasta));
  const cursor = one(params.cursor) || undefined;

  const { list, arca } = await session.tenant(async (tx) => ({
    list: await listInvoices(tx, { status, kind, search: q || undefined, from: desde, to: hasta, cursor, limit: PAGE_SIZE }),
    arca: await getArcaSettings(tx, session.claims.org),
  }));
  const filtered = Boolean(status || kind || q || desde || hasta);
  const ready = Boolean(arca?.certificate && arca.pointOfSale);
  const query = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ estado: status, tipo: kind ? tipo : undefined, q: q || undefined, desde, hasta, ...extra })) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/panel/facturas?${s}` : "/panel/facturas";
  };
  const today = baDateOf(new Date());
  const showPaid = session.can("payments.read");
  const period = desde && hasta ? `del ${formatDay(desde)} al ${formatDay(hasta)}` : desde ? `desde el ${formatDay(desde)}` : hasta ? `hasta el ${formatDay(hasta)}` : "todas las fechas";

  return (
    <>
      <div className="page-head">
        <h1>Facturas</h1>
        <div className={styles.headActions}>
          {arca ? <EnvironmentBadge environment={arca.environment} /> : null}
          {session.can("settings.read") ? <Link href="/panel/arca">Conexión con ARCA</Link> : null}
        </div>
      </div>

      {!ready ? (
        <section className="card" role="status">
          <p style={{ margin: 0 }}>
            <strong>Configurá ARCA para facturar.</strong>{" "}
            {session.can("settings.read") ? <Link href="/panel/arca">Cargá los datos fiscales y el certificado</Link> : "Pedile a quien administra la cuenta que cargue los datos fiscales y el certificado."}
          </p>
        </section>
      ) : null}

      <section className={`card ${styles.summary}`} aria-label="Totales">
        <div>
          <p className={styles.summaryLabel}>Autorizado en el período</p>
          <p className={styles.summaryAmount} data-testid="invoices-total">{formatMoney(list.totals.authorizedCents)}</p>
        </div>
        <p className="muted">
          {kind === "CREDIT_NOTE" ? "" : `${list.totals.invoices === 1 ? "1 factura autorizada" : `${list.totals.invoices} facturas autorizadas`} · `}
          {kind === "CREDIT_NOTE" ? upperFirst(period) : period}
          <br />
          {kind === "INVOICE" ? "Solo facturas: sin restar las notas de crédito." : kind === "CREDIT_NOTE" ? "Solo notas de crédito (restan)." : "Las notas de crédito restan."}
        </p>
      </section>

      <form method="get" className={`card ${styles.filters}`} aria-label="Filtrar facturas">
        <label className={styles.search}>
          Buscar
          <input type="search" name="q" defaultValue={q} placeholder="Cliente, CUIT/DNI o número" maxLength={100} />
        </label>
        <label>
          Estado
          <select name="estado" defaultValue={status ?? ""}>
            <option value="">Todos</option>
            {INVOICE_STATUSES.map((s) => (
              <option key={s} value={s}>{INVOICE_STATUS_LABEL[s]}</option>
            ))}
          </select>
        </label>
        <label>
          Tipo
          <select name="tipo" defaultValue={kind ? tipo : ""}>
            <option value="">Todos</option>
            <option value="factura">Facturas</option>
            <option value="nota">Notas de crédito</option>
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
          <Link href={`/panel/facturas?desde=${today.slice(0, 8)}01&hasta=${today}`}>Este mes</Link>
          {filtered ? <Link href="/panel/facturas">Limpiar</Link> : null}
        </div>
        {badDates.length ? (
          <p className={`error ${styles.filterNote}`} role="alert">
            {badDates.map((d) => `«${d}»`).join(" y ")} no {badDates.length > 1 ? "son fechas válidas" : "es una fecha válida"}: escribila como dd/mm/aaaa (por ejemplo 01/12/2026).
          </p>
        ) : null}
      </form>

      {list.items.length ? (
        <div className={`card ${styles.tableWrap}`} role="region" aria-label="Lista de facturas" tabIndex={0}>
          <table className={styles.table}>
            <caption className={styles.srOnly}>Facturas y notas de crédito ({list.items.length})</caption>
            <thead>
              <tr>
                <th scope="col">Comprobante</th>
                <th scope="col">Cliente</th>
                <th scope="col">Fecha</th>
                <th scope="col" className={styles.num}>Total</th>
                <th scope="col">Estado</th>
                <th scope="col">CAE</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((i) => (
                <tr key={i.id}>
                  <td data-label="Comprobante">
                    <span>
                      <Link href={`/panel/facturas/${i.id}`}>{i.label}</Link>
                      {/* The header says the environment; a row only says so when it differs (test vouchers left from before producción). */}
                      {i.environment !== arca?.environment ? <span className={styles.test}>{i.environment === "HOMOLOGACION" ? "Homologación" : "Producción"}</span> : null}
                    </span>
                  </td>
                  <td data-label="Cliente">
                    {i.receiver.name}
                    {i.receiver.docFormatted ? <span className="muted"> · {i.receiver.docLabel} {i.receiver.docFormatted}</span> : null}
                  </td>
                  <td data-label="Fecha" className={styles.nowrap}>{formatDay(i.issueDate)}</td>
                  <td data-label="Total" className={styles.num}>{formatMoney(i.kind === "CREDIT_NOTE" ? -i.totalCents : i.totalCents)}</td>
                  <td data-label="Estado">
                    <span className={styles.pills}>
                      <InvoiceStatusPill status={i.status} />
                      {/* Paid or partly paid stands out; unpaid is the usual state of a fresh invoice. */}
                      {showPaid && (i.payment.state === "PAID" || i.payment.state === "PARTIAL") ? <PaymentStatePill state={i.payment.state} /> : null}
                    </span>
                  </td>
                  <td data-label="CAE" className={styles.cae}>{i.cae ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="card empty">
          {cursor ? (
            <p>No hay más comprobantes. <Link href={query({})}>Volver al principio</Link></p>
          ) : filtered ? (
            <p>No hay comprobantes con esos filtros. <Link href="/panel/facturas">Ver todos</Link></p>
          ) : (
            <p>
              Todavía no hay facturas. Se emiten desde un trabajo terminado:{" "}
              {session.can("jobs.read.own") ? <Link href="/panel/trabajos?estado=completed">ver los trabajos terminados</Link> : "pedíselo a quien factura"}.
            </p>
          )}
        </div>
      )}

      {cursor || list.nextCursor ? (
        <nav className={styles.pager} aria-label="Páginas">
          {cursor ? <Link href={query({})}>← Volver a las más recientes</Link> : <span />}
          {list.nextCursor ? <Link href={query({ cursor: list.nextCursor })}>Más antiguas →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
