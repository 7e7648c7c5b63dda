import type { Metadata } from "next";
import Link from "next/link";
import { AppError } from "@campotech/core/lib/errors";
import { formatPhoneForPeople } from "@campotech/core/lib/phone";
import { findDuplicateCustomers, getCustomerOrThrow, listCustomerAddresses, type CustomerView } from "@campotech/core/modules/customers";
import { listInvoices, RECEIVER_IVA_CONDITIONS } from "@campotech/core/modules/invoicing";
import { DOC_TYPE_OPTIONS } from "@/components/invoices/invoice-format";
import { InvoiceList } from "@/components/invoices/invoice-list";
import { JobStatusBadge, UrgencyPill } from "@/components/jobs/job-badges";
import { requireSession } from "@/lib/panel/session";
import { formatDateTime, formatWindow, SERVICE_LABEL } from "@/lib/panel/jobs/jobs-format";
import { CustomerAddresses } from "./customer-addresses";
import { CustomerNotesForm } from "./customer-notes-form";
import { CustomerPrivacy } from "./customer-privacy";
import { CustomerTags } from "./customer-tags";
import { CustomerTaxForm } from "./customer-tax-form";
import styles from "../customers.module.css";

export const metadata: Metadata = { title: "Cliente" };

const CONVERSATION_STATUS: Record<string, string> = { OPEN: "Abierta", PENDING: "En espera", CLOSED: "Cerrada" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireSession(`/panel/clientes/${id}`);
  if (!session.can("customers.read")) {
    return (
      <section className="card" role="alert">
        <h1>Cliente</h1>
        <p>Tu rol no tiene acceso a los clientes. <Link href="/panel/trabajos">Andá a tus trabajos</Link>.</p>
      </section>
    );
  }
  const data = await session.tenant(async (tx) => {
    let customer: CustomerView;
    try {
      customer = await getCustomerOrThrow(tx, id);
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") return null;
      throw error;
    }
    // Most recent first; a customer with years of history still shows a page that loads fast.
    const [conversations, jobs, invoices, addresses, duplicates, mergedInto] = await Promise.all([
      tx.whatsAppConversation.findMany({
        where: { customerId: customer.id },
        orderBy: [{ lastMessageAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
        take: 20,
        select: { id: true, status: true, unreadCount: true, lastMessageAt: true, createdAt: true, assignedTo: { select: { name: true } } },
      }),
      tx.job.findMany({
        where: { customerId: customer.id },
        orderBy: [{ createdAt: "desc" }],
        take: 50,
        select: { id: true, number: true, serviceType: true, status: true, urgency: true, scheduledStart: true, scheduledEnd: true },
      }),
      session.can("invoices.read") ? listInvoices(tx, { customerId: customer.id, limit: 20 }) : Promise.resolve(null),
      listCustomerAddresses(tx, customer.id),
      customer.mergedIntoId ? Promise.resolve(new Map<string, string[]>()) : findDuplicateCustomers(tx, [customer.id]),
      customer.mergedIntoId ? tx.customer.findUnique({ where: { id: customer.mergedIntoId }, select: { id: true, name: true } }) : Promise.resolve(null),
    ]);
    const duplicateIds = duplicates.get(customer.id) ?? [];
    const possibleDuplicates = duplicateIds.length
      ? await tx.customer.findMany({ where: { id: { in: duplicateIds } }, select: { id: true, name: true, phone: true }, take: 5 })
      : [];
    const erased = await tx.customer.findUniqueOrThrow({ where: { id: customer.id }, select: { erasedAt: true } });
    return { customer, conversations, jobs, invoices, addresses, possibleDuplicates, mergedInto, erasedAt: erased.erasedAt };
  });

  if (!data) {
    return (
      <section className="card" role="alert">
        <h1>No encontramos ese cliente</h1>
        <p>Puede que se haya borrado. <Link href="/panel/clientes">Volvé a la lista de clientes</Link> y buscalo por nombre o teléfono.</p>
      </section>
    );
  }
  const { customer, conversations, jobs, invoices, addresses, possibleDuplicates, mergedInto, erasedAt } = data;
  const canWrite = session.can("customers.write") && !customer.mergedIntoId;
  const conditions = Object.entries(RECEIVER_IVA_CONDITIONS).map(([id, c]) => ({ id: Number(id), label: c.label }));
  const docLabel = DOC_TYPE_OPTIONS.find((o) => o.value === customer.taxDocType)?.label;
  const canInbox = session.can("inbox.read") || session.can("conversations.read.assigned");

  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted"><Link href="/panel/clientes">Clientes</Link> / {customer.name}</p>
          <h1>{customer.name}</h1>
        </div>
        {session.can("jobs.write") ? <Link href={`/panel/trabajos/nuevo?cliente=${customer.id}`}>Nuevo trabajo para {customer.name.split(" ")[0]}</Link> : null}
      </div>
      {mergedInto ? (
        <section className={`card ${styles.banner}`} role="status">
          Este cliente se unió a <Link href={`/panel/clientes/${mergedInto.id}`}>{mergedInto.name}</Link>
          {customer.mergedAt ? ` el ${formatDateTime(customer.mergedAt)}` : ""}: su historial está ahí, y si escribe desde este número llega a ese cliente.
        </section>
      ) : null}
      {possibleDuplicates.length ? (
        <section className={`card ${styles.banner}`} aria-labelledby="duplicados">
          <h2 id="duplicados" style={{ margin: "0 0 0.5rem", fontSize: "1.05rem" }}>Posibles duplicados</h2>
          <ul className={styles.list}>
            {possibleDuplicates.map((d) => (
              <li key={d.id}>
                <span><Link href={`/panel/clientes/${d.id}`}>{d.name}</Link>{d.phone ? <span className="muted"> · {formatPhoneForPeople(d.phone)}</span> : null}</span>
                {session.can("customers.write") ? <Link href={`/panel/clientes/unir?a=${customer.id}&b=${d.id}`}>Unir con este cliente</Link> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className={styles.layout}>
        <div>
          <section className="card" aria-labelledby="contacto">
            <h2 id="contacto">Contacto</h2>
            <dl className={styles.facts}>
              <dt>Teléfono</dt>
              <dd>{customer.phone ? <a href={`tel:${customer.phone}`}>{formatPhoneForPeople(customer.phone)}</a> : <span className="muted">Solo por WhatsApp</span>}</dd>
              {customer.profileName && customer.profileName !== customer.name ? (
                <>
                  <dt>Perfil de WhatsApp</dt>
                  <dd>{customer.profileName}</dd>
                </>
              ) : null}
              <dt>Dirección</dt>
              <dd>{[customer.address, customer.city].filter(Boolean).join(", ") || <span className="muted">Sin cargar</span>}</dd>
              <dt>Mensajes</dt>
              <dd>{customer.optedOutAt ? `Pidió no recibir mensajes (${formatDateTime(customer.optedOutAt)})` : "Acepta mensajes"}</dd>
              <dt>Cliente desde</dt>
              <dd>{formatDateTime(customer.createdAt)}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="etiquetas">
            <h2 id="etiquetas">Etiquetas</h2>
            <CustomerTags customerId={customer.id} tags={customer.tags} canEdit={canWrite} />
          </section>
          <section className="card" aria-labelledby="direcciones">
            <h2 id="direcciones">Direcciones</h2>
            <CustomerAddresses customerId={customer.id} addresses={addresses} canEdit={canWrite} />
          </section>
          <section className="card" aria-labelledby="facturacion">
            <h2 id="facturacion">Datos para facturar</h2>
            {session.can("customers.write") ? (
              <CustomerTaxForm
                key={erasedAt?.toISOString() ?? "tax"}
                customerId={customer.id}
                conditions={conditions}
                initial={{ email: customer.email ?? "", docType: customer.taxDocType ?? 99, docNumber: customer.taxDocNumber ?? "", ivaConditionId: customer.ivaConditionId ?? 5 }}
              />
            ) : (
              <dl className={styles.facts}>
                <dt>Email</dt>
                <dd>{customer.email ?? <span className="muted">Sin email</span>}</dd>
                <dt>Documento</dt>
                <dd>{docLabel && customer.taxDocNumber ? `${docLabel} ${customer.taxDocNumber}` : "Consumidor final sin identificar"}</dd>
                <dt>Condición IVA</dt>
                <dd>{RECEIVER_IVA_CONDITIONS[customer.ivaConditionId ?? 5]?.label ?? "—"}</dd>
              </dl>
            )}
          </section>
          <section className="card" aria-labelledby="notas">
            <h2 id="notas">Notas</h2>
            {session.can("customers.write") ? (
              <CustomerNotesForm key={erasedAt?.toISOString() ?? "notes"} customerId={customer.id} notes={customer.notes ?? ""} />
            ) : (
              <p className={styles.notes}>{customer.notes || <span className="muted">Sin notas.</span>}</p>
            )}
          </section>
          {session.can("customers.privacy") ? (
            <section className="card" aria-labelledby="datos-personales">
              <h2 id="datos-personales">Datos personales</h2>
              <p className="muted">Si el cliente lo pide (Ley 25.326), podés darle una copia de todo lo que guardás sobre él o eliminar sus datos.</p>
              <CustomerPrivacy customerId={customer.id} name={customer.name} erasedAt={erasedAt ? formatDateTime(erasedAt) : null} />
            </section>
          ) : null}
        </div>
        <div>
          <section className="card" aria-labelledby="trabajos-cliente">
            <h2 id="trabajos-cliente">Trabajos</h2>
            {jobs.length ? (
              <ul className={styles.list}>
                {jobs.map((job) => (
                  <li key={job.id}>
                    <span>
                      <Link href={`/panel/trabajos/${job.id}`}>#{job.number} · {SERVICE_LABEL[job.serviceType]}</Link>
                      <br />
                      <span className="muted">{formatWindow(job.scheduledStart, job.scheduledEnd)}</span>
                    </span>
                    <span style={{ display: "flex", gap: "0.25rem", alignItems: "start" }}>
                      <JobStatusBadge status={job.status} />
                      {job.urgency !== "NORMAL" ? <UrgencyPill urgency={job.urgency} /> : null}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Todavía no tiene trabajos.</p>
            )}
          </section>
          {invoices ? (
            <section className="card" aria-labelledby="facturas-cliente">
              <div className={styles.sectionHead}>
                <h2 id="facturas-cliente">Facturas</h2>
                {invoices.nextCursor ? <Link href={`/panel/facturas?q=${encodeURIComponent(customer.name)}`}>Ver todas</Link> : null}
              </div>
              {invoices.items.length ? (
                <InvoiceList items={invoices.items} label="Facturas del cliente" />
              ) : (
                <p className="muted">Todavía no tiene facturas. Se emiten desde un trabajo terminado.</p>
              )}
            </section>
          ) : null}
          <section className="card" aria-labelledby="conversaciones">
            <h2 id="conversaciones">Conversaciones</h2>
            {conversations.length ? (
              <ul className={styles.list}>
                {conversations.map((c) => (
                  <li key={c.id}>
                    <span>
                      {canInbox ? <Link href={`/panel/bandeja?c=${c.id}`}>Conversación por WhatsApp</Link> : "Conversación por WhatsApp"}
                      <br />
                      <span className="muted">
                        Último mensaje: {formatDateTime(c.lastMessageAt ?? c.createdAt)}
                        {c.assignedTo ? ` · a cargo de ${c.assignedTo.name}` : ""}
                      </span>
                    </span>
                    <span>
                      <span className="pill">{CONVERSATION_STATUS[c.status] ?? c.status}</span>
                      {c.unreadCount ? <span className="badge" aria-label={`${c.unreadCount} sin leer`}>{c.unreadCount}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No escribió por WhatsApp todavía.</p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
