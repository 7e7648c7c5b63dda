import type { Metadata } from "next";
import Link from "next/link";
import { listQuickReplies } from "@campotech/core/modules/quick-replies";
import { requireSession } from "@/lib/panel/session";
import { QuickReplyForm } from "./quick-reply-form";
import { QuickReplyItem } from "./quick-reply-item";
import styles from "./quick-replies.module.css";

export const metadata: Metadata = { title: "Respuestas rápidas" };
export const dynamic = "force-dynamic";

// The organization's canned answers: written once here, inserted in any chat by typing "/" and the shortcut.
// Everyone who answers chats sees them; dispatchers and up manage them.
export default async function QuickRepliesPage() {
  const session = await requireSession("/panel/respuestas");
  const canRead = session.can("inbox.read") || session.can("conversations.read.assigned");
  const replies = canRead ? await session.tenant((tx) => listQuickReplies(tx)) : [];
  const canManage = session.can("quickreplies.manage");

  return (
    <>
      <div className="page-head">
        <h1>Respuestas rápidas</h1>
      </div>
      <p className="muted">
        En una conversación de la <Link href="/panel/bandeja">Bandeja</Link>, escribí <kbd>/</kbd> y el atajo para insertar la respuesta.
        {" "}<code>{"{nombre}"}</code> se reemplaza por el nombre del cliente.
      </p>
      <div className={styles.layout}>
        <section className="card" aria-labelledby="qr-list-h">
          <h2 id="qr-list-h">Tus respuestas ({replies.length})</h2>
          {!canRead ? (
            <p className="empty">Tu rol no puede ver las respuestas rápidas.</p>
          ) : replies.length === 0 ? (
            <p className="empty">Todavía no hay respuestas rápidas.{canManage ? " Creá la primera con el formulario." : ""}</p>
          ) : (
            <ul className={styles.list} aria-label="Respuestas rápidas">
              {replies.map((r) => (
                <QuickReplyItem key={r.id} reply={{ id: r.id, shortcut: r.shortcut, title: r.title, body: r.body }} canManage={canManage} />
              ))}
            </ul>
          )}
        </section>
        {canManage ? (
          <section className="card" aria-labelledby="qr-new-h">
            <h2 id="qr-new-h">Nueva respuesta rápida</h2>
            <QuickReplyForm />
          </section>
        ) : null}
      </div>
    </>
  );
}
