import type { Metadata } from "next";
import Link from "next/link";
import { listCustomers } from "@campotech/core/modules/customers";
import { listTechnicians } from "@campotech/core/modules/scheduling";
import { requireSession } from "@/lib/panel/session";
import { NewJobForm } from "./new-job-form";
import { formatPhoneForPeople } from "@campotech/core/lib/phone";

export const metadata: Metadata = { title: "Nuevo trabajo" };

export default async function NewJobPage({ searchParams }: { searchParams: Promise<{ cliente?: string }> }) {
  const { cliente } = await searchParams;
  const session = await requireSession("/panel/trabajos/nuevo");
  if (!session.can("jobs.write")) {
    return (
      <section className="card" role="alert">
        <h1>Nuevo trabajo</h1>
        <p>Tu rol no puede cargar trabajos. Pedile a quien coordina que lo cargue, o <Link href="/panel/trabajos">volvé a tus trabajos</Link>.</p>
      </section>
    );
  }
  const { claims } = session;
  const [customers, technicians] = await session.tenant((tx) =>
    Promise.all([listCustomers(tx, { limit: 200 }), listTechnicians(tx, { organizationId: claims.org, userId: claims.sub, role: claims.role })]),
  );
  return (
    <>
      <div className="page-head">
        <h1>Nuevo trabajo</h1>
        <Link href="/panel/trabajos">Volver a trabajos</Link>
      </div>
      {customers.items.length ? (
        <NewJobForm
          customers={customers.items.map((c) => ({ id: c.id, name: c.name, phone: c.phone ? formatPhoneForPeople(c.phone) : null, address: [c.address, c.city].filter(Boolean).join(", ") }))}
          technicians={technicians.items.map((t) => ({ id: t.id, name: t.name }))}
          initialCustomerId={customers.items.some((c) => c.id === cliente) ? cliente : undefined}
        />
      ) : (
        <p className="card empty">Todavía no hay clientes. Se crean solos cuando alguien escribe por WhatsApp.</p>
      )}
    </>
  );
}
