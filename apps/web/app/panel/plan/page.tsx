import type { Metadata } from "next";
import { getPlanOverview } from "@campotech/core/modules/plans";
import { requireSession } from "@/lib/panel/session";
import { UsageMeter } from "../whatsapp/usage-meter";
import { PlanRequests, type PlanCard } from "./plan-requests";
import styles from "./plan.module.css";

export const metadata: Metadata = { title: "Tu plan" };
export const dynamic = "force-dynamic";

const NUMBER = new Intl.NumberFormat("es-AR");
const MONTH_START = new Intl.DateTimeFormat("es-AR", { timeZone: "America/Argentina/Buenos_Aires", day: "numeric", month: "long" });
const DAY = new Intl.DateTimeFormat("es-AR", { timeZone: "America/Argentina/Buenos_Aires", day: "numeric", month: "long", year: "numeric" });
const amount = (n: number | null, unit: string) => (n === null ? "Sin límite" : n === 0 ? "No incluye" : `${NUMBER.format(n)} ${unit}`);

// "Tu plan": the plan in force (and the trial), this month's usage against its limits, the five plans with what each
// adds, and the change request the owner sends (a CampoTech operator activates it).
export default async function PlanPage() {
  const session = await requireSession("/panel/plan");
  const overview = await session.tenant((tx) => getPlanOverview(tx, session.claims.org));
  const trialActive = overview.trialEndsAt !== null && (overview.trialDaysLeft ?? 0) > 0;
  const plans: PlanCard[] = overview.plans.map((p, i) => ({
    tier: p.tier,
    name: p.name,
    current: p.tier === overview.effectiveTier,
    // The plan already paid for cannot be requested again; a trial's plan can (to keep it after the trial).
    requestable: !(p.tier === overview.tier && overview.trialEndsAt === null),
    limits: [
      ["Mensajes por mes", amount(p.limits.monthlyMessages, "")],
      ["Conversaciones con IA", amount(p.limits.monthlyAiConversations, "por mes")],
      ["Personas que responden", p.limits.responders === null ? "Sin límite" : NUMBER.format(p.limits.responders)],
    ],
    adds: p.adds.map((a) => a.name),
    addsLabel: i === 0 ? (p.adds.length ? "Incluye:" : "La bandeja de WhatsApp, trabajos, clientes y facturas.") : `Todo lo del plan ${overview.plans[i - 1]!.name}, más:`,
  }));
  const pending = overview.pendingRequest
    ? { id: overview.pendingRequest.id, toTier: overview.pendingRequest.toTier, toName: overview.plans.find((p) => p.tier === overview.pendingRequest!.toTier)?.name ?? overview.pendingRequest.toTier }
    : null;

  return (
    <>
      <div className="page-head">
        <h1>Tu plan</h1>
      </div>
      <div className={styles.sections}>
        <section className="card" aria-labelledby="current-h">
          <h2 id="current-h" data-testid="plan-current">Plan {overview.effectivePlanName}</h2>
          {trialActive ? (
            <p className={styles.trial} data-testid="plan-trial">
              Estás probando el plan {overview.planName}: {overview.trialDaysLeft === 1 ? "te queda 1 día" : `te quedan ${overview.trialDaysLeft} días`} (hasta el {DAY.format(overview.trialEndsAt!)}).
            </p>
          ) : overview.trialEndsAt ? (
            <p className={styles.trial} data-testid="plan-trial">Tu prueba del plan {overview.planName} terminó: estás en el plan {overview.effectivePlanName}. Pedí el cambio para seguir usándolo.</p>
          ) : null}
          <p className="muted">Consumo desde el {MONTH_START.format(overview.usage.periodStart)} (hora de Buenos Aires).</p>
          <div className="grid">
            <UsageMeter id="plan-usage-messages" label="Mensajes enviados" used={overview.usage.messages.used} limit={overview.usage.messages.limit} unit="mensajes" planLink={false} />
            <UsageMeter id="plan-usage-ai" label="Conversaciones con el asistente (IA)" used={overview.usage.aiConversations.used} limit={overview.usage.aiConversations.limit} unit="conversaciones" planLink={false} />
            <UsageMeter id="plan-usage-responders" label="Personas que responden la bandeja" used={overview.usage.responders.used} limit={overview.usage.responders.limit} unit="personas" planLink={false} />
          </div>
        </section>
        <section className="card" aria-labelledby="plans-h">
          <h2 id="plans-h">Planes</h2>
          <PlanRequests plans={plans} initialPending={pending} canManage={session.can("settings.manage")} />
        </section>
      </div>
    </>
  );
}
