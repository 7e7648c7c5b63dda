"use client";

import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "./plan.module.css";

export type PendingRequest = { id: string; toTier: string; toName: string };
// One plan of the comparison, with its texts prepared on the server.
export type PlanCard = { tier: string; name: string; current: boolean; requestable: boolean; limits: [string, string][]; adds: string[]; addsLabel: string };
type Choice = { tier: string; name: string };

// The "Pedir el cambio a <plan>" buttons and the pending request. A CampoTech operator activates the change; one
// request at a time (asking for another plan replaces the pending one, the server cancels it).
export function PlanRequests({ plans, initialPending, canManage }: { plans: PlanCard[]; initialPending: PendingRequest | null; canManage: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(initialPending);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function request(choice: Choice) {
    setBusy(choice.tier);
    setError(null);
    const result = await sendJson<{ id: string; toTier: string }>("/api/plan/change-requests", "POST", { toTier: choice.tier });
    setBusy(null);
    if (!result.ok) return setError(result.error.fields.toTier ?? result.error.message);
    setPending({ id: result.data.id, toTier: result.data.toTier, toName: choice.name });
    router.refresh();
  }
  async function cancel() {
    if (!pending) return;
    setBusy("cancel");
    setError(null);
    const result = await sendJson("/api/plan/change-requests/" + encodeURIComponent(pending.id), "DELETE");
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    setPending(null);
    router.refresh();
  }

  return (
    <div className={styles.sections}>
      {pending ? (
        <div className={styles.pending} role="status" data-testid="plan-request-pending">
          <p><strong>Pedido enviado: el equipo de CampoTech te contacta para activarlo.</strong></p>
          <p className="muted">Pediste el cambio al plan {pending.toName}.</p>
          {canManage ? <div className="row"><button type="button" className="secondary" disabled={busy !== null} onClick={cancel}>{busy === "cancel" ? "Cancelando…" : "Cancelar el pedido"}</button></div> : null}
        </div>
      ) : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      <div className={styles.plans}>
        {plans.map((p) => (
          <article key={p.tier} className={`${styles.plan} ${p.current ? styles.current : ""}`} aria-labelledby={`plan-${p.tier}`} data-testid={`plan-${p.tier}`}>
            {p.current ? <span className={styles.badge}>Tu plan</span> : null}
            <h3 id={`plan-${p.tier}`}>{p.name}</h3>
            <dl className={styles.limits}>
              {p.limits.map(([term, value]) => <Fragment key={term}><dt>{term}</dt><dd>{value}</dd></Fragment>)}
            </dl>
            <p className="muted">{p.addsLabel}</p>
            {p.adds.length ? <ul>{p.adds.map((a) => <li key={a}>{a}</li>)}</ul> : null}
            {canManage && p.requestable ? (
              <button type="button" className={pending?.toTier === p.tier ? "secondary" : undefined} disabled={busy !== null || pending?.toTier === p.tier} onClick={() => request(p)}>
                {busy === p.tier ? "Enviando…" : pending?.toTier === p.tier ? "Pedido enviado" : `Pedir el cambio a ${p.name}`}
              </button>
            ) : null}
          </article>
        ))}
      </div>
      {canManage ? null : <p className="muted">Solo el dueño o un administrador pueden pedir un cambio de plan.</p>}
    </div>
  );
}
