import Link from "next/link";

// Technicians (no payments.read) land here if they open a Cobros address.
export function NoPaymentsAccess({ title = "Cobros" }: { title?: string }) {
  return (
    <section className="card" role="alert">
      <h1>{title}</h1>
      <p>Tu rol no tiene acceso a los cobros. <Link href="/panel">Volvé al resumen</Link>.</p>
    </section>
  );
}
