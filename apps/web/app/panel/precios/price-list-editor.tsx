"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatMoney } from "@/components/invoices/invoice-format";
import { sendJson } from "@/components/settings/send-json";
import { IVA_RATE_LABEL, SERVICE_LABEL } from "@/lib/panel/jobs/jobs-format";
import { PriceItemForm, type PriceItem } from "./price-item-form";
import styles from "./prices.module.css";

// The list with its edits in place: a new item on top, "Editar" opens the same form inside the item, and
// "Desactivar" hides it from quotes and the assistant without deleting it (jobs keep referring to its code).
export function PriceListEditor({ items, canManage, emptyText }: { items: PriceItem[]; canManage: boolean; emptyText: string }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function saved(message: string) {
    setStatus(message);
    setError(null);
    router.refresh();
  }

  async function setActive(item: PriceItem, active: boolean) {
    setBusy(item.id);
    const result = await sendJson<PriceItem>(`/api/price-list/${encodeURIComponent(item.id)}`, "PATCH", { active });
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    saved(active ? `«${item.name}» está activo otra vez.` : `«${item.name}» quedó desactivado: ya no se ofrece, pero los trabajos que lo usan no cambian.`);
  }

  return (
    <section className="card" aria-labelledby="prices-h">
      <div className="page-head">
        <h2 id="prices-h">Lista de precios</h2>
        {canManage && !creating ? <button type="button" onClick={() => { setCreating(true); setStatus(null); }}>Nuevo ítem</button> : null}
      </div>
      {creating ? (
        <div className={styles.item} data-testid="new-item">
          <PriceItemForm onCancel={() => setCreating(false)} onDone={(item) => { setCreating(false); saved(`Agregaste «${item.name}» a la lista.`); }} />
        </div>
      ) : null}
      {status ? <p role="status" className={styles.done}>{status}</p> : null}
      {error ? <p role="alert" className="error">{error}</p> : null}
      {items.length === 0 ? <p className="empty">{emptyText}</p> : (
        <ul className={styles.list} aria-label="Ítems de la lista de precios">
          {items.map((item) => (
            <li key={item.id} className={`${styles.item} ${item.active ? "" : styles.inactive}`} data-testid="price-item" data-code={item.code}>
              <div>
                <h3 className={styles.name}>{item.name}</h3>
                <p className={styles.meta}>
                  <span>{item.code}</span><span>{SERVICE_LABEL[item.serviceType] ?? item.serviceType}</span><span>por {item.unit}</span>
                  <span>IVA {IVA_RATE_LABEL[item.ivaRateBps] ?? `${item.ivaRateBps / 100} %`}</span>
                  {item.active ? null : <span className={`pill ${styles.off}`}>Inactivo</span>}
                </p>
              </div>
              <p className={styles.price} data-testid="price">{formatMoney(item.priceCents)}</p>
              {editing === item.id ? (
                <PriceItemForm item={item} onCancel={() => setEditing(null)} onDone={(next) => { setEditing(null); saved(`Guardaste los cambios de «${next.name}».`); }} />
              ) : canManage ? (
                <div className={styles.actions}>
                  <button type="button" className="secondary" onClick={() => { setEditing(item.id); setStatus(null); }} aria-label={`Editar ${item.name}`}>Editar</button>
                  <button type="button" className="secondary" disabled={busy === item.id} onClick={() => setActive(item, !item.active)} aria-label={`${item.active ? "Desactivar" : "Activar"} ${item.name}`}>
                    {item.active ? "Desactivar" : "Activar"}
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
