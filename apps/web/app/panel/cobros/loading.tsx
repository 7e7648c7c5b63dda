import styles from "./cobros.module.css";

export default function CobrosLoading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <div className="page-head">
        <h1>Cobros</h1>
      </div>
      <div className={`card ${styles.skeleton}`}>
        <span className={styles.srOnly}>Cargando cobros…</span>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className={styles.skeletonRow} />
        ))}
      </div>
    </div>
  );
}
