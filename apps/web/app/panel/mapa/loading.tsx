import styles from "./mapa.module.css";

export default function MapLoading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <div className="page-head">
        <h1>Mapa</h1>
      </div>
      <div className={styles.layout}>
        <div className={`${styles.mapArea} ${styles.skeleton}`}>
          <span className={styles.srOnly}>Cargando el mapa…</span>
        </div>
      </div>
    </div>
  );
}
