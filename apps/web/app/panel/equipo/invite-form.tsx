"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { sendJson } from "@/components/settings/send-json";
import { PlanNote } from "./plan-note";
import { ROLE_HELP, ROLE_LABEL } from "./team-format";
import styles from "./team.module.css";

type Sent = { invitation: { name: string; phone: string }; delivery: { channel: "whatsapp" | "sms" | "none" } };
const ROLES = ["TECHNICIAN", "DISPATCHER", "ADMIN", "VIEWER"] as const;

// Name, phone and role: the person gets a 6-digit code on WhatsApp (or SMS) and joins on /unirme.
export function InviteForm() {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]>("TECHNICIAN");
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [plan, setPlan] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFields({});
    setError(null);
    setPlan(null);
    setDone(null);
    const result = await sendJson<Sent>("/api/users/invitations", "POST", { name, phone, role });
    setBusy(false);
    if (!result.ok) {
      if (result.error.planRequired) return setPlan(result.error.message);
      setFields(result.error.fields);
      return setError(result.error.message);
    }
    const { invitation, delivery } = result.data;
    const channel = delivery.channel === "sms" ? " por SMS" : delivery.channel === "whatsapp" ? " por WhatsApp" : "";
    setDone(
      delivery.channel === "none"
        ? `Guardamos la invitación de ${invitation.name}, pero no pudimos mandar el código: probá Reenviar en un rato.`
        : `Le mandamos la invitación a ${invitation.name}${channel}. Tiene 72 horas para sumarse en /unirme con el código.`,
    );
    setName("");
    setPhone("");
    router.refresh();
  }

  const fieldError = (key: string) => (fields[key] ? <span id={`${id}-${key}-error`} className="error" role="alert">{fields[key]}</span> : null);
  const invalid = (key: string) => (fields[key] ? { "aria-invalid": true, "aria-describedby": `${id}-${key}-error` } : {});

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Invitar a alguien">
      <div className="stack">
        <label htmlFor={`${id}-name`}>Nombre</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} autoComplete="off" {...invalid("name")} />
        {fieldError("name")}
      </div>
      <div className="stack">
        <label htmlFor={`${id}-phone`}>Celular</label>
        <input id={`${id}-phone`} type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} required placeholder="11 4000-0001" {...invalid("phone")} />
        {fieldError("phone")}
      </div>
      <div className="stack">
        <label htmlFor={`${id}-role`}>Rol</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])} aria-describedby={`${id}-role-help`} {...invalid("role")}>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
        </select>
        <span id={`${id}-role-help`} className="muted">{ROLE_LABEL[role]}: {ROLE_HELP[role]}.</span>
        {fieldError("role")}
      </div>
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? "Mandando…" : "Mandar invitación"}</button>
      </div>
      {error && Object.keys(fields).length === 0 ? <p className="error" role="alert">{error}</p> : null}
      {plan ? <PlanNote message={plan} /> : null}
      {done ? <p role="status" className={styles.notice}>{done}</p> : null}
    </form>
  );
}
