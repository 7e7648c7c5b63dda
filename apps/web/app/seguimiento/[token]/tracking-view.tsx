"use client";

import { useEffect, useRef, useState } from "react";
import type { PublicTrackingView } from "@campotech/core/contracts/tracking";
import { LiveMap } from "@/components/maps/live-map";
import type { MapMarker, MapTiles } from "@/components/maps/map-types";
import { homeIcon, personIcon } from "@/components/maps/marker-icons";
import { etaSentence, telHref, whatsappHref } from "@/components/tracking/tracking-format";
import { formatClockAr, formatWeekdayDayMonthAr } from "@campotech/core/lib/clock-format";
import { upperFirst } from "@/lib/panel/jobs/jobs-format";
import styles from "./tracking.module.css";

export type TrackingState = { kind: "ok"; view: PublicTrackingView } | { kind: "expired" } | { kind: "invalid" };

const STEPS = [
  { status: "scheduled", label: "Turno agendado" },
  { status: "en_camino", label: "Técnico en camino" },
  { status: "working", label: "Trabajando" },
  { status: "completed", label: "Trabajo terminado" },
] as const;
const SERVICE: Record<string, string> = { PLUMBING: "Plomería", GAS: "Gas", ELECTRICAL: "Electricidad", HVAC: "Aire acondicionado", DRAINAGE: "Destapaciones", GENERAL: "Servicio técnico" };

