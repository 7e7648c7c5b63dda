import type { Metadata } from "next";
import Link from "next/link";
import { getAssistantSettingsView } from "@campotech/core/modules/assistant";
import { listDeadLetters, listPanicModes } from "@campotech/core/modules/messaging";
import { getOrganizationNotificationSettings } from "@campotech/core/modules/notifications";
import { getProvisioningState } from "@campotech/core/modules/number-provisioning";
import { formatPhoneForPeople } from "@campotech/core/lib/phone";
import { getWhatsAppUsage, listWhatsAppAccounts, verificationStates, type VerificationState } from "@campotech/core/modules/whatsapp-accounts";
import { PlanUpgrade } from "@/components/panel/plan-upgrade";
import { planUpgradeProps } from "@/lib/panel/plan-upgrade-props";
import { requireSession } from "@/lib/panel/session";
import { explainError } from "../bandeja/error-text";
import { CopyField, CredentialsForm, VerifyButton } from "./account-connection";
import { AssistantForm, QuietHoursForm } from "./assistant-form";
import { ReplayAllButton, ReplayButton } from "./dead-letters";
import { InboundDeadLetters } from "./inbound-dead-letters"; // issue 22 (poison)
import { NumberWizard, type WizardState } from "./number-wizard"; // issue 19 (provisioning)
import { ActivePanic } from "./panic-list";
import { UsageMeter } from "./usage-meter";
import { getWaLink } from "@campotech/core/modules/wa-links";
import { WaLinkCard } from "./wa-link-card";
import styles from "./whatsapp.module.css";

export const metadata: Metadata = { title: "WhatsApp" };
export const dynamic = "force-dynamic";

