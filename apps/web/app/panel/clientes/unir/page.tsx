import type { Metadata } from "next";
import Link from "next/link";
import { AppError } from "@campotech/core/lib/errors";
import { formatPhoneForPeople } from "@campotech/core/lib/phone";
import { getMergePreview, type MergePreview } from "@campotech/core/modules/customers";
import { requireSession } from "@/lib/panel/session";
import { MergeForm, type MergeSide } from "./merge-form";

export const metadata: Metadata = { title: "Unir clientes" };

export default async function MergeCustomersPage({ searchParams }: { searchParams: Promise<{ a?: string; b?: string }> }) {
  const { a = "", b = "" } = await searchParams;
  const session = await requireSession(`/panel/clientes/unir?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
  if (!session.can("customers.write")) {
    return (
      <section className="card" role="alert">
        <h1>Unir clientes</h1>
        <p>Tu rol no puede unir clientes. <Link href="/panel/clientes">Volvé a la lista</Link>.</p>
      </section>
    );
  }
  let preview: MergePreview | null = null;
  let problem = "Elegí dos clientes de la lista para unirlos.";
  if (a && b) {
    try {
      preview = await session.tenant((tx) => getMergePreview(tx, a, b));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = error.message;
    }
  }
  const merged = preview?.customers.find((c) => c.mergedIntoId);
  if (!preview || merged) {
    return (
      <section className="card" role="alert">
        <h1>Unir clientes</h1>
        <p>{merged ? `«${merged.name}» ya se unió a otro cliente.` : problem} <Link href="/panel/clientes">Volvé a la lista de clientes</Link>.</p>
      </section>
    );
  }
  const sides = preview.customers.map(
    (c): MergeSide => ({
      id: c.id,
      name: c.name,
      phone: c.phone ? formatPhoneForPeople(c.phone) : null,
      email: c.email,
      address: [c.address, c.city].filter(Boolean).join(", ") || null,
      tags: c.tags,
      holdings: c.holdings,
    }),
  ) as [MergeSide, MergeSide];

  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted"><Link href="/panel/clientes">Clientes</Link> / Unir duplicados</p>
          <h1>Unir clientes</h1>
        </div>
      </div>
      <p className="muted">Elegí cuál queda. Todo lo del otro (conversación, trabajos, oportunidades, facturas, pagos, direcciones) pasa al que queda; sus etiquetas se suman, las notas se juntan y los datos que falten se completan. El otro deja de aparecer en la lista, pero si escribe desde su número llega al que queda.</p>
      <MergeForm sides={sides} />
    </>
  );
}
