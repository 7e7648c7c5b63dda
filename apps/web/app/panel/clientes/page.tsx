import type { Metadata } from "next";
import Link from "next/link";
import { listCustomers } from "@campotech/core/modules/customers";
import { requireSession } from "@/lib/panel/session";
import styles from "./customers.module.css";

export const metadata: Metadata = { title: "Clientes" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string; desde?: string }> }) {
  const { q, desde } = await searchParams;
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
  const page = await session.tenant((tx) => listCustomers(tx, { search, cursor: desde || undefined, limit: 50 }));
  const next = page.nextCursor ? `/panel/clientes?${new URLSearchParams({ ...(search ? { q: search } : {}), desde: page.nextCursor })}` : null;

  return (
    <>
      <div className="page-head">
        <h1>Clientes</h1>
      </div>
      <form method="get" role="search" className={`card ${styles.search}`}>
        <label>
          Buscar por nombre o teléfono
          <input type="search" name="q" defaultValue={search ?? ""} placeholder="Ej.: Martina o 11 5555-0123" maxLength={100} />
        </label>
        <button type="submit">Buscar</button>
        {search ? <Link href="/panel/clientes">Ver todos</Link> : null}
      </form>
      {page.items.length ? (
        <div className={`card ${styles.tableWrap}`}>
          <table className={styles.table}>
            <caption className={styles.srOnly}>{search ? `Clientes que coinciden con «${search}»` : "Clientes"}</caption>
            <thead>
              <tr>
                <th scope="col">Nombre</th>
                <th scope="col">Teléfono</th>
                <th scope="col">Dirección</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.id}>
                  <td data-label="Nombre">
                    <Link href={`/panel/clientes/${c.id}`}>{c.name}</Link>
                    {c.optedOutAt ? <span className={`pill ${styles.optOut}`}>No recibe mensajes</span> : null}
                  </td>
                  <td data-label="Teléfono">{c.phone ?? <span className="muted">Solo WhatsApp</span>}</td>
                  <td data-label="Dirección">{[c.address, c.city].filter(Boolean).join(", ") || <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="card empty">
          {search ? <p>Nadie coincide con «{search}». Probá con parte del nombre o los últimos dígitos del teléfono.</p> : <p>Todavía no hay clientes. Se crean solos cuando alguien escribe por WhatsApp.</p>}
        </div>
      )}
      {desde || next ? (
        <nav aria-label="Páginas" className={styles.pager}>
          {desde ? <Link href={search ? `/panel/clientes?q=${encodeURIComponent(search)}` : "/panel/clientes"}>← Volver al principio</Link> : <span />}
          {next ? <Link href={next}>Ver más clientes →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
