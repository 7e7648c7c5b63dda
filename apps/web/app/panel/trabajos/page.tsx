import type { Metadata } from "next";
import Link from "next/link";
import { JOB_STATES, listJobs, type JobActor, type JobState } from "@campotech/core/modules/jobs";
import { listTechnicians } from "@campotech/core/modules/scheduling";
import { ExportLink } from "@/components/exports/export-link";
import { requireSession } from "@/lib/panel/session";
import { loadJobNames } from "@/lib/panel/jobs/jobs-names";
import { addDaysIso, baDateOf, baDayStart, isIsoDate, JOB_STATUS_LABEL, mondayOf } from "@/lib/panel/jobs/jobs-format";
import { JobsBoard } from "./jobs-board";
import { JobsTable } from "./jobs-table";
import styles from "./jobs.module.css";

export const metadata: Metadata = { title: "Trabajos" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function JobsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const session = await requireSession("/panel/trabajos");
  const { claims } = session;
  const actor: JobActor = { organizationId: claims.org, userId: claims.sub, role: claims.role };
  const vista = one(params.vista) === "dia" ? "dia" : one(params.vista) === "semana" ? "semana" : "lista";
  const today = baDateOf(new Date());
  const technicians = await session.tenant((tx) => listTechnicians(tx, actor));

  const views = [
    { key: "lista", label: "Lista", href: "/panel/trabajos" },
    { key: "dia", label: "Día", href: `/panel/trabajos?vista=dia&fecha=${isIsoDate(one(params.fecha)) ? one(params.fecha) : today}` },
    { key: "semana", label: "Semana", href: `/panel/trabajos?vista=semana&fecha=${isIsoDate(one(params.fecha)) ? one(params.fecha) : today}` },
  ];
  const head = (
    <div className="page-head">
      <h1>Trabajos</h1>
      <div className={styles.headActions}>
        <nav aria-label="Vista" className={styles.views}>
          {views.map((v) => (
            <Link key={v.key} href={v.href} aria-current={v.key === vista ? "page" : undefined}>{v.label}</Link>
          ))}
        </nav>
        {session.can("data.export") ? <ExportLink kind="jobs" filters={{ estado: one(params.estado), tecnico: one(params.tecnico) }} /> : null}
        {session.can("jobs.write") ? <Link className={styles.primaryLink} href="/panel/trabajos/nuevo">Nuevo trabajo</Link> : null}
      </div>
    </div>
  );

  if (vista !== "lista") {
    const fecha = isIsoDate(one(params.fecha)) ? one(params.fecha)! : today;
    const first = vista === "dia" ? fecha : mondayOf(fecha);
    const days = vista === "dia" ? [first] : Array.from({ length: 7 }, (_, i) => addDaysIso(first, i));
    const { items, names } = await session.tenant(async (tx) => {
      const { items } = await listJobs(tx, actor, { from: baDayStart(first), to: baDayStart(addDaysIso(first, days.length)), limit: 200 });
      const shown = items.filter((j) => j.status !== "cancelled");
      return { items: shown, names: await loadJobNames(tx, { customerIds: shown.map((j) => j.customerId) }) };
    });
    return (
      <>
        {head}
        <JobsBoard vista={vista} fecha={fecha} days={days} today={today} jobs={items} technicians={technicians.items} customerNames={names.customers} />
      </>
    );
  }

  const estado = one(params.estado);
  const status = (JOB_STATES as readonly string[]).includes(estado ?? "") ? (estado as JobState) : undefined;
  const tecnico = one(params.tecnico) || undefined;
  const desde = isIsoDate(one(params.desde)) ? one(params.desde) : undefined;
  const hasta = isIsoDate(one(params.hasta)) ? one(params.hasta) : undefined;
  const { items, names } = await session.tenant(async (tx) => {
    const { items } = await listJobs(tx, actor, {
      status,
      technicianId: tecnico,
      from: desde ? baDayStart(desde) : undefined,
      to: hasta ? baDayStart(addDaysIso(hasta, 1)) : undefined,
      limit: 200,
    });
    return { items, names: await loadJobNames(tx, { customerIds: items.map((j) => j.customerId), userIds: items.map((j) => j.technicianId) }) };
  });
  const filtered = Boolean(status || tecnico || desde || hasta);

  return (
    <>
      {head}
      <form method="get" className={`card ${styles.filters}`} aria-label="Filtrar trabajos">
        <label>
          Estado
          <select name="estado" defaultValue={status ?? ""}>
            <option value="">Todos</option>
            {JOB_STATES.map((s) => (
              <option key={s} value={s}>{JOB_STATUS_LABEL[s]}</option>
            ))}
          </select>
        </label>
        {technicians.items.length > 1 ? (
          <label>
            Técnico
            <select name="tecnico" defaultValue={tecnico ?? ""}>
              <option value="">Todos</option>
              {technicians.items.map((t) => (
                <option key={t.id} value={t.id}>{t.name}</option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Desde
          <input type="date" name="desde" defaultValue={desde ?? ""} />
        </label>
        <label>
          Hasta
          <input type="date" name="hasta" defaultValue={hasta ?? ""} />
        </label>
        <div className={styles.filterButtons}>
          <button type="submit">Filtrar</button>
          {filtered ? <Link href="/panel/trabajos">Limpiar</Link> : null}
        </div>
        {desde || hasta ? <p className={`muted ${styles.filterNote}`}>Con fechas se muestran solo los trabajos agendados en ese rango.</p> : null}
      </form>
      {items.length ? (
        <JobsTable jobs={items} customerNames={names.customers} technicianNames={names.users} />
      ) : (
        <div className="card empty">
          {filtered ? (
            <p>No hay trabajos con esos filtros. <Link href="/panel/trabajos">Ver todos</Link></p>
          ) : (
            <p>
              Todavía no hay trabajos.{" "}
              {session.can("jobs.write") ? <Link href="/panel/trabajos/nuevo">Cargá el primero</Link> : "Cuando te asignen uno, aparece acá."}
            </p>
          )}
        </div>
      )}
    </>
  );
}
