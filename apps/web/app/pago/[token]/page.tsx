import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppError } from "@campotech/core/lib/errors";
import { getPaymentPage, type PaymentPage } from "@campotech/core/modules/payments";
import { AutoRefresh } from "@/components/panel/auto-refresh";
import { formatClockAr, formatLongDateAr } from "@campotech/core/lib/clock-format";
import { formatPesos } from "@/lib/panel/jobs/jobs-format";
import styles from "./pago.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Link de pago", robots: { index: false, follow: false } };

type Search = Record<string, string | string[] | undefined>;
// MercadoPago's back_urls bring the customer back with the checkout's outcome.
const RESULTS = ["aprobado", "pendiente", "rechazado"] as const;
type Result = (typeof RESULTS)[number];

const when = (d: Date) => `el ${formatLongDateAr(d)} a las ${formatClockAr(d)}`;

// A malformed escape in a hand-edited link is just a wrong token, not a server error.
function decodedOrRaw(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

async function load(token: string): Promise<PaymentPage | null> {
  try {
    return await getPaymentPage(decodedOrRaw(token));
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

// The customer's payment page (the link we send by WhatsApp and print on the invoice): no login, the signed link is
// the key. While the link is open it leads to MercadoPago's checkout; afterwards it says how it went. Coming back from
// the checkout, the payment may not be confirmed yet (MercadoPago's notification is on its way): the page waits for it
// and refreshes itself.
export default async function PaymentLinkPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Search> }) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const page = await load(token);
  if (!page) notFound();
  const raw = Array.isArray(query.resultado) ? query.resultado[0] : query.resultado;
  const result = (RESULTS as readonly string[]).includes(raw ?? "") ? (raw as Result) : null;
  // Back from the checkout with an approved or pending payment we have not heard about yet: wait, never offer to pay again.
  const confirming = page.status === "OPEN" && (result === "aprobado" || result === "pendiente");
  const rejected = page.status === "OPEN" && result === "rechazado";
  const waiting = confirming || page.status === "PROCESSING";

  return (
    <main className={styles.page}>
      <p className={styles.business}>{page.businessName}</p>
      <h1>{heading(page, confirming, result)}</h1>

      <section className={styles.card} aria-label="Qué pagás">
        <p className={styles.what}>{page.customerFirstName ? `${page.customerFirstName}, ` : ""}{page.status === "PAID" ? "pagaste" : "estás pagando"} {page.label}</p>
        <p className={styles.amount} data-testid="payment-amount">{formatPesos(page.amountCents)}</p>
        {page.status === "OPEN" && !confirming ? <p className={styles.note}>Podés pagar hasta {when(page.expiresAt)}.</p> : null}
      </section>

      {page.status === "PAID" ? (
        <section className={`${styles.result} ${styles.ok}`} role="status">
          <span className={styles.icon} aria-hidden="true">✓</span>
          <h2>¡Listo! Recibimos tu pago</h2>
          <p>{page.paidAt ? `Se acreditó ${when(page.paidAt)}.` : "Ya está acreditado."} Gracias.</p>
        </section>
      ) : waiting ? (
        <section className={`${styles.result} ${styles.wait}`} role="status">
          <h2>{result === "aprobado" && page.status === "OPEN" ? "Estamos confirmando tu pago" : "Tu pago se está procesando"}</h2>
          <p>
            {result === "aprobado" && page.status === "OPEN"
              ? "MercadoPago aprobó el pago; en unos segundos aparece acá como recibido."
              : "MercadoPago todavía está revisando el pago. No hace falta que pagues de nuevo: te avisamos por WhatsApp cuando se acredite."}
          </p>
          <AutoRefresh seconds={3} message="Esta página se actualiza sola." />
        </section>
      ) : page.status === "EXPIRED" || page.status === "CANCELLED" ? (
        <section className={`${styles.result} ${styles.gone}`} role="status">
          <h2>Este link de pago venció</h2>
          <p>Pedile uno nuevo a {page.businessName}.</p>
        </section>
      ) : rejected ? (
        <section className={`${styles.result} ${styles.bad}`} role="alert">
          <h2>No se pudo cobrar</h2>
          <p>No se pudo cobrar; probá con otra tarjeta o con otro medio de pago.</p>
        </section>
      ) : null}

      {page.status === "OPEN" && !confirming && page.checkoutUrl ? (
        <a className={styles.pay} href={page.checkoutUrl}>
          {rejected ? "Probar de nuevo con Mercado Pago" : "Pagar con Mercado Pago"}
        </a>
      ) : null}
      {page.invoiceUrl ? (
        <a className={styles.secondary} href={page.invoiceUrl} target="_blank" rel="noopener">
          Ver factura (PDF)
        </a>
      ) : null}
      {page.status === "OPEN" && !confirming ? (
        <p className={styles.note}>Pagás en MercadoPago con tarjeta de crédito, débito o dinero en cuenta. {page.businessName} no ve los datos de tu tarjeta.</p>
      ) : null}
      <p className={styles.footer}>Cobro hecho con CampoTech</p>
    </main>
  );
}

function heading(page: PaymentPage, confirming: boolean, result: Result | null): string {
  if (page.status === "PAID") return "Pago recibido";
  if (confirming || page.status === "PROCESSING") return "Gracias por tu pago";
  if (page.status === "EXPIRED" || page.status === "CANCELLED") return "Link vencido";
  if (result === "rechazado") return "Tu pago no se acreditó";
  return "Tu link de pago";
}
