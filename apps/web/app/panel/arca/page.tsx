import type { Metadata } from "next";
import Link from "next/link";
import { getArcaSettings, ISSUER_CONDITION_LABELS } from "@campotech/core/modules/invoicing";
import { EnvironmentBadge } from "@/components/invoices/invoice-badges";
import { formatDay } from "@/components/invoices/invoice-format";
import { requireSession } from "@/lib/panel/session";
import { ArcaSettingsForm } from "./arca-settings-form";
import { CertificateCard } from "./certificate-card";
import { ConnectionCheck, type ArcaCheckResult } from "./connection-check";
import styles from "./arca.module.css";

export const metadata: Metadata = { title: "ARCA" };
export const dynamic = "force-dynamic";

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = new Intl.DateTimeFormat("es-AR", { timeZone: "America/Argentina/Buenos_Aires", day: "2-digit", month: "2-digit", year: "numeric" });

function asCheck(value: unknown): ArcaCheckResult | null {
  const v = value as ArcaCheckResult | null;
  return v && typeof v.ok === "boolean" && Array.isArray(v.steps) ? { ok: v.ok, steps: v.steps } : null;
}

// Electronic invoicing settings: fiscal data, the certificate (CSR → ARCA → install) and a connection test.
// Everyone with settings.read sees them; only settings.manage changes them.
export default async function ArcaSettingsPage() {
  const session = await requireSession("/panel/arca");
  if (!session.can("settings.read")) {
    return (
      <section className="card" role="alert">
        <h1>ARCA</h1>
        <p>Tu rol no tiene acceso a la configuración. <Link href="/panel">Volvé al resumen</Link>.</p>
      </section>
    );
  }
  const settings = await session.tenant((tx) => getArcaSettings(tx, session.claims.org));
  const canEdit = session.can("settings.manage");
  const cert = settings?.certificate ?? null;
  const daysLeft = cert?.notAfter ? Math.floor((cert.notAfter.getTime() - Date.now()) / DAY_MS) : null;
  const expiring = daysLeft !== null && daysLeft <= 30;
  const issuerConditions = (Object.entries(ISSUER_CONDITION_LABELS) as [keyof typeof ISSUER_CONDITION_LABELS, string][]).map(([value, label]) => ({ value, label }));

  return (
    <>
      <div className="page-head">
        <h1>ARCA</h1>
        <div className="row">
          {settings ? <EnvironmentBadge environment={settings.environment} /> : null}
          {session.can("invoices.read") ? <Link href="/panel/facturas">Facturas</Link> : null}
        </div>
      </div>
      <p className={`muted ${styles.intro}`}>
        La conexión con ARCA (ex AFIP) para emitir facturas electrónicas con CAE: tus datos fiscales, el certificado digital y una prueba de la conexión.
        {canEdit ? null : " Solo el dueño o un administrador pueden cambiarla."}
      </p>
      <div className={styles.sections}>
        <section className="card" aria-labelledby="fiscal-h">
          <h2 id="fiscal-h">Datos fiscales</h2>
          <ArcaSettingsForm
            canEdit={canEdit}
            savedEnvironment={settings?.environment ?? null}
            issuerConditions={issuerConditions}
            initial={{
              businessName: settings?.businessName ?? "",
              cuit: settings?.cuit ?? "",
              businessAddress: settings?.businessAddress ?? "",
              issuerCondition: settings?.issuerCondition ?? "RESPONSABLE_INSCRIPTO",
              grossIncomeNumber: settings?.grossIncomeNumber ?? "",
              activityStartDate: settings?.activityStartDate ? formatDay(settings.activityStartDate) : "",
              environment: settings?.environment ?? "HOMOLOGACION",
              pointOfSale: settings?.pointOfSale ? String(settings.pointOfSale) : "",
            }}
          />
        </section>

        <section className="card" aria-labelledby="cert-h">
          <h2 id="cert-h">Certificado</h2>
          {cert ? (
            <dl className={styles.facts} data-testid="arca-certificate">
              <dt>Titular</dt>
              <dd>{cert.subject ?? "—"}</dd>
              <dt>Vencimiento</dt>
              <dd className={expiring ? styles.bad : undefined}>
                {cert.notAfter ? DATE.format(cert.notAfter) : "—"}
                {daysLeft === null ? "" : daysLeft < 0 ? " · vencido: generá uno nuevo" : daysLeft === 0 ? " · vence hoy" : ` · en ${daysLeft} ${daysLeft === 1 ? "día" : "días"}`}
              </dd>
              {cert.fingerprint ? (
                <>
                  <dt>Huella</dt>
                  <dd><code>{cert.fingerprint}</code></dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p>{settings ? "Todavía no hay un certificado instalado: sin él no se puede facturar." : "Todavía no hay una conexión con ARCA."}</p>
          )}
          {expiring ? (
            <div className={styles.danger} role="alert">
              <p>{daysLeft! < 0 ? "El certificado venció: no se pueden autorizar facturas hasta que instales uno nuevo." : "El certificado vence pronto: generá un pedido nuevo e instalá el certificado antes de que venza."}</p>
            </div>
          ) : null}
          <CertificateCard configured={Boolean(settings)} environment={settings?.environment ?? "HOMOLOGACION"} pendingCsr={settings?.pendingCsr ?? null} canEdit={canEdit} installed={Boolean(cert)} expiring={expiring} />
        </section>

        <section className="card" aria-labelledby="check-h">
          <h2 id="check-h">Conexión</h2>
          <ConnectionCheck
            canRun={canEdit}
            ready={Boolean(settings)}
            last={asCheck(settings?.lastCheck)}
            lastAt={settings?.lastCheckAt ? settings.lastCheckAt.toISOString() : null}
          />
        </section>
      </div>
    </>
  );
}
