import type { Metadata } from "next";
import Link from "next/link";
import { AppError } from "@campotech/core/lib/errors";
import { getArcaSettings, invoiceLetterFor, listInvoices, RECEIVER_IVA_CONDITIONS } from "@campotech/core/modules/invoicing";
import { getJob, type JobActor, type JobDetail } from "@campotech/core/modules/jobs";
import { listPriceListItems } from "@campotech/core/modules/price-list";
import { listTechnicians } from "@campotech/core/modules/scheduling";
import { InvoiceList } from "@/components/invoices/invoice-list";
import { formatMoney } from "@/components/invoices/invoice-format";
import { JobStatusBadge, UrgencyPill } from "@/components/jobs/job-badges";
import { LiveRefresh } from "@/components/panel/live-refresh";
import { toLinkItem, toPaymentItem } from "@/components/payments/payment-format";
import { PaymentPanel } from "@/components/payments/payment-panel";
import { requireSession } from "@/lib/panel/session";
import { loadJobNames } from "@/lib/panel/jobs/jobs-names";
import { baDateOf, formatDateTime, formatLongDay, formatTime, JOB_STATUS_LABEL, SERVICE_LABEL } from "@/lib/panel/jobs/jobs-format";
import { CopyLinkButton } from "./copy-link-button";
import { JobAttachmentUpload } from "./job-attachment-upload";
import { JobEditForm } from "./job-edit-form";
import { JobInvoiceForm } from "./job-invoice-form";
import { JobLineItems } from "./job-line-items";
import { JobStatusActions } from "./job-status-actions";
import styles from "./detail.module.css";
import { formatPhoneForPeople } from "@campotech/core/lib/phone";

export const metadata: Metadata = { title: "Trabajo" };

