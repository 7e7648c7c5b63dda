import type { Metadata } from "next";
import Link from "next/link";
import { getMercadoPagoConnection, paymentSettings } from "@campotech/core/modules/payments";
import { formatDateTime } from "@/lib/panel/jobs/jobs-format";
import { requireSession } from "@/lib/panel/session";
import { CobrosTabs } from "../cobros-tabs";
import { ConnectButton, DisconnectButton } from "./connection-actions";
import { ReminderSettingsForm } from "./reminder-settings-form";
import styles from "./mercadopago.module.css";

export const metadata: Metadata = { title: "MercadoPago" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// The organization's MercadoPago account (linked by OAuth: the money goes straight to it) and the payment reminders.
// Everyone with settings.read sees them; only settings.manage connects, disconnects or changes them. MercadoPago
// sends people back here with ?conectado=<nickname> or ?error=<Spanish reason>.
export default async function MercadoPagoPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const session = await requireSession("/panel/cobros/mercadopago");
  if (!session.can("settings.read")) {
    return (
      <section className="card" role="alert">
        <h1>MercadoPago</h1>
        <p>Tu rol no tiene acceso a la configuración. <Link href="/panel">Volvé al resumen</Link>.</p>
      </section>
    );
  }
  const orgId = session.claims.org;
  const [connection, organization] = await Promise.all([
    getMercadoPagoConnection(orgId),
    session.tenant((tx) => tx.organization.findUnique({ where: { id: orgId }, select: { settings: true } })),
  ]);
  const reminders = paymentSettings(organization?.settings);
  const canEdit = session.can("settings.manage");
  const connected = one(params.conectado);
  const failed = one(params.error);
  const active = connection?.status === "ACTIVE";
  const revoked = connection?.status === "REVOKED";

  return (
    <>
      <div className="page-head">
        <h1>Cobros</h1>
      </div>
      <CobrosTabs current="mercadopago" />

      {connected && active ? (
        <div className={`${styles.banner} ${styles.bannerOk}`} role="status">
          <p><strong>¡Listo! MercadoPago quedó conectado{connected !== "1" ? ` con la cuenta ${connected}` : ""}.</strong></p>
          <p>Ya podés cobrar con link desde cualquier factura o trabajo.</p>
        </div>
      ) : null}
      {failed ? (
        <div className={`${styles.banner} ${styles.bannerError}`} role="alert">
          <p><strong>No se conectó MercadoPago.</strong></p>
          <p>{failed.slice(0, 300)}</p>
        </div>
      ) : null}

      <p className={`muted ${styles.intro}`}>
        Con tu cuenta de MercadoPago conectada les mandás a tus clientes links de pago (tarjeta, débito o dinero en cuenta). La plata va directo a tu cuenta y acá ves cada pago apenas se acredita.
        {canEdit ? null : " Solo el dueño o un administrador pueden cambiar esta configuración."}
      </p>

      <div className={styles.sections}>
        <section className="card" aria-labelledby="mp-connection">
          <h2 id="mp-connection">Cuenta de MercadoPago</h2>
          {active && connection ? (
            <>
              <p className={styles.connected} data-testid="mp-connected">
                <span className={styles.dot} aria-hidden="true" />
                Conectada con <span className={styles.nickname}>{connection.nickname ?? connection.mpUserId}</span>
                {connection.liveMode ? null : <span className={styles.mode}>Cuenta de prueba</span>}
              </p>
              <dl className={styles.facts}>
                <dt>Usuario de MercadoPago</dt>
                <dd>{connection.mpUserId}</dd>
                <dt>Conectada desde</dt>
                <dd>{formatDateTime(connection.connectedAt)}</dd>
                <dt>El acceso vence</dt>
                <dd>{formatDateTime(connection.expiresAt)} <span className="muted">(se renueva solo)</span></dd>
                {connection.refreshedAt ? (
                  <>
                    <dt>Última renovación</dt>
                    <dd>{formatDateTime(connection.refreshedAt)}</dd>
                  </>
                ) : null}
              </dl>
              {canEdit ? <DisconnectButton nickname={connection.nickname ?? connection.mpUserId} /> : null}
            </>
          ) : revoked && connection ? (
            <>
              <div className={styles.danger} role="alert">
                <p><strong>MercadoPago desconectó la cuenta {connection.nickname ?? connection.mpUserId}.</strong> No se pueden crear links de pago ni hacer devoluciones hasta que la vuelvas a conectar.</p>
                {connection.lastError ? <p className={styles.lastError}>Lo que dijo MercadoPago: {connection.lastError}</p> : null}
              </div>
              {canEdit ? <ConnectButton label="Volver a conectar" /> : <p className="muted">Pedile a quien administra la cuenta que la vuelva a conectar.</p>}
            </>
          ) : (
            <>
              <p>{connection?.status === "DISCONNECTED" ? "La cuenta se desconectó." : "Todavía no conectaste una cuenta."} Para conectarla:</p>
              <ol className={styles.steps}>
                <li>Tocá «Conectar MercadoPago»: se abre MercadoPago.</li>
                <li>Entrá con la cuenta donde querés recibir los pagos y tocá «Permitir».</li>
                <li>Volvés acá con la cuenta conectada.</li>
              </ol>
              {canEdit ? <ConnectButton label="Conectar MercadoPago" /> : <p className="muted">Pedile a quien administra la cuenta que la conecte.</p>}
            </>
          )}
        </section>

        <section className="card" aria-labelledby="mp-reminders">
          <h2 id="mp-reminders">Recordatorios de pago</h2>
          <p className="muted" style={{ marginTop: 0 }}>Si una factura sigue sin pagar, le mandamos al cliente un WhatsApp con lo que debe y el link para pagar.</p>
          <ReminderSettingsForm initial={reminders} canEdit={canEdit} />
        </section>
      </div>
    </>
  );
}
