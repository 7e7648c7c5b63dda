import Link from "next/link";
import type { JobView } from "@campotech/core/modules/jobs";
import { argentineHolidays } from "@campotech/core/modules/scheduling";
import { JobStatusBadge, UrgencyPill } from "@/components/jobs/job-badges";
import { addDaysIso, baDateOf, baDayStart, formatDay, formatLongDay, formatTime, SERVICE_LABEL, upperFirst } from "@/lib/panel/jobs/jobs-format";
import styles from "./jobs.module.css";

type Props = {
  vista: "dia" | "semana";
  fecha: string;
  days: string[];
  today: string;
  jobs: JobView[];
  technicians: { id: string; name: string }[];
  customerNames: Map<string, string>;
};

// Per technician, the day's or the week's visits in time order (listJobs already sorts by scheduled start).
export function JobsBoard({ vista, fecha, days, today, jobs, technicians, customerNames }: Props) {
  const step = vista === "dia" ? 1 : 7;
  const href = (date: string) => `/panel/trabajos?vista=${vista}&fecha=${date}`;
  const rows = [...technicians.map((t) => ({ id: t.id, name: t.name })), ...(jobs.some((j) => !j.technicianId) ? [{ id: "", name: "Sin asignar" }] : [])];
  const title = vista === "dia" ? upperFirst(formatLongDay(baDayStart(fecha))) : `Semana del ${formatLongDay(baDayStart(days[0]!))}`;

  return (
    <section aria-labelledby="board-title">
      <div className={styles.boardNav}>
        <h2 id="board-title" className={styles.boardTitle}>{title}</h2>
        <div className={styles.boardButtons}>
          <Link className={styles.buttonLink} href={href(addDaysIso(fecha, -step))}>← {vista === "dia" ? "Día anterior" : "Semana anterior"}</Link>
          <Link className={styles.buttonLink} href={href(today)} aria-current={days.includes(today) ? "date" : undefined}>Hoy</Link>
          <Link className={styles.buttonLink} href={href(addDaysIso(fecha, step))}>{vista === "dia" ? "Día siguiente" : "Semana siguiente"} →</Link>
          <form method="get" className={styles.dateJump}>
            <input type="hidden" name="vista" value={vista} />
            <label>
              <span className={styles.srOnly}>Ir a la fecha</span>
              <input type="date" name="fecha" defaultValue={fecha} />
            </label>
            <button type="submit" className="secondary">Ir</button>
          </form>
        </div>
      </div>
      {!jobs.length ? <p className="card empty">No hay visitas agendadas {vista === "dia" ? "este día" : "esta semana"}. Agendá trabajos pendientes desde la lista.</p> : null}
      <div className={vista === "dia" ? styles.dayBoard : styles.weekBoard}>
        {rows.map((tech) => {
          const mine = jobs.filter((j) => (j.technicianId ?? "") === tech.id);
          return (
            <section key={tech.id || "none"} className={`card ${styles.techLane}`} aria-labelledby={`lane-${tech.id || "none"}`} data-technician={tech.name}>
              <h3 id={`lane-${tech.id || "none"}`} className={styles.laneTitle}>
                {tech.name} <span className="muted">· {mine.length} {mine.length === 1 ? "visita" : "visitas"}</span>
              </h3>
              {vista === "dia" ? (
                <JobCards jobs={mine} customerNames={customerNames} holiday={holidayOf(fecha)} />
              ) : (
                <div className={styles.weekDays}>
                  {days.map((d) => {
                    const jobsOfDay = mine.filter((j) => j.scheduledStart && baDateOf(j.scheduledStart) === d);
                    return (
                      <div key={d} className={`${styles.weekDay} ${d === today ? styles.today : ""}`}>
                        <h4><Link href={href(d).replace("vista=semana", "vista=dia")}>{upperFirst(formatDay(baDayStart(d)))}</Link></h4>
                        <JobCards jobs={jobsOfDay} customerNames={customerNames} holiday={holidayOf(d)} compact />
                      </div>
                    );
                  })}
                </div>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

// National holidays (the assistant offers no slots on them): the board names them instead of showing a free day.
function holidayOf(date: string): string | null {
  return argentineHolidays(Number(date.slice(0, 4))).get(date) ?? null;
}

function JobCards({ jobs, customerNames, holiday, compact = false }: { jobs: JobView[]; customerNames: Map<string, string>; holiday: string | null; compact?: boolean }) {
  if (!jobs.length) return <p className={`muted ${styles.free}`} title={holiday ?? undefined}>{holiday ? `Feriado${compact ? "" : `: ${holiday}`}` : "Libre"}</p>;
  return (
    <ol className={styles.jobCards}>
      {jobs.map((job) => (
        <li key={job.id} className={`${styles.jobCard} ${job.urgency === "EMERGENCY" ? styles.jobCardEmergency : ""}`}>
          <Link href={`/panel/trabajos/${job.id}`} className={styles.jobCardLink}>
            <span className={styles.jobTime}>
              {job.scheduledStart ? formatTime(job.scheduledStart) : "—"}
              {job.scheduledEnd ? `–${formatTime(job.scheduledEnd)}` : ""}
            </span>
            <span>
              #{job.number} · {customerNames.get(job.customerId) ?? "Cliente"}
            </span>
            {compact ? null : <span className="muted">{SERVICE_LABEL[job.serviceType]} · {job.address}</span>}
          </Link>
          <span className={styles.jobCardBadges}>
            <JobStatusBadge status={job.status} />
            {job.urgency !== "NORMAL" ? <UrgencyPill urgency={job.urgency} /> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
