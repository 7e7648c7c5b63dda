"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import { PlanNote } from "./plan-note";
import { reassignSentence, ROLE_LABEL } from "./team-format";
import styles from "./team.module.css";

export type MemberRow = {
  id: string;
  name: string;
  phone: string;
  role: string;
  isActive: boolean;
  lastActive: string;
  schedule: string | null;
};

type Result = { isActive: boolean; role: string; flaggedJobs: number };

// One person: role change, and access on/off behind a confirmation (their sessions end at once). Owners are changed
// only by owners, and nobody changes their own access (the API says so in Spanish if tried).
export function MemberCard({ member, isSelf, actorIsOwner }: { member: MemberRow; isSelf: boolean; actorIsOwner: boolean }) {
  const router = useRouter();
  const id = useId();
  const [role, setRole] = useState(member.role);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [plan, setPlan] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const roles = actorIsOwner ? ["OWNER", "ADMIN", "DISPATCHER", "TECHNICIAN", "VIEWER"] : ["ADMIN", "DISPATCHER", "TECHNICIAN", "VIEWER"];
  const editable = !isSelf && (actorIsOwner || member.role !== "OWNER");

  async function change(body: { role?: string; isActive?: boolean }) {
    setBusy(true);
    setError(null);
    setPlan(null);
    setNotice(null);
    const result = await sendJson<Result>(`/api/users/${member.id}`, "PATCH", body);
    setBusy(false);
    setConfirming(false);
    if (!result.ok) {
      setRole(member.role);
      if (result.error.planRequired) return setPlan(result.error.message);
      return setError(result.error.message);
    }
    if (body.isActive === false) setNotice(`${member.name} quedó sin acceso. ${reassignSentence(result.data.flaggedJobs)}`);
    else if (body.isActive === true) setNotice(`${member.name} tiene acceso de nuevo.`);
    else setNotice(`${member.name} ahora es ${ROLE_LABEL[result.data.role]?.toLowerCase()}.`);
    router.refresh();
  }

  return (
    <li className={styles.person} data-testid="team-member" data-active={member.isActive ? "true" : "false"}>
      <h3>
        {member.name}
        {isSelf ? <span className="pill">Vos</span> : null}
        {member.isActive ? null : <span className={`pill ${styles.inactive}`}>Desactivado</span>}
      </h3>
      <dl className={styles.facts}>
        <dt>Rol</dt>
        <dd>{ROLE_LABEL[member.role] ?? member.role}</dd>
        <dt>Estado</dt>
        <dd>{member.isActive ? "Activo" : "Sin acceso"}</dd>
        <dt>Celular</dt>
        <dd>{member.phone}</dd>
        <dt>Última actividad</dt>
        <dd>{member.lastActive}</dd>
        {member.role === "TECHNICIAN" ? (
          <>
            <dt>Horario</dt>
            <dd>{member.schedule ?? <span className="muted">Sin horario cargado</span>}</dd>
          </>
        ) : null}
      </dl>
      {editable ? (
        <div className="row">
          {member.isActive ? (
            <form className={styles.roleForm} onSubmit={(e) => { e.preventDefault(); if (role !== member.role) void change({ role }); }}>
              <label htmlFor={`${id}-role`} className="muted">Rol de {member.name}</label>
              <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)} disabled={busy}>
                {roles.map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
              </select>
              <button type="submit" className="secondary" disabled={busy || role === member.role}>Cambiar rol</button>
            </form>
          ) : null}
          {confirming ? (
            <>
              <button type="button" className={member.isActive ? "danger" : ""} disabled={busy} onClick={() => change({ isActive: !member.isActive })}>
                {member.isActive ? `Sí, desactivar a ${member.name}` : `Sí, reactivar a ${member.name}`}
              </button>
              <button type="button" className="link" onClick={() => setConfirming(false)}>No</button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={`${member.isActive ? "Desactivar" : "Reactivar"} a ${member.name}`}>
              {member.isActive ? "Desactivar" : "Reactivar"}
            </button>
          )}
        </div>
      ) : null}
      {confirming && member.isActive ? <p className="muted">Se cierran sus sesiones al instante y sus trabajos por delante quedan para reasignar.</p> : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      {plan ? <PlanNote message={plan} /> : null}
      {notice ? (
        <p className={styles.notice} role="status">
          {notice} {notice.includes("reasignar") ? <Link href="/panel/trabajos">Ver trabajos</Link> : null}
        </p>
      ) : null}
    </li>
  );
}
