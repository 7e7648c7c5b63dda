import styles from "./whatsapp.module.css";

const NUMBER = new Intl.NumberFormat("es-AR");

// This month's consumption against the plan: a real progressbar (value, max and a readable text for screen readers).
export function UsageMeter({ id, label, used, limit, unit }: { id: string; label: string; used: number; limit: number | null; unit: string }) {
  const text = limit === null ? `${NUMBER.format(used)} ${unit} (sin límite)` : `${NUMBER.format(used)} de ${NUMBER.format(limit)} ${unit}`;
  const percent = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  const level = limit === 0 || percent >= 100 ? styles.full : percent >= 80 ? styles.high : "";
  return (
    <div className={styles.meter}>
      <p id={id} className={styles.meterLabel}>{label}</p>
      {limit === null ? (
        <p>{text}</p>
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
            <div className={`${styles.fill} ${level}`} style={{ width: `${limit === 0 ? 100 : percent}%` }} />
          </div>
          <p>{text}{limit > 0 ? ` · ${percent}%` : " · tu plan no incluye"}</p>
        </>
      )}
    </div>
  );
}
