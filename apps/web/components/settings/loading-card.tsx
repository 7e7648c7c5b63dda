import styles from "./settings.module.css";

// Skeleton shown while a settings page loads: the heading right away, grey rows where the cards will be.
export function LoadingCards({ title, label }: { title: string; label: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <div className="page-head">
        <h1>{title}</h1>
      </div>
      <span className="sr-only">{label}</span>
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className={`card ${styles.skeleton}`}>
          {Array.from({ length: 3 }, (_, j) => <div key={j} className={styles.skeletonRow} />)}
        </div>
      ))}
    </div>
  );
}
