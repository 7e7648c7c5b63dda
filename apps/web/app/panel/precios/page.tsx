import type { Metadata } from "next";
import Link from "next/link";
import type { ServiceType } from "@campotech/database";
import { listPriceListItems } from "@campotech/core/modules/price-list";
import { SERVICE_LABEL, SERVICE_TYPES } from "@/lib/panel/jobs/jobs-format";
import { requireSession } from "@/lib/panel/session";
import { PriceListEditor } from "./price-list-editor";
import styles from "./prices.module.css";

export const metadata: Metadata = { title: "Precios" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const STATES = { activos: "Activos", inactivos: "Inactivos", todos: "Todos" } as const;

// The price list the office quotes from and technicians add to jobs. Everyone who sees customers sees it; only
// pricelist.manage edits. Items are deactivated, never deleted: jobs keep the codes they were quoted with.
// Search and filters travel in the address (a plain GET form), like the other lists.
export default async function PricesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const session = await requireSession("/panel/precios");
  if (!session.can("customers.read")) {
    return (
      <section className="card" role="alert">
        <h1>Precios</h1>
        <p>Tu rol no tiene acceso a la lista de precios. <Link href="/panel">Volvé al resumen</Link>.</p>
      </section>
    );
  }
  const q = (one(params.q) ?? "").trim().slice(0, 80);
  const servicio = one(params.servicio);
  const serviceType = (SERVICE_TYPES as readonly string[]).includes(servicio ?? "") ? (servicio as ServiceType) : undefined;
  const estadoParam = one(params.estado);
  const estado = estadoParam === "activos" || estadoParam === "inactivos" ? estadoParam : "todos";
  const { items } = await session.tenant((tx) => listPriceListItems(tx, { serviceType, includeInactive: estado !== "activos", q: q || undefined }));
  const shown = estado === "inactivos" ? items.filter((i) => !i.active) : items;
  const filtered = Boolean(q || serviceType || estado !== "todos");

  return (
    <>
      <div className="page-head">
        <h1>Precios</h1>
        <p className="muted">{shown.length} {shown.length === 1 ? "ítem" : "ítems"}</p>
      </div>
      <form className={`card ${styles.filters}`} method="get" action="/panel/precios" role="search" aria-label="Buscar en la lista de precios">
        <label>Buscar<input name="q" type="search" defaultValue={q} placeholder="Código, nombre o palabra clave" maxLength={80} /></label>
        <label>Servicio
          <select name="servicio" defaultValue={serviceType ?? ""}>
            <option value="">Todos</option>
            {SERVICE_TYPES.map((s) => <option key={s} value={s}>{SERVICE_LABEL[s]}</option>)}
          </select>
        </label>
        <label>Estado
          <select name="estado" defaultValue={estado}>
            {Object.entries(STATES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <div className="row">
          <button type="submit" className="secondary">Filtrar</button>
          {filtered ? <Link href="/panel/precios">Limpiar</Link> : null}
        </div>
      </form>
      <PriceListEditor
        items={shown.map((i) => ({ id: i.id, code: i.code, name: i.name, description: i.description, serviceType: i.serviceType, unit: i.unit, priceCents: i.priceCents, ivaRateBps: i.ivaRateBps, active: i.active }))}
        canManage={session.can("pricelist.manage")}
        emptyText={filtered ? "No hay ítems que coincidan con la búsqueda." : "Todavía no hay ítems en la lista de precios."}
      />
    </>
  );
}
