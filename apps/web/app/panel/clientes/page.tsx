import type { Metadata } from "next";
import Link from "next/link";
import { findDuplicateCustomers, listCustomers, listCustomerTags, normalizeTag } from "@campotech/core/modules/customers";
import { formatPhoneForPeople } from "@campotech/core/lib/phone";
import { ExportLink } from "@/components/exports/export-link";
import { requireSession } from "@/lib/panel/session";
import styles from "./customers.module.css";

export const metadata: Metadata = { title: "Clientes" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string; etiqueta?: string; desde?: string }> }) {
  const { q, etiqueta, desde } = await searchParams;
  const session = await requireSession("/panel/clientes");
  if (!session.can("customers.read")) {
    return (
      <section className="card" role="alert">
        <h1>Clientes</h1>
        <p>Tu rol no tiene acceso a la lista de clientes. <Link href="/panel/trabajos">Andá a tus trabajos</Link>.</p>
      </section>
    );
  }
  const search = q?.trim().slice(0, 100) || undefined;
  const tag = etiqueta ? normalizeTag(etiqueta).slice(0, 30) || undefined : undefined;
  const { page, tags, duplicates } = await session.tenant(async (tx) => {
    const page = await listCustomers(tx, { search, tag, cursor: desde || undefined, limit: 50 });
    const [tags, duplicates] = await Promise.all([listCustomerTags(tx), findDuplicateCustomers(tx, page.items.map((c) => c.id))]);
    return { page, tags, duplicates };
  });
  const filters = { ...(search ? { q: search } : {}), ...(tag ? { etiqueta: tag } : {}) };
  const next = page.nextCursor ? `/panel/clientes?${new URLSearchParams({ ...filters, desde: page.nextCursor })}` : null;
  const first = `/panel/clientes${Object.keys(filters).length ? `?${new URLSearchParams(filters)}` : ""}`;
  const canMerge = session.can("customers.write");

  return (
    <>
      <div className="page-head">
        <h1>Clientes</h1>
        {session.can("data.export") ? <ExportLink kind="customers" filters={filters} /> : null}
      </div>
      <form method="get" role="search" className={`card ${styles.search}`}>
        <label>
          Buscar por nombre o teléfono
          <input type="search" name="q" defaultValue={search ?? ""} placeholder="Ej.: Martina o 11 5555-0123" maxLength={100} />
        </label>
        {tags.length ? (
          <label className={styles.tagFilter}>
            Etiqueta
            <select name="etiqueta" defaultValue={tag ?? ""}>
              <option value="">Todas</option>
              {tags.map((t) => (
                <option key={t.tag} value={t.tag}>{t.tag} ({t.count})</option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit">Buscar</button>
        {search || tag ? <Link href="/panel/clientes">Ver todos</Link> : null}
      </form>
      {page.items.length ? (
        <div className={`card ${styles.tableWrap}`}>
          <table className={styles.table}>
            <caption className={styles.srOnly}>{search ? `Clientes que coinciden con «${search}»` : "Clientes"}</caption>
            <thead>
              <tr>
                <th scope="col">Nombre</th>
                <th scope="col">Teléfono</th>
                <th scope="col">Etiquetas</th>
                <th scope="col">Dirección</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => {
                const dupes = duplicates.get(c.id) ?? [];
                return (
                  <tr key={c.id}>
                    <td data-label="Nombre">
                      <span className={styles.nameCell}>
                        <Link href={`/panel/clientes/${c.id}`}>{c.name}</Link>
                        {c.optedOutAt ? <span className={`pill ${styles.optOut}`}>No recibe mensajes</span> : null}
                        {dupes.length ? (
                          canMerge ? (
                            <Link className={`pill ${styles.duplicate}`} href={`/panel/clientes/unir?a=${c.id}&b=${dupes[0]}`} title="Hay otro cliente con el mismo nombre, teléfono o email">
                              Posible duplicado · Unir
                            </Link>
                          ) : (
                            <span className={`pill ${styles.duplicate}`}>Posible duplicado</span>
                          )
                        ) : null}
                      </span>
                    </td>
                    <td data-label="Teléfono">{c.phone ? formatPhoneForPeople(c.phone) : <span className="muted">Solo WhatsApp</span>}</td>
                    <td data-label="Etiquetas">
                      {c.tags.length ? (
                        <span className={styles.tags}>
                          {c.tags.map((t) => (
                            <Link key={t} className="pill" href={`/panel/clientes?etiqueta=${encodeURIComponent(t)}`}>{t}</Link>
                          ))}
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td data-label="Dirección">{[c.address, c.city].filter(Boolean).join(", ") || <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="card empty">
          {search || tag ? <p>Nadie coincide con {search ? `«${search}»` : ""}{search && tag ? " y " : ""}{tag ? `la etiqueta «${tag}»` : ""}. Probá con parte del nombre o los últimos dígitos del teléfono.</p> : <p>Todavía no hay clientes. Se crean solos cuando alguien escribe por WhatsApp.</p>}
        </div>
      )}
      {desde || next ? (
        <nav aria-label="Páginas" className={styles.pager}>
          {desde ? <Link href={first}>← Volver al principio</Link> : <span />}
          {next ? <Link href={next}>Ver más clientes →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
