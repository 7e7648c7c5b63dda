import type { Metadata } from "next";
import { getJobTracking, type JobTrackingView } from "@campotech/core/modules/jobs";
import { AutoRefresh } from "./auto-refresh";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Seguimiento de tu visita", robots: { index: false, follow: false } };

const TZ = "America/Argentina/Buenos_Aires";
const STEPS = [
  { status: "scheduled", label: "Turno agendado" },
  { status: "en_camino", label: "Técnico en camino" },
  { status: "working", label: "Trabajando" },
  { status: "completed", label: "Trabajo terminado" },
] as const;
const SERVICE: Record<string, string> = { PLUMBING: "Plomería", GAS: "Gas", ELECTRICAL: "Electricidad", HVAC: "Aire acondicionado", DRAINAGE: "Destapaciones", GENERAL: "Servicio técnico" };

const day = (d: Date) => new Intl.DateTimeFormat("es-AR", { timeZone: TZ, weekday: "long", day: "numeric", month: "long" }).format(d);
const time = (d: Date) => new Intl.DateTimeFormat("es-AR", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hour12: false }).format(d);

function headline(job: JobTrackingView): string {
  const who = job.technicianFirstName ?? "El técnico";
  switch (job.status) {
    case "en_camino": return `${who} está en camino`;
    case "working": return `${who} está trabajando en tu domicilio`;
    case "completed": return "El trabajo está terminado";
    case "cancelled": return "Esta visita fue cancelada";
    case "scheduled": return "Tu visita está agendada";
    default: return "Estamos coordinando tu visita";
  }
}

// A malformed escape in a hand-edited link is just a wrong token, not a server error.
function decodedOrRaw(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

// The customer's page from the "ya está en camino" WhatsApp message: no login, the signed link is the key.
// It refreshes itself while the visit is in progress.
export default async function TrackingPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await getJobTracking(decodedOrRaw(token));
  if (result.kind !== "ok") {
    const expired = result.kind === "expired";
    return (
      <main>
        <h1>Seguimiento</h1>
        <section className="card" role="alert">
          <h2>{expired ? "Este enlace ya venció" : "No encontramos esta visita"}</h2>
          <p>
            {expired
              ? "La visita terminó hace un tiempo y el enlace de seguimiento dejó de funcionar. Si necesitás algo, escribinos por WhatsApp."
              : "El enlace no es válido o ya no existe. Escribinos por WhatsApp y te ayudamos."}
          </p>
        </section>
      </main>
    );
  }
  const job = result.view;
  const reached = new Map(job.steps.map((s) => [s.status, s.at]));
  const live = job.status === "scheduled" || job.status === "en_camino" || job.status === "working";
  return (
    <main>
      <p className="lead">{job.organizationName} · Trabajo #{job.number} · {SERVICE[job.serviceType] ?? job.serviceType}</p>
      <h1>{headline(job)}</h1>
      {job.scheduledStart && job.status !== "cancelled" ? (
        <section className="card" aria-labelledby="turno">
          <h2 id="turno">Tu turno</h2>
          <p>
            {day(job.scheduledStart)}, de {time(job.scheduledStart)} a {job.scheduledEnd ? time(job.scheduledEnd) : "—"} h
          </p>
        </section>
      ) : null}
      {job.status !== "cancelled" ? (
        <section className="card" aria-labelledby="estado-visita">
          <h2 id="estado-visita">Estado</h2>
          <ol className="steps">
            {STEPS.map((step) => {
              const at = reached.get(step.status);
              return (
                <li key={step.status} className={at ? "done" : "todo"} aria-current={job.status === step.status ? "step" : undefined}>
                  <span>{step.label}</span>
                  {at ? <time dateTime={at.toISOString()}>{time(at)} h</time> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
      {live ? <AutoRefresh seconds={30} /> : null}
    </main>
  );
}
