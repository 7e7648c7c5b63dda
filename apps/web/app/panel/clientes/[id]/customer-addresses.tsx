"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";
import styles from "../customers.module.css";

export type AddressItem = { id: string; label: string | null; street: string; floorApartment: string | null; locality: string | null; references: string | null; isDefault: boolean };
type Draft = { label: string; street: string; floorApartment: string; locality: string; references: string };

const EMPTY: Draft = { label: "", street: "", floorApartment: "", locality: "", references: "" };
const toDraft = (a: AddressItem): Draft => ({ label: a.label ?? "", street: a.street, floorApartment: a.floorApartment ?? "", locality: a.locality ?? "", references: a.references ?? "" });

function AddressForm({ initial, submitLabel, busy, onSubmit, onCancel }: { initial: Draft; submitLabel: string; busy: boolean; onSubmit: (d: Draft) => void; onCancel?: () => void }) {
  const [draft, setDraft] = useState(initial);
  const field = (key: keyof Draft, label: string, placeholder: string, wide = false) => (
    <label className={wide ? styles.wide : undefined}>
      {label}
      <input value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} placeholder={placeholder} required={key === "street"} maxLength={key === "references" ? 300 : key === "street" ? 200 : 100} />
    </label>
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(draft);
  }
  return (
    <form className={styles.addressForm} onSubmit={submit}>
      {field("street", "Calle y número", "Ej.: Av. Corrientes 1234", true)}
      {field("floorApartment", "Piso / depto", "Ej.: 3° B")}
      {field("locality", "Localidad", "Ej.: CABA")}
      {field("label", "Nombre", "Ej.: Casa, Oficina")}
      {field("references", "Referencias", "Ej.: portón verde")}
      <div className={`${styles.actions} ${styles.wide}`}>
        <button type="submit" disabled={busy || !draft.street.trim()}>{submitLabel}</button>
        {onCancel ? <button type="button" className="secondary" onClick={onCancel}>Cancelar</button> : null}
      </div>
    </form>
  );
}

// The address book: the default one is copied into the customer's address (what jobs and invoices read).
export function CustomerAddresses({ customerId, addresses, canEdit }: { customerId: string; addresses: AddressItem[]; canEdit: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(path: string, method: string, body?: unknown) {
    setBusy(true);
    setError(null);
    const result = await callJobsApi(path, { method, body });
    setBusy(false);
    if (!result.ok) {
      setError(describeFailure(result));
      return false;
    }
    router.refresh();
    return true;
  }
  const base = `/api/customers/${customerId}/addresses`;

  return (
    <div>
      {addresses.length ? (
        <ul className={styles.addressList} aria-label="Direcciones">
          {addresses.map((a) => (
            <li key={a.id}>
              {editing === a.id ? (
                <AddressForm
                  initial={toDraft(a)}
                  submitLabel="Guardar dirección"
                  busy={busy}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (d) => (await run(`${base}/${a.id}`, "PATCH", d)) && setEditing(null)}
                />
              ) : (
                <>
                  <strong>{a.label ?? "Dirección"}</strong> {a.isDefault ? <span className="pill">Predeterminada</span> : null}
                  <div>{[a.street, a.floorApartment].filter(Boolean).join(", ")}{a.locality ? ` — ${a.locality}` : ""}</div>
                  {a.references ? <div className="muted">{a.references}</div> : null}
                  {canEdit ? (
                    <div className={styles.addressActions}>
                      {!a.isDefault ? <button type="button" className="secondary" disabled={busy} onClick={() => void run(`${base}/${a.id}`, "PATCH", { isDefault: true })}>Usar como predeterminada</button> : null}
                      <button type="button" className="secondary" disabled={busy} onClick={() => setEditing(a.id)}>Editar</button>
                      <button type="button" className="secondary" disabled={busy} onClick={() => void run(`${base}/${a.id}`, "DELETE")} aria-label={`Borrar ${a.street}`}>Borrar</button>
                    </div>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Todavía no tiene direcciones guardadas.</p>
      )}
      {canEdit ? (
        adding ? (
          <AddressForm initial={EMPTY} submitLabel="Guardar dirección" busy={busy} onCancel={() => setAdding(false)} onSubmit={async (d) => (await run(base, "POST", d)) && setAdding(false)} />
        ) : (
          <button type="button" className="secondary" onClick={() => setAdding(true)}>Agregar dirección</button>
        )
      ) : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
    </div>
  );
}
