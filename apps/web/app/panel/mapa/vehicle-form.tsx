"use client";

import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "./mapa.module.css";

// What the customer reads on the tracking page to spot the technician at the door ("Fiat Kangoo blanca · AB 123 CD").
export function VehicleForm({ technicianId, vehicle, plate, onSaved }: { technicianId: string; vehicle: string | null; plate: string | null; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ vehicle: vehicle ?? "", plate: plate ?? "" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!editing) {
    return (
      <p data-testid="technician-vehicle">
        {vehicle || plate ? [vehicle, plate].filter(Boolean).join(" · ") : <span className="muted">Sin vehículo cargado</span>}{" "}
        <button type="button" className="link" onClick={() => { setDraft({ vehicle: vehicle ?? "", plate: plate ?? "" }); setEditing(true); }}>
          {vehicle || plate ? "Cambiar" : "Cargar vehículo"}
        </button>
      </p>
    );
  }
  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await sendJson(`/api/technicians/${encodeURIComponent(technicianId)}/vehicle`, "PUT", {
      vehicle: draft.vehicle.trim() || null,
      plate: draft.plate.trim().toUpperCase() || null,
    });
    setBusy(false);
    if (!result.ok) return setError(Object.values(result.error.fields)[0] ?? result.error.message);
    setError(null);
    setEditing(false);
    onSaved();
  }
  return (
    <form className={styles.vehicleForm} onSubmit={save} aria-label="Vehículo del técnico">
      <label>
        Vehículo
        <input value={draft.vehicle} maxLength={80} placeholder="Fiat Kangoo blanca" onChange={(e) => setDraft({ ...draft, vehicle: e.target.value })} />
      </label>
      <label>
        Patente
        <input value={draft.plate} maxLength={12} placeholder="AB 123 CD" onChange={(e) => setDraft({ ...draft, plate: e.target.value })} />
      </label>
      {error ? <p role="alert" className="error">{error}</p> : null}
      <div className={styles.vehicleActions}>
        <button type="submit" disabled={busy}>{busy ? "Guardando…" : "Guardar"}</button>
        <button type="button" className="secondary" onClick={() => { setEditing(false); setError(null); }}>Cancelar</button>
      </div>
      <p className="muted">El cliente lo ve en la página de seguimiento mientras el técnico va en camino.</p>
    </form>
  );
}
