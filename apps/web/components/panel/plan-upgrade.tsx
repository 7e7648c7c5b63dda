import Link from "next/link";
import styles from "./plan-upgrade.module.css";

export type PlanUpgradeProps = {
  // "Profesional": the first plan that includes what was asked for (PLAN_NAMES[FEATURE_MIN_TIER[feature]]).
  requiredPlanName?: string | undefined;
  // What the feature is (FEATURE_NAMES) or the server's PLAN_REQUIRED reason when that is all there is.
  message: string;
  // What that plan adds (featuresAddedBy → FEATURE_NAMES), or what this feature would do for the business.
  adds?: readonly string[] | undefined;
  testId?: string;
};

// Shown instead of a feature the organization's plan does not include: an invitation to upgrade, not an error (no
// alert role; status so screen readers hear it once). Without hooks, so server pages and client forms both use it.
export function PlanUpgrade({ requiredPlanName, message, adds, testId = "plan-upgrade" }: PlanUpgradeProps) {
  const title = requiredPlanName ? `Disponible desde el plan ${requiredPlanName}` : "Disponible con un plan superior";
  return (
    <aside className={styles.upgrade} role="status" aria-label={title} data-testid={testId}>
      <span className={styles.badge}>Mejorá tu plan</span>
      <h3>{title}</h3>
      <p>{message}</p>
      {adds?.length ? (
        <>
          <p className="muted">{requiredPlanName ? `El plan ${requiredPlanName} suma:` : "Suma:"}</p>
          <ul>{adds.map((a) => <li key={a}>{a}</li>)}</ul>
        </>
      ) : null}
      <Link href="/panel/plan" className={styles.cta}>Ver planes</Link>
    </aside>
  );
}