const ACTOR_TYPE_LABEL: Record<string, string> = { SYSTEM: "Asistente de WhatsApp", OPERATOR: "Soporte CampoTech" };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireSession(`/panel/trabajos/${id}`);
  const { claims } = session;
  const actor: JobActor = { organizationId: claims.org, userId: claims.sub, role: claims.role };
  const data = await session.tenant(async (tx) => {
    let job: JobDetail;
    try {
      job = await getJob(tx, actor, id);
    } catch (error) {
      if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return null;
      throw error;
    }
    const [customer, names, priceList, technicians, invoices, arca] = await Promise.all([
      tx.customer.findFirst({ where: { id: job.customerId }, select: { id: true, name: true, phone: true, email: true, taxDocType: true, taxDocNumber: true, ivaConditionId: true } }),
      loadJobNames(tx, { userIds: [job.technicianId, ...job.transitions.map((t) => t.actorId)] }),
      listPriceListItems(tx, {}),
      listTechnicians(tx, actor),
      session.can("invoices.read") ? listInvoices(tx, { jobId: job.id, limit: 20 }).then((r) => r.items) : Promise.resolve([]),
      session.can("invoices.issue") && job.status === "completed" ? getArcaSettings(tx, claims.org) : Promise.resolve(null),
    ]);
    return { job, customer, names, priceList: priceList.items, technicians: technicians.items, invoices, arca };
  });

  if (!data) {
    return (
      <section className="card" role="alert">
        <h1>No encontramos ese trabajo</h1>
        <p>Puede que se haya borrado o que no esté asignado a vos. <Link href="/panel/trabajos">Volvé a la lista de trabajos</Link>.</p>
      </section>
    );
  }
  const { job, customer, names, priceList, technicians, invoices, arca } = data;
  const office = session.can("jobs.write");
  const closed = job.status === "completed" || job.status === "cancelled";
  const technicianName = job.technicianId ? (names.users.get(job.technicianId) ?? "—") : null;
  const photos = job.attachments.filter((a) => a.kind === "PHOTO");
  const signatures = job.attachments.filter((a) => a.kind === "SIGNATURE");
  // The job's invoice: issued once it is completed (a rejected one can be issued again, as the server allows).
  const activeInvoice = invoices.some((i) => i.kind === "INVOICE" && i.status !== "REJECTED");
  const canInvoice = session.can("invoices.issue") && job.status === "completed" && !activeInvoice;
  const arcaReady = Boolean(arca?.certificate && arca.pointOfSale);
  // Charging the quote before it is invoiced; once invoiced, the invoice is what is charged.
  const pay = job.payment;
  const showPayment = session.can("payments.read") && (pay.state === "INVOICED" || job.lineItems.length > 0 || pay.payments.length > 0);
  const conditions = arca
    ? Object.entries(RECEIVER_IVA_CONDITIONS).map(([id, c]) => ({ id: Number(id), label: c.label, letter: invoiceLetterFor(arca.issuerCondition, Number(id)) }))
    : [];

  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted"><Link href="/panel/trabajos">Trabajos</Link> / #{job.number}</p>
          <h1>
            Trabajo #{job.number} · {SERVICE_LABEL[job.serviceType]}
          </h1>
        </div>
        <div className={styles.headBadges}>
          <JobStatusBadge status={job.status} />
          <UrgencyPill urgency={job.urgency} />
        </div>
      </div>

      {showPayment ? <LiveRefresh types={["payment.updated", "invoice.updated"]} only={{ jobId: job.id, invoiceId: pay.invoice?.id ?? null }} /> : null}

      <div className={styles.layout}>
        <div className={styles.main}>
          <section className="card" aria-labelledby="datos">
            <h2 id="datos">Datos</h2>
            <dl className={styles.facts}>
              <dt>Cliente</dt>
              <dd>
                {customer ? (session.can("customers.read") ? <Link href={`/panel/clientes/${customer.id}`}>{customer.name}</Link> : customer.name) : "—"}
                {customer?.phone ? <> · <a href={`tel:${customer.phone}`} data-testid="customer-phone">{formatPhoneForPeople(customer.phone)}</a></> : null}
              </dd>
              <dt>Dirección</dt>
              <dd>
                {job.address} · <a href={`https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(job.address)}`} target="_blank" rel="noreferrer">Ver en el mapa</a>
                {session.can("jobs.read") && !closed ? (
                  <>
                    {" · "}
                    <Link href={`/panel/mapa?fecha=${baDateOf(job.scheduledStart ?? new Date())}&trabajo=${job.id}`}>
                      {office && (job.status === "pending" || job.status === "scheduled") ? "Asignar al más cercano" : "Ver en el mapa de despacho"}
                    </Link>
                  </>
                ) : null}
              </dd>
              <dt>Servicio</dt>
              <dd>{SERVICE_LABEL[job.serviceType]}</dd>
              <dt>Descripción</dt>
              <dd className={styles.pre}>{job.description}</dd>
              <dt>Técnico</dt>
              <dd>{technicianName ?? <span className="muted">Sin asignar</span>}</dd>
              <dt>Horario</dt>
              <dd>
                {job.scheduledStart ? (
                  <>
                    <span className={styles.capital}>{formatLongDay(job.scheduledStart)}</span>, de {formatTime(job.scheduledStart)} a {job.scheduledEnd ? formatTime(job.scheduledEnd) : "—"} ·{" "}
                    <Link href={`/panel/trabajos?vista=dia&fecha=${baDateOf(job.scheduledStart)}`}>Ver en el tablero</Link>
                  </>
                ) : (
                  <span className="muted">Sin agendar</span>
                )}
              </dd>
            </dl>
            {office && !closed ? (
              <JobEditForm
                job={{ id: job.id, address: job.address, description: job.description, urgency: job.urgency, technicianId: job.technicianId, scheduledStart: job.scheduledStart?.toISOString() ?? null, scheduledEnd: job.scheduledEnd?.toISOString() ?? null, status: job.status }}
                technicians={technicians.map((t) => ({ id: t.id, name: t.name }))}
              />
            ) : null}
          </section>

          <section className="card" aria-labelledby="lineas">
            <h2 id="lineas">Presupuesto</h2>
            <JobLineItems
              jobId={job.id}
              readOnly={closed}
              initial={{ lineItems: job.lineItems, totals: job.totals }}
              priceList={priceList.map((p) => ({ id: p.id, code: p.code, name: p.name, unit: p.unit, priceCents: p.priceCents, ivaRateBps: p.ivaRateBps, serviceType: p.serviceType }))}
              serviceType={job.serviceType}
            />
          </section>

          {invoices.length || canInvoice ? (
            <section className="card" aria-labelledby="facturar">
              <h2 id="facturar">{canInvoice && !invoices.length ? "Facturar" : "Facturación"}</h2>
              {invoices.length ? <InvoiceList items={invoices} label="Comprobantes del trabajo" /> : null}
              {canInvoice && invoices.length ? <p className="muted">ARCA rechazó la factura anterior: podés emitir una nueva con los datos corregidos.</p> : null}
              {canInvoice ? (
                arcaReady && arca ? (
                  job.lineItems.length ? (
                    <JobInvoiceForm
                      jobId={job.id}
                      conditions={conditions}
                      totals={job.totals}
                      initial={{
                        docType: customer?.taxDocType ?? 99,
                        docNumber: customer?.taxDocNumber ?? "",
                        ivaConditionId: customer?.ivaConditionId ?? 5,
                        name: customer?.name ?? "",
                        email: customer?.email ?? "",
                      }}
                    />
                  ) : (
                    <p className="muted">El trabajo no tiene ítems: no hay nada para facturar.</p>
                  )
                ) : (
                  <p role="status">
                    <strong>Configurá ARCA para facturar.</strong>{" "}
                    {session.can("settings.read") ? <Link href="/panel/arca">Cargá los datos fiscales y el certificado</Link> : "Pedile a quien administra la cuenta que lo haga."}
                  </p>
                )
              ) : null}
            </section>
          ) : null}

          {showPayment ? (
            pay.state === "INVOICED" ? (
              <section className="card" aria-labelledby="cobro" id="cobrar">
                <h2 id="cobro">Cobro</h2>
                <p style={{ margin: 0 }}>
                  El trabajo ya está facturado: se cobra con la factura.{" "}
                  {pay.invoice ? <Link href={`/panel/facturas/${pay.invoice.id}#cobrar`}>{pay.invoice.paidAt ? "Ver la factura (pagada)" : "Ver la factura y cobrarla"}</Link> : null}
                </p>
                {pay.invoice && pay.invoice.paidCents > 0 ? <p className="muted" style={{ marginBottom: 0 }}>Cobrado: {formatMoney(pay.invoice.paidCents)}{pay.invoice.paidAt ? ` · pagada el ${formatDateTime(pay.invoice.paidAt)}` : ""}.</p> : null}
              </section>
            ) : (
              <PaymentPanel
                of="job"
                targetId={job.id}
                state={pay.state}
                owedCents={pay.owedCents}
                paidCents={pay.paidCents}
                dueCents={pay.dueCents}
                openLink={pay.openLink ? toLinkItem(pay.openLink) : null}
                payments={pay.payments.map(toPaymentItem)}
                customerName={customer?.name ?? ""}
                canCharge={session.can("payments.charge") && job.status !== "cancelled" && job.lineItems.length > 0}
                canRefund={session.can("payments.refund")}
              />
            )
          ) : null}

          <section className="card" aria-labelledby="fotos">
            <h2 id="fotos">Fotos y firma</h2>
            {photos.length || signatures.length ? (
              <ul className={styles.thumbs}>
                {[...photos, ...signatures].map((a, i) => {
                  const src = `/api/jobs/${job.id}/attachments/${a.id}`;
                  const label = a.kind === "SIGNATURE" ? "Firma del cliente" : `Foto ${i + 1}`;
                  return (
                    <li key={a.id}>
                      <a href={src} target="_blank" rel="noreferrer">
                        {/* A plain img: the bytes are private and session-bound, nothing for an image optimizer to cache. */}
                        <img src={src} alt={`${label} del ${formatDateTime(a.createdAt)}`} loading="lazy" className={a.kind === "SIGNATURE" ? styles.signature : undefined} />
                      </a>
                      <span className="muted">{label} · {formatDateTime(a.createdAt)}</span>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="muted">Todavía no hay fotos ni firma. El técnico las suma desde la app; también podés subir una foto acá.</p>
            )}
            {closed ? null : <JobAttachmentUpload jobId={job.id} />}
          </section>
        </div>

        <aside className={styles.side}>
          <section className="card" aria-labelledby="estado">
            <h2 id="estado">Estado: {JOB_STATUS_LABEL[job.status]}</h2>
            <JobStatusActions
              jobId={job.id}
              status={job.status}
              office={office}
              technicianId={job.technicianId}
              isMine={job.technicianId === claims.sub}
            />
          </section>

          <section className="card" aria-labelledby="seguimiento">
            <h2 id="seguimiento">Seguimiento del cliente</h2>
            <p className="muted">El cliente lo recibe por WhatsApp cuando el técnico sale. Podés compartirlo a mano.</p>
            <p className={styles.link}><a href={job.trackingUrl} target="_blank" rel="noreferrer">{job.trackingUrl}</a></p>
            <CopyLinkButton url={job.trackingUrl} />
          </section>

          <section className="card" aria-labelledby="historial">
            <h2 id="historial">Historial</h2>
            <ol className={styles.history}>
              {job.transitions.map((t, i) => (
                <li key={i}>
                  <time dateTime={t.at.toISOString()}>{formatDateTime(t.at)}</time>
                  <span>
                    {t.from ? `${JOB_STATUS_LABEL[t.from]} → ` : "Creado · "}
                    <strong>{JOB_STATUS_LABEL[t.to]}</strong>
                  </span>
                  <span className="muted">
                    {t.actorType === "USER" ? (names.users.get(t.actorId ?? "") ?? "Usuario") : (ACTOR_TYPE_LABEL[t.actorType] ?? t.actorType)}
                    {t.note ? ` · «${t.note}»` : ""}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </>
  );
}
