import styles from "./pago.module.css";

// A payment link that does not exist (mistyped, cut in half by a chat app, or forged): say so kindly.
export default function PaymentLinkNotFound() {
  return (
    <main className={styles.page}>
      <h1>No encontramos este link de pago</h1>
      <section className={`${styles.result} ${styles.gone}`} role="alert">
        <p>Puede que el link esté incompleto o que lo hayas copiado mal. Revisá el mensaje que te mandaron o pediles un link nuevo.</p>
      </section>
    </main>
  );
}
