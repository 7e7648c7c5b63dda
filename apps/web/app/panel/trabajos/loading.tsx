import styles from "./jobs.module.css";

export default function JobsLoading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <div className="page-head">
        <h1>Trabajos</h1>
      </div>
      <div className={`card ${styles.skeleton}`}>
        <span className={styles.srOnly}>Cargando trabajos…</span>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className={styles.skeletonRow} />
        ))}
      </div>
    </div>
  );
}
