"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import { QuickReplyForm, type QuickReplyFields } from "./quick-reply-form";
import styles from "./quick-replies.module.css";

// One reply in the list: read it, edit it in place, or delete it (asked twice: a deleted reply is gone for everyone).
export function QuickReplyItem({ reply, canManage }: { reply: QuickReplyFields; canManage: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setError(null);
    const result = await sendJson(`/api/quick-replies/${reply.id}`, "DELETE");
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }

  return (
    <li className={styles.item} data-testid="quick-reply" data-shortcut={reply.shortcut}>
      {editing ? (
        <QuickReplyForm reply={reply} onDone={() => setEditing(false)} />
      ) : (
        <>
          <h3><code>/{reply.shortcut}</code> · {reply.title}</h3>
          <p className={styles.body}>{reply.body}</p>
          {canManage ? (
            <div className="row">
              <button type="button" className="secondary" onClick={() => setEditing(true)} aria-label={`Editar /${reply.shortcut}`}>Editar</button>
              {confirming ? (
                <>
                  <button type="button" className="danger" onClick={remove}>Sí, borrar /{reply.shortcut}</button>
                  <button type="button" className="link" onClick={() => setConfirming(false)}>No</button>
                </>
              ) : (
                <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={`Borrar /${reply.shortcut}`}>Borrar</button>
              )}
            </div>
          ) : null}
          {error ? <p className="error" role="alert">{error}</p> : null}
        </>
      )}
    </li>
  );
}
