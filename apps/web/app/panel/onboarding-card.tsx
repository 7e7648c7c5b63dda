import Link from "next/link";
import { getOnboardingChecklist } from "@campotech/core/modules/onboarding";
import type { PanelSession } from "@/lib/panel/session";
import { DismissOnboardingButton } from "./dismiss-onboarding-button";
import styles from "./onboarding.module.css";

// "Primeros pasos" on the dashboard home: progress computed from the organization's data on every visit. Hidden once
// everything is done or the owner/admin dismissed it; people who can't change settings don't see it.
export async function OnboardingCard({ session }: { session: PanelSession }) {
  if (!session.can("settings.read")) return null;
  const checklist = await session.tenant((tx) => getOnboardingChecklist(tx, session.claims.org));
  if (!checklist.visible) return null;
  return (
    <section className={`card ${styles.card}`} aria-labelledby="onboarding-h" data-testid="onboarding">
      <div className={styles.head}>
        <h2 id="onboarding-h">Primeros pasos</h2>
        <p className={styles.progress} data-testid="onboarding-progress">{checklist.doneCount} de {checklist.total} listos</p>
      </div>
      <progress className={styles.bar} max={checklist.total} value={checklist.doneCount} aria-label={`${checklist.doneCount} de ${checklist.total} listos`} />
      <ol className={styles.steps}>
        {checklist.steps.map((step) => (
          <li key={step.key} className={step.done ? styles.done : undefined} data-testid={`onboarding-${step.key}`} data-done={step.done}>
            <span className={styles.mark} aria-hidden="true">{step.done ? "✓" : "○"}</span>
            <span className={styles.text}>
              {step.done ? <strong>{step.title}</strong> : <Link href={step.href}>{step.title}</Link>}
              <span className="muted"> · {step.done ? "Listo" : step.description}</span>
            </span>
            <span className="sr-only">{step.done ? "(listo)" : "(pendiente)"}</span>
          </li>
        ))}
      </ol>
      {session.can("settings.manage") ? <DismissOnboardingButton /> : null}
    </section>
  );
}
