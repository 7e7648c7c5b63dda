import type { Metadata } from "next";
import Link from "next/link";
import { listTemplates } from "@campotech/core/modules/templates";
import { requireSession } from "@/lib/panel/session";
import { CreateTemplateForm } from "./create-template-form";
import { SyncButton } from "./sync-button";
import { CATEGORY_LABEL, STATUS_LABEL } from "./template-labels";
import { TemplatePreview } from "./template-preview";
import styles from "./templates.module.css";

export const metadata: Metadata = { title: "Plantillas" };
export const dynamic = "force-dynamic";

const PILL: Record<string, string | undefined> = { APPROVED: styles.approved, PENDING: styles.pending, REJECTED: styles.rejected, PAUSED: styles.paused, DISABLED: styles.paused };
const ORDER = ["REJECTED", "PAUSED", "PENDING", "APPROVED", "DRAFT", "DISABLED"];

// WhatsApp templates: what is approved (usable outside the 24-hour window), what is waiting and what was rejected
// and why; create a new one for approval and pull the provider's changes now. Sending happens from the inbox.
export default async function TemplatesPage() {
  const session = await requireSession("/panel/plantillas");
  const templates = await session.tenant((tx) => listTemplates(tx));
  const canManage = session.can("templates.manage");
  const sorted = [...templates].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.name.localeCompare(b.name));
  const approved = templates.filter((t) => t.status === "APPROVED").length;

  return (
    <>
      <div className="page-head">
        <h1>Plantillas</h1>
        {canManage ? <SyncButton /> : null}
      </div>
      <p className="muted">
        Pasadas 24 horas desde el último mensaje del cliente, WhatsApp solo deja escribirle con una plantilla aprobada.
        Para mandar una, abrí la conversación en la <Link href="/panel/bandeja">Bandeja</Link> y elegí «Plantilla».
      </p>
      <div className={styles.layout}>
        <section className="card" aria-labelledby="list-h">
          <h2 id="list-h">Tus plantillas ({templates.length} · {approved} aprobadas)</h2>
          {sorted.length === 0 ? (
            <p className="empty">Todavía no hay plantillas. {canManage ? "Tocá «Sincronizar ahora» para traer las de WhatsApp o creá una nueva." : "Pedile a un administrador que las sincronice."}</p>
          ) : (
            <ul className={styles.list} aria-label="Plantillas">
              {sorted.map((t) => (
                <li key={t.id} className={styles.item} data-testid="template" data-name={t.name}>
                  <h3>{t.name}</h3>
                  <p className="row">
                    <span className={`pill ${PILL[t.status] ?? ""}`}>{STATUS_LABEL[t.status] ?? t.status}</span>
                    <span className="pill">{CATEGORY_LABEL[t.category] ?? t.category}</span>
                    <span className="muted">{t.language}{t.placeholders ? ` · ${t.placeholders} ${t.placeholders === 1 ? "variable" : "variables"}` : ""}</span>
                  </p>
                  {t.body ? <TemplatePreview body={t.body} /> : <p className="muted">(sin texto)</p>}
                  {t.status === "REJECTED" ? <p className={styles.reason}>Motivo del rechazo: {t.rejectionReason ?? "WhatsApp no informó el motivo."}</p> : null}
                  {t.status === "PAUSED" ? <p className={styles.reason}>Pausada por baja calidad: los clientes la marcaron como spam o la bloquearon.</p> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        {canManage ? (
          <section className="card" aria-labelledby="new-template-h">
            <h2 id="new-template-h">Nueva plantilla</h2>
            <CreateTemplateForm />
          </section>
        ) : null}
      </div>
    </>
  );
}