// The customer's page, rendered on the server first (it reads fine without JavaScript) and then kept current by
// asking the API again every pollSeconds; the server says 0 once nothing will change. Phones suspend background
// timers, so it also asks at once when the tab comes back.
export function TrackingView({ token, initial, tiles }: { token: string; initial: TrackingState; tiles: MapTiles }) {
  const [state, setState] = useState<TrackingState>(initial);
  const [offline, setOffline] = useState(false);
  const poll = state.kind === "ok" ? state.view.pollSeconds : 0;
  const busy = useRef(false);

  useEffect(() => {
    if (poll <= 0) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      clearTimeout(timer);
      if (busy.current) return;
      busy.current = true;
      try {
        const response = await fetch(`/api/seguimiento/${encodeURIComponent(token)}`, { cache: "no-store" });
        if (stopped) return;
        if (response.status === 404) setState({ kind: "invalid" });
        else if (response.status === 410) setState({ kind: "expired" });
        else if (response.ok) setState({ kind: "ok", view: (await response.json()) as PublicTrackingView });
        setOffline(!response.ok && response.status !== 404 && response.status !== 410);
      } catch {
        if (!stopped) setOffline(true);
      } finally {
        busy.current = false;
      }
      if (!stopped) timer = setTimeout(tick, poll * 1000);
    };
    const onVisible = () => document.visibilityState === "visible" && void tick();
    timer = setTimeout(tick, poll * 1000);
    window.addEventListener("focus", onVisible);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("focus", onVisible);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [token, poll]);

  if (state.kind !== "ok") return <TrackingGone expired={state.kind === "expired"} />;
  const job = state.view;
  const reached = new Map(job.steps.map((s) => [s.status, s.at]));
  const cancelled = job.status === "cancelled";
  const live = job.liveTrackingEnabled && job.status === "en_camino" ? job.live : null;

  return (
    <main className={styles.page}>
      <p className={styles.business}>
        {job.organization.name} · Trabajo #{job.number} · {SERVICE[job.serviceType] ?? job.serviceType}
      </p>
      <h1>{headline(job)}</h1>

      {job.technician && !cancelled ? (
        <section className={styles.card} aria-label="Tu técnico">
          <div className={styles.tech}>
            <span className={styles.avatar} aria-hidden="true">{job.technician.initial}</span>
            <div>
              <p className={styles.techName}>{job.technician.firstName}</p>
              <p className={styles.techMeta}>
                {[job.technician.vehicle, job.technician.plate ? `Patente ${job.technician.plate}` : null].filter(Boolean).join(" · ") || "Tu técnico"}
              </p>
            </div>
          </div>
        </section>
      ) : null}

      {live ? <LivePanel live={live} firstName={job.technician?.firstName ?? "El técnico"} initial={job.technician?.initial ?? "T"} tiles={tiles} /> : null}

      {job.scheduledStart && !cancelled ? (
        <section className={styles.card} aria-labelledby="turno">
          <h2 id="turno">Tu turno</h2>
          <p>
            {upperFirst(formatWeekdayDayMonthAr(job.scheduledStart))}, de {formatClockAr(job.scheduledStart)} a {job.scheduledEnd ? formatClockAr(job.scheduledEnd) : "—"} h
          </p>
        </section>
      ) : null}

      {!cancelled ? (
        <section className={styles.card} aria-labelledby="estado-visita">
          <h2 id="estado-visita">Estado</h2>
          <ol className="steps">
            {STEPS.map((step) => {
              const at = reached.get(step.status);
              return (
                <li key={step.status} className={at ? "done" : "todo"} aria-current={job.status === step.status ? "step" : undefined}>
                  <span>{step.label}</span>
                  {at ? <time dateTime={at}>{formatClockAr(at)} h</time> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}

      <Contact organization={job.organization} />

      {poll > 0 ? (
        <p className={styles.note} aria-live="polite">
          {offline ? "Sin conexión: reintentamos en unos segundos." : "Esta página se actualiza sola."}
        </p>
      ) : null}
      <p className={styles.footer}>Seguimiento hecho con CampoTech</p>
    </main>
  );
}

type Live = NonNullable<PublicTrackingView["live"]>;

function LivePanel({ live, firstName, initial, tiles }: { live: Live; firstName: string; initial: string; tiles: MapTiles }) {
  const markers: MapMarker[] = [];
  if (live.destination) {
    markers.push({ id: "destination", position: live.destination, label: "Tu domicilio", icon: homeIcon("#0f766e"), testId: "tracking-destination-marker" });
  }
  if (live.technician) {
    markers.push({
      id: "technician",
      position: live.technician,
      label: `${firstName}, ubicación de las ${formatClockAr(live.technician.recordedAt)}`,
      icon: personIcon({ initial, color: "#4338ca" }),
      testId: "tracking-technician-marker",
      zIndex: 1000,
    });
  }
  const eta = live.eta;
  return (
    <section className={`${styles.card} ${styles.live}`} aria-label="Dónde está">
      <div className={styles.etaBox}>
        <p className={`${styles.eta} ${eta?.arriving ? styles.etaArriving : ""}`} data-testid="tracking-eta" aria-live="polite">
          {eta ? etaSentence(eta) : live.technician ? "Calculando cuánto falta…" : `Esperando la ubicación de ${firstName}…`}
        </p>
        {live.technician ? <p className={styles.etaNote}>Ubicación de las {formatClockAr(live.technician.recordedAt)} h. El tiempo es aproximado y depende del tránsito.</p> : null}
      </div>
      {markers.length ? (
        <div className={styles.mapBox}>
          <LiveMap tiles={tiles} markers={markers} fitKey="visit" keepInView label={`Mapa: ${firstName} y tu domicilio`} />
        </div>
      ) : null}
    </section>
  );
}

function Contact({ organization }: { organization: PublicTrackingView["organization"] }) {
  if (!organization.whatsappPhone && !organization.callPhone) return null;
  return (
    <section className={styles.card} aria-labelledby="contacto">
      <h2 id="contacto">¿Necesitás avisar algo?</h2>
      <div className={styles.contact}>
        {organization.whatsappPhone ? (
          <a className={`${styles.button} ${styles.whatsapp}`} href={whatsappHref(organization.whatsappPhone)} target="_blank" rel="noopener noreferrer">
            Escribir por WhatsApp
          </a>
        ) : null}
        {organization.callPhone ? (
          <a className={`${styles.button} ${styles.call}`} href={telHref(organization.callPhone)}>
            Llamar
          </a>
        ) : null}
      </div>
    </section>
  );
}

export function TrackingGone({ expired }: { expired: boolean }) {
  return (
    <main className={styles.page}>
      <h1>Seguimiento</h1>
      <section className={`${styles.card} ${styles.gone}`} role="alert">
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

function headline(job: PublicTrackingView): string {
  const who = job.technician?.firstName ?? "El técnico";
  switch (job.status) {
    case "en_camino": return `${who} está en camino`;
    case "working": return `${who} está trabajando en tu domicilio`;
    case "completed": return "El trabajo está terminado";
    case "cancelled": return "Esta visita fue cancelada";
    case "scheduled": return "Tu visita está agendada";
    default: return "Estamos coordinando tu visita";
  }
}