const WHEN = new Intl.DateTimeFormat("es-AR", { timeZone: "America/Argentina/Buenos_Aires", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const MONTH_START = new Intl.DateTimeFormat("es-AR", { timeZone: "America/Argentina/Buenos_Aires", day: "numeric", month: "long" });
const PROVIDER: Record<string, string> = { META_DIRECT: "Meta", DIALOG_360: "360dialog", TWILIO: "Twilio" };
const TIER: Record<string, string> = { FREE: "Gratis", INICIAL: "Inicial", PROFESIONAL: "Profesional", EMPRESARIAL: "Empresarial", ENTERPRISE: "Enterprise" };

const ACCOUNT_STATUS: Record<string, string> = { PENDING: "Pendiente", ACTIVE: "Activo", SUSPENDED: "Suspendido", RELEASED: "Liberado", FAILED: "Falló el alta" };
const CREDENTIAL_LABEL: Record<string, string> = { accessToken: "Token de acceso", apiKey: "API key", accountSid: "Account SID", authToken: "Auth Token" };

// Numbers are stored as digits without "+" (541152639999); people read them as "11 5263-9999".
const numberForPeople = (digits: string) => formatPhoneForPeople(`+${digits.replace(/^\+/, "")}`);

// "Activo" is the provisioning state; whether the provider answered is the last check of the current credentials.
function connectionState(provisioningStatus: string, verification: VerificationState | undefined): { label: string; bad: boolean } {
  if (provisioningStatus !== "ACTIVE") return { label: ACCOUNT_STATUS[provisioningStatus] ?? provisioningStatus, bad: true };
  if (verification?.state === "verified") return { label: "Activo", bad: false };
  if (verification?.state === "failed") return { label: "Falló la verificación", bad: true };
  return { label: "Sin verificar", bad: true };
}

function FragmentRow({ term, value }: { term: string; value: string }) {
  return <><dt>{term}</dt><dd><code>{value}</code></dd></>;
}

function previewOf(content: unknown): string {
  const c = (content ?? {}) as { preview?: unknown; body?: unknown; text?: { body?: unknown }; template?: { name?: unknown }; name?: unknown };
  const text = [c.preview, c.body, c.text?.body].find((v) => typeof v === "string" && v.trim());
  if (typeof text === "string") return text;
  const template = c.template?.name ?? c.name;
  return typeof template === "string" ? `Plantilla ${template}` : "(sin texto)";
}

// WhatsApp settings: the connected numbers, panic mode, failed messages, this month's usage and the assistant.
// Reads go straight to the domain modules; every change goes through the REST API from small client components.
export default async function WhatsAppSettingsPage() {
  const session = await requireSession("/panel/whatsapp");
  const org = session.claims.org;
  const admin = session.can("messaging.admin");
  const { accounts, verifications, usage, assistant, quiet, users, waLink } = await session.tenant(async (tx) => {
    const accounts = await listWhatsAppAccounts(tx, { organizationId: org });
    return {
    accounts,
    verifications: await verificationStates(tx, accounts),
    usage: await getWhatsAppUsage(tx, { organizationId: org }),
    assistant: await getAssistantSettingsView(tx, org),
    quiet: await getOrganizationNotificationSettings(tx, org),
    users: await tx.user.findMany({ where: { isActive: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    waLink: await getWaLink(tx, org),
    };
  });
  const canNumbers = session.can("numbers.manage");
  const canSettings = session.can("settings.manage");
  // issue 19 (provisioning): owners and admins get the wizard (or, below PROFESIONAL, the upgrade message).
  const provisioning = canNumbers ? (JSON.parse(JSON.stringify(await getProvisioningState(org))) as WizardState & { planIncludes: boolean; upsell: string | null }) : null;
  const [panics, deadLetters] = admin
    ? await Promise.all([listPanicModes({ organizationId: org, includeResolved: true }), listDeadLetters({ organizationId: org, limit: 100 })])
    : [[], []];
  const customers = deadLetters.length
    ? await session.tenant((tx) =>
        tx.whatsAppConversation.findMany({
          where: { id: { in: [...new Set(deadLetters.map((d) => d.message.conversationId))] } },
          select: { id: true, customer: { select: { name: true } } },
        }),
      )
    : [];
  const customerOf = new Map(customers.map((c) => [c.id, c.customer.name]));

  const channelName = (integration: string) => {
    const [kind, id] = integration.split(":");
    if (kind === "sms") return "SMS (Twilio)";
    const account = accounts.find((a) => a.id === id);
    return account ? `WhatsApp ${PROVIDER[account.provider]} · ${numberForPeople(account.displayPhoneNumber)}` : "WhatsApp";
  };
  const active = panics.filter((p) => p.status === "ACTIVE");
  const resolved = panics.filter((p) => p.status === "RESOLVED");

  return (
    <>
      <div className="page-head">
        <h1>WhatsApp</h1>
        <p className="muted"><Link href="/panel/plan">Plan {TIER[usage.tier]}</Link> · <Link href="/panel/plantillas">Plantillas</Link></p>
      </div>
      <div className={styles.sections}>
        <section className="card" aria-labelledby="conn-h">
          <h2 id="conn-h">Conexión</h2>
          {accounts.length === 0 ? (
            <p className="empty">No hay números de WhatsApp conectados todavía. Conseguí uno acá abajo (plan Profesional o superior) o pedíselo a soporte.</p>
          ) : (
            <div className={styles.accounts}>
              {accounts.map((a) => {
                const verification = verifications.get(a.id);
                const state = connectionState(a.provisioningStatus, verification);
                return (
                <article key={a.id} className={styles.account} aria-labelledby={`acc-${a.id}`} data-testid="account">
                  <h3 id={`acc-${a.id}`}>{PROVIDER[a.provider]} · {numberForPeople(a.displayPhoneNumber)}</h3>
                  <dl className={styles.facts}>
                    <dt>Negocio</dt><dd>{a.businessName ?? "—"}</dd>
                    <dt>Estado</dt>
                    <dd data-testid="account-state"><span className={`pill ${state.bad ? "emergency" : ""}`}>{state.label}</span>{a.suspensionReason ? ` · ${a.suspensionReason}` : ""}</dd>
                    {verification?.state === "failed" ? <><dt>Motivo</dt><dd role="alert">{verification.reason} <span className="muted">({WHEN.format(verification.at)})</span></dd></> : null}
                    {a.qualityRating ? <><dt>Calidad</dt><dd>{a.qualityRating}</dd></> : null}
                    <dt>Última verificación</dt><dd>{verification?.state === "verified" ? WHEN.format(verification.at) : verification?.state === "failed" ? "Falló" : "Nunca"}</dd>
                  {Object.entries(a.credentials).map(([key, masked]) => (
                      <FragmentRow key={key} term={CREDENTIAL_LABEL[key] ?? key} value={masked} />
                    ))}
                  </dl>
                  <CopyField label="URL del webhook" value={a.webhook.url} />
                  {a.webhook.statusCallbackUrl ? <CopyField label="URL de estados (Status Callback)" value={a.webhook.statusCallbackUrl} /> : null}
                  {a.webhook.secretHeader ? <p className="muted">Encabezado con el secreto: <code>{a.webhook.secretHeader.name}</code> = {a.webhook.secretHeader.value ?? "(sin configurar)"}</p> : null}
                  {canNumbers ? (
                    <>
                      <VerifyButton accountId={a.id} label={verification?.state === "verified" ? "Verificar conexión" : "Verificar ahora"} />
                      <CredentialsForm accountId={a.id} provider={a.provider} />
                    </>
                  ) : null}
                </article>
                );
              })}
            </div>
          )}
        </section>

        {provisioning ? <NumberWizard initial={provisioning} planIncludes={provisioning.planIncludes} upsell={provisioning.upsell} /> : null}

        <section className="card" aria-labelledby="walink-h">
          <h2 id="walink-h">Tu enlace de WhatsApp</h2>
          {/* Keyed by the number: when the wizard activates one and refreshes the page, the card starts over with it. */}
          <WaLinkCard key={`${waLink.number?.source ?? "none"}:${waLink.number?.digits ?? ""}`} initial={waLink} canEdit={session.can("settings.manage")} />
        </section>

        {admin ? (
          <section className="card" aria-labelledby="panic-h">
            <h2 id="panic-h">Modo pánico</h2>
            <p className="muted">Cuando WhatsApp bloquea un número o rechaza las credenciales, los envíos se frenan y los mensajes quedan retenidos hasta que se resuelva.</p>
            {active.length === 0 ? (
              <p className={styles.ok} data-testid="panic-none">✓ Todo funcionando: no hay envíos frenados.</p>
            ) : (
              <ul className={styles.list} aria-label="Modos pánico activos">
                {active.map((p) => (
                  <ActivePanic
                    key={p.id}
                    canResolve={admin}
                    panic={{ id: p.id, channel: channelName(p.integration), integration: p.integration, reason: p.reason, since: WHEN.format(p.triggeredAt), autoResolve: p.autoResolveAt ? WHEN.format(p.autoResolveAt) : null }}
                  />
                ))}
              </ul>
            )}
            {resolved.length ? (
              <details className={styles.history}>
                <summary>Historial de resueltos ({resolved.length})</summary>
                <table className="stack-table">
                  <thead><tr><th>Canal</th><th>Motivo</th><th>Desde</th><th>Resuelto</th><th>Nota</th></tr></thead>
                  <tbody>
                    {resolved.map((p) => (
                      <tr key={p.id}>
                        <td data-label="Canal">{channelName(p.integration)}</td>
                        <td data-label="Motivo">{p.reason}</td>
                        <td data-label="Desde">{WHEN.format(p.triggeredAt)}</td>
                        <td data-label="Resuelto">{p.resolvedAt ? WHEN.format(p.resolvedAt) : "—"}</td>
                        <td data-label="Nota">{p.resolution ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ) : null}
          </section>
        ) : null}

        {admin ? (
          <section className="card" aria-labelledby="dead-h">
            <div className="page-head">
              <h2 id="dead-h">Mensajes fallidos</h2>
              {deadLetters.length ? <ReplayAllButton count={deadLetters.length} /> : null}
            </div>
            {deadLetters.length === 0 ? (
              <p className="empty" data-testid="dead-letters-empty">No hay mensajes fallidos. Los que agoten sus reintentos van a aparecer acá.</p>
            ) : (
              <table className={styles.table} aria-labelledby="dead-h">
                <thead><tr><th>Destinatario</th><th>Mensaje</th><th>Motivo</th><th>Intentos</th><th>Falló</th><th><span className="sr-only">Acciones</span></th></tr></thead>
                <tbody>
                  {deadLetters.map((d) => {
                    const name = customerOf.get(d.message.conversationId);
                    return (
                      <tr key={d.id} data-testid="dead-letter">
                        <td>
                          {name ? <Link href={`/panel/bandeja?c=${d.message.conversationId}`}>{name}</Link> : null}
                          <div className="muted">{numberForPeople(d.recipient)}</div>
                        </td>
                        <td className={styles.preview}>{previewOf(d.message.content)}</td>
                        <td>
                          {d.lastErrorCode ? explainError({ code: d.lastErrorCode, title: d.lastErrorTitle }) : (d.deadLetterReason ?? "Se agotaron los reintentos.")}
                          {d.lastErrorCode && d.deadLetterReason ? <div className="muted">{d.deadLetterReason}</div> : null}
                        </td>
                        <td>{d.attempts}{d.replayCount ? <div className="muted">{d.replayCount} reenvíos</div> : null}</td>
                        <td>{d.deadLetteredAt ? WHEN.format(d.deadLetteredAt) : "—"}</td>
                        <td><ReplayButton messageId={d.messageId} label={`el mensaje a ${name ?? numberForPeople(d.recipient)}`} /></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
        ) : null}

        {admin ? <InboundDeadLetters organizationId={org} /> : null /* issue 22 (poison) */}

        <section className="card" aria-labelledby="usage-h">
          <h2 id="usage-h">Consumo del mes</h2>
          <p className="muted">Desde el {MONTH_START.format(usage.periodStart)} (hora de Buenos Aires).</p>
          <div className="grid">
            <UsageMeter id="usage-messages" label="Mensajes enviados" used={usage.messages.used} limit={usage.messages.limit} unit="mensajes" />
            <UsageMeter id="usage-ai" label="Conversaciones con el asistente (IA)" used={usage.aiConversations.used} limit={usage.aiConversations.limit} unit="conversaciones" />
          </div>
          {usage.messages.accounts.length > 1 ? (
            <details className={styles.history}>
              <summary>Por número (el límite se aplica a cada uno)</summary>
              <div className="grid">
                {usage.messages.accounts.map((a) => (
                  <UsageMeter key={a.accountId} id={`usage-${a.accountId}`} label={numberForPeople(a.displayPhoneNumber)} used={a.used} limit={a.limit} unit="mensajes" />
                ))}
              </div>
            </details>
          ) : null}
        </section>

        <section className="card" aria-labelledby="assistant-h">
          <h2 id="assistant-h">Asistente</h2>
          {/* Plans without aiAutoResponses see what the assistant would do instead of its settings. */}
          {assistant.plan.aiAutoResponses ? (
          <>
          <p className="muted">Motor: {assistant.engine === "openai" ? "IA (OpenAI)" : "reglas en castellano sin IA (offline)"}.</p>
          <AssistantForm
            canEdit={canSettings}
            users={users}
            instructionsUpgrade={assistant.plan.customAiInstructions ? null : planUpgradeProps("customAiInstructions", "plan-upgrade-instructions")}
            initial={{
              autoResponseEnabled: assistant.autoResponseEnabled, mode: assistant.mode, customInstructions: assistant.customInstructions,
              handoffMinutes: assistant.handoffMinutes, onCallUserIds: assistant.onCallUserIds, businessHours: assistant.businessHours,
            }}
          />
          </>
          ) : (
            <PlanUpgrade {...planUpgradeProps("aiAutoResponses")} />
          )}
        </section>

        <section className="card" aria-labelledby="quiet-h">
          <h2 id="quiet-h">Horario de silencio</h2>
          <p className="muted">Los avisos que no son urgentes esperan a que termine. Las urgencias llegan siempre.</p>
          <QuietHoursForm canEdit={canSettings} initial={quiet.quietHours} isDefault={quiet.isDefault} />
        </section>
      </div>
    </>
  );
}
