import type { Metadata } from "next";
import Link from "next/link";
import { effectiveTier, FEATURE_MIN_TIER, FEATURE_UPSELL, PLAN_NAMES, planFeatures } from "@campotech/core/modules/organizations";
import { mapTiles } from "@/components/maps/map-tiles";
import { dayParam } from "@/lib/panel/day-param";
import { addDaysIso, baDateOf, baDayStart, formatLongDay, upperFirst } from "@/lib/panel/jobs/jobs-format";
import { requireSession } from "@/lib/panel/session";
import { DispatchMap } from "./dispatch-map";
import { MapUpsell } from "./map-upsell";
import styles from "./mapa.module.css";

export const metadata: Metadata = { title: "Mapa" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// The dispatch map: where each technician is, the day's jobs as pins, and who is nearest to a job. The page frames
// it (day, plan, role); the map itself is a client component that reads /api/tracking/map every few seconds.
// ?trabajo=<id> opens with that job selected (the job page links here to assign the nearest technician).
export default async function MapPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const session = await requireSession("/panel/mapa");
  const today = baDateOf(new Date());
  const day = dayParam(one(params.fecha)) ?? today;
  const href = (date: string) => (date === today ? "/panel/mapa" : `/panel/mapa?fecha=${date}`);

  const head = (
    <div className="page-head">
      <div>
        <h1>Mapa</h1>
        <p className="muted" style={{ margin: 0 }}>{upperFirst(formatLongDay(baDayStart(day)))}{day === today ? " (hoy)" : ""}</p>
      </div>
      <nav className={styles.dayNav} aria-label="Día">
        <Link className={styles.buttonLink} href={href(addDaysIso(day, -1))}>← Día anterior</Link>
        <Link className={styles.buttonLink} href={href(today)} aria-current={day === today ? "date" : undefined}>Hoy</Link>
        <Link className={styles.buttonLink} href={href(addDaysIso(day, 1))}>Día siguiente →</Link>
        <form method="get" className={styles.dateJump}>
          <label>
            <span className={styles.srOnly}>Ir a la fecha</span>
            <input type="date" name="fecha" defaultValue={day} />
          </label>
          <button type="submit" className="secondary">Ir</button>
        </form>
      </nav>
    </div>
  );

  if (!session.can("jobs.read")) {
    return (
      <section className="card" role="alert">
        <h1>Mapa</h1>
        <p>Tu rol no tiene acceso al mapa de despacho. <Link href="/panel">Volvé al resumen</Link>.</p>
      </section>
    );
  }
  const organization = await session.tenant((tx) => tx.organization.findFirst({ where: { id: session.claims.org }, select: { tier: true, trialEndsAt: true } }));
  if (!planFeatures(organization ? effectiveTier(organization) : "FREE").dispatchMap) {
    return (
      <>
        <div className="page-head">
          <h1>Mapa</h1>
        </div>
        <MapUpsell message={FEATURE_UPSELL.dispatchMap} requiredPlanName={PLAN_NAMES[FEATURE_MIN_TIER.dispatchMap]} />
      </>
    );
  }

  return (
    <>
      {head}
      <DispatchMap key={day} day={day} tiles={mapTiles()} canWrite={session.can("jobs.write")} initialJobId={one(params.trabajo) ?? null} />
    </>
  );
}
