"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import { ROLE_LABEL } from "./team-format";
import styles from "./team.module.css";

export type InvitationRow = { id: string; name: string; phone: string; role: string; expired: boolean; expiresAt: string; sentCount: number };

// A pending (or lapsed) invitation: send a new code, or cancel it (asked twice).
export function InvitationItem({ invitation }: { invitation: InvitationRow }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function act(path: string, method: "POST" | "DELETE", done: string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = await sendJson(path, method);
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return setError(result.error.message);
    setNotice(done);
    router.refresh();
  }

  return (
    <li className={styles.person} data-testid="team-invitation">
      <h3>
        {invitation.name}
        <span className="pill">{invitation.expired ? "Vencida" : "Pendiente"}</span>
      </h3>
      <dl className={styles.facts}>
        <dt>Rol</dt>
        <dd>{ROLE_LABEL[invitation.role] ?? invitation.role}</dd>
        <dt>Celular</dt>
        <dd>{invitation.phone}</dd>
        <dt>{invitation.expired ? "Venció" : "Vence"}</dt>
        <dd>{invitation.expiresAt}</dd>
        <dt>Códigos enviados</dt>
        <dd>{invitation.sentCount}</dd>
      </dl>
      <div className="row">
        <button type="button" className="secondary" disabled={busy} aria-label={`Reenviar la invitación de ${invitation.name}`}
          onClick={() => act(`/api/users/invitations/${invitation.id}/resend`, "POST", `Le mandamos un código nuevo a ${invitation.name}.`)}>
          Reenviar
        </button>
        {confirming ? (
          <>
            <button type="button" className="danger" disabled={busy} onClick={() => act(`/api/users/invitations/${invitation.id}`, "DELETE", "Invitación cancelada.")}>
              Sí, cancelar la invitación
            </button>
            <button type="button" className="link" onClick={() => setConfirming(false)}>No</button>
          </>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={`Cancelar la invitación de ${invitation.name}`}>Cancelar</button>
        )}
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {notice ? <p className={styles.notice} role="status">{notice}</p> : null}
    </li>
  );
}
