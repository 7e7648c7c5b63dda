import Link from "next/link";
import styles from "./whatsapp.module.css";

const NUMBER = new Intl.NumberFormat("es-AR");

// This month's consumption against the plan: a real progressbar (value, max and a readable text for screen readers).
export function UsageMeter({ id, label, used, limit, unit, planLink = true }: { id: string; label: string; used: number; limit: number | null; unit: string; planLink?: boolean }) {
  const text = limit === null ? `${NUMBER.format(used)} ${unit} (sin límite)` : `${NUMBER.format(used)} de ${NUMBER.format(limit)} ${unit}`;
  const percent = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  const level = percent >= 100 ? styles.full : percent >= 80 ? styles.high : "";
  return (
    <div className={styles.meter}>
      <p id={id} className={styles.meterLabel}>{label}</p>
      {limit === null ? (
        <p>{text}</p>
      ) : limit === 0 ? (
        // Nothing to measure against: a full red bar would read as "you ran out", not "your plan doesn't include it".
        <p className="muted" data-testid={`${id}-not-included`}>Tu plan no lo incluye{planLink ? <> · <Link href="/panel/plan">Ver planes</Link></> : null}</p>
      ) : (
        <>
          <div
            role="progressbar"
            aria-labelledby={id}
            aria-valuemin={0}
            aria-valuemax={limit}
            aria-valuenow={Math.min(used, limit)}
            aria-valuetext={text}
            className={styles.bar}
          >
            <div className={`${styles.fill} ${level}`} style={{ width: `${percent}%` }} />
          </div>
          <p>{text} · {percent}%</p>
        </>
      )}
    </div>
  );
}
