import styles from "../trabajos/jobs.module.css";

export default function CustomersLoading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <div className="page-head">
        <h1>Clientes</h1>
      </div>
      <div className={`card ${styles.skeleton}`}>
        <span className={styles.srOnly}>Cargando clientes…</span>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className={styles.skeletonRow} />
        ))}
      </div>
    </div>
  );
}
