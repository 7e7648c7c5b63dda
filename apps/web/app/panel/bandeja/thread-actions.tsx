"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatClockAr } from "@campotech/core/lib/clock-format";

type Props = {
  conversationId: string;
  status: string;
  assignedToId: string | null;
  users: { id: string; name: string }[];
  assistant: { enabled: boolean; pausedUntil: string | null } | null;
  canWrite: boolean;
};

const TIME = { format: formatClockAr };

// Assign, close / reopen, and the assistant: who is answering this chat, with a button to take over or hand back.
export function ThreadActions({ conversationId, status, assignedToId, users, assistant, canWrite }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function post(path: string, body?: unknown) {
    setError(null);
    const res = await fetch(`/api/whatsapp/conversations/${conversationId}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(data?.error?.message ?? "No se pudo completar la acción.");
      return;
    }
    router.refresh();
  }
  const paused = assistant?.pausedUntil ? new Date(assistant.pausedUntil) > new Date() : false;
  return (
    <div className="stack">
      {canWrite ? (
        <div className="row">
          <label className="inline">
            Asignada a
            <select value={assignedToId ?? ""} onChange={(e) => post("assign", { userId: e.target.value || null })}>
              <option value="">Sin asignar</option>
              {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </label>
          {status === "CLOSED" ? (
            <button type="button" className="secondary" onClick={() => post("reopen")}>Reabrir</button>
          ) : (
            <button type="button" className="secondary" onClick={() => post("close")}>Cerrar conversación</button>
          )}
        </div>
      ) : null}
      {assistant?.enabled ? (
        <div className="row" data-testid="assistant-banner">
          {paused ? (
            <>
              <span className="pill">Asistente en pausa hasta las {TIME.format(new Date(assistant.pausedUntil!))}: responde una persona</span>
              {canWrite ? <button type="button" className="link" onClick={() => post("assistant", { action: "resume" })}>Devolver al asistente</button> : null}
            </>
          ) : (
            <>
              <span className="pill">El asistente responde este chat</span>
              {canWrite ? <button type="button" className="secondary" onClick={() => post("assistant", { action: "pause" })}>Tomar la conversación</button> : null}
            </>
          )}
        </div>
      ) : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
    </div>
  );
}
