import styles from "./invoices.module.css";

export default function InvoicesLoading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <div className="page-head">
        <h1>Facturas</h1>
      </div>
      <div className={`card ${styles.skeleton}`}>
        <span className={styles.srOnly}>Cargando facturas…</span>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className={styles.skeletonRow} />
        ))}
      </div>
    </div>
  );
}
