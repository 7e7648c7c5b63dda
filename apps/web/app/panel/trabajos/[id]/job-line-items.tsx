"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";
import { formatArNumber, formatPesos, IVA_RATE_LABEL, parseArNumber, SERVICE_LABEL } from "@/lib/panel/jobs/jobs-format";
import styles from "./detail.module.css";

type SavedLine = { id: string; priceListItemId: string | null; description: string; quantityMilli: number; unitPriceCents: number; ivaRateBps: number; netCents: number };
type Totals = { byRate: { ivaRateBps: number; baseCents: number; ivaCents: number }[]; netCents: number; ivaCents: number; totalCents: number };
type PriceItem = { id: string; code: string; name: string; unit: string; priceCents: number; ivaRateBps: number; serviceType: string };
type Draft = { key: string; priceListItemId: string | null; description: string; quantity: string; unitPrice: string; ivaRateBps: number };

const RATES = [2100, 1050, 2700, 0];
const toDraft = (l: SavedLine): Draft => ({
  key: l.id, priceListItemId: l.priceListItemId, description: l.description, quantity: formatArNumber(l.quantityMilli / 1000), unitPrice: formatArNumber(l.unitPriceCents / 100, 2), ivaRateBps: l.ivaRateBps,
});
let seq = 0;
const newKey = () => `new-${++seq}`;

// The editor sends the whole list (PUT replaces it); the totals, with IVA per rate, are always the server's.
export function JobLineItems({ jobId, readOnly, initial, priceList, serviceType }: { jobId: string; readOnly: boolean; initial: { lineItems: SavedLine[]; totals: Totals }; priceList: PriceItem[]; serviceType: string }) {
  const router = useRouter();
  const id = useId();
  const [saved, setSaved] = useState(initial);
  const [lines, setLines] = useState<Draft[]>(() => initial.lineItems.map(toDraft));
  const [pick, setPick] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dirty = JSON.stringify(lines.map(({ key: _key, ...l }) => l)) !== JSON.stringify(saved.lineItems.map(toDraft).map(({ key: _key, ...l }) => l));

  const update = (key: string, patch: Partial<Draft>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  function addFromList() {
    const item = priceList.find((p) => p.id === pick);
    if (!item) return;
    setLines((ls) => [...ls, { key: newKey(), priceListItemId: item.id, description: item.name, quantity: "1", unitPrice: formatArNumber(item.priceCents / 100, 2), ivaRateBps: item.ivaRateBps }]);
    setPick("");
  }

  async function save() {
    setError(null);
    const payload = [];
    for (const [i, l] of lines.entries()) {
      const quantity = parseArNumber(l.quantity);
      const price = parseArNumber(l.unitPrice);
      if (!l.description.trim()) return setError(`Línea ${i + 1}: falta la descripción.`);
      if (quantity === null || quantity <= 0) return setError(`Línea ${i + 1}: la cantidad tiene que ser mayor que cero (por ejemplo 1 o 1,5).`);
      if (price === null || price < 0) return setError(`Línea ${i + 1}: el precio unitario no es válido (por ejemplo 45.000 o 45000,50).`);
      payload.push({
        ...(l.priceListItemId ? { priceListItemId: l.priceListItemId } : {}),
        description: l.description.trim(),
        quantityMilli: Math.round(quantity * 1000),
        unitPriceCents: Math.round(price * 100),
        ivaRateBps: l.ivaRateBps,
      });
    }
    setBusy(true);
    const result = await callJobsApi<{ lineItems: SavedLine[]; totals: Totals }>(`/api/jobs/${jobId}/line-items`, { method: "PUT", body: { lines: payload } });
    setBusy(false);
    if (!result.ok) return setError(describeFailure(result));
    setSaved({ lineItems: result.data.lineItems, totals: result.data.totals });
    setLines(result.data.lineItems.map(toDraft));
    router.refresh();
  }

  const ownService = priceList.filter((p) => p.serviceType === serviceType);
  const others = priceList.filter((p) => p.serviceType !== serviceType);
  const option = (p: PriceItem) => (
    <option key={p.id} value={p.id}>{p.name} · {formatPesos(p.priceCents)} / {p.unit}</option>
  );

  return (
    <div>
      {lines.length ? (
        <div className={styles.linesWrap}>
          <table className={styles.lines}>
            <thead>
              <tr>
                <th scope="col">Descripción</th>
                <th scope="col">Cant.</th>
                <th scope="col">Precio unit.</th>
                <th scope="col">IVA</th>
                <th scope="col" className={styles.num}>Neto</th>
                {readOnly ? null : <th scope="col"><span className="muted">Quitar</span></th>}
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={l.key}>
                  {readOnly ? (
                    <>
                      <td>{l.description}</td>
                      <td className={styles.num}>{l.quantity}</td>
                      <td className={styles.num}>{formatPesos(saved.lineItems[i]?.unitPriceCents ?? 0)}</td>
                      <td>{IVA_RATE_LABEL[l.ivaRateBps]}</td>
                    </>
                  ) : (
                    <>
                      <td data-label="Descripción">
                        <input aria-label={`Descripción de la línea ${i + 1}`} value={l.description} maxLength={500} onChange={(e) => update(l.key, { description: e.target.value })} />
                      </td>
                      <td data-label="Cantidad" className={styles.qty}>
                        <input aria-label={`Cantidad de la línea ${i + 1}`} inputMode="decimal" value={l.quantity} onChange={(e) => update(l.key, { quantity: e.target.value })} />
                      </td>
                      <td data-label="Precio unitario ($)" className={styles.price}>
                        <input aria-label={`Precio unitario de la línea ${i + 1}, en pesos`} inputMode="decimal" value={l.unitPrice} onChange={(e) => update(l.key, { unitPrice: e.target.value })} />
                      </td>
                      <td data-label="IVA" className={styles.iva}>
                        <select aria-label={`IVA de la línea ${i + 1}`} value={l.ivaRateBps} onChange={(e) => update(l.key, { ivaRateBps: Number(e.target.value) })}>
                          {RATES.map((r) => (
                            <option key={r} value={r}>{IVA_RATE_LABEL[r]}</option>
                          ))}
                        </select>
                      </td>
                    </>
                  )}
                  <td data-label="Neto" className={styles.num}>{dirty ? "—" : formatPesos(saved.lineItems[i]?.netCents ?? 0)}</td>
                  {readOnly ? null : (
                    <td>
                      <button type="button" className="link" onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))} aria-label={`Quitar la línea ${i + 1}: ${l.description}`}>
                        Quitar
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">Todavía no hay líneas. Sumá ítems de la lista de precios o líneas libres.</p>
      )}

      {readOnly ? null : (
        <>
          <div className={styles.addRow}>
            <label htmlFor={`${id}-pick`}>
              Agregar de la lista de precios
              <select id={`${id}-pick`} value={pick} onChange={(e) => setPick(e.target.value)}>
                <option value="">Elegí un ítem…</option>
                {ownService.length ? <optgroup label={SERVICE_LABEL[serviceType] ?? serviceType}>{ownService.map(option)}</optgroup> : null}
                {others.length ? <optgroup label="Otros servicios">{others.map(option)}</optgroup> : null}
              </select>
            </label>
            <button type="button" className="secondary" disabled={!pick} onClick={addFromList}>Agregar ítem</button>
            <button
              type="button"
              className="secondary"
              onClick={() => setLines((ls) => [...ls, { key: newKey(), priceListItemId: null, description: "", quantity: "1", unitPrice: "", ivaRateBps: 2100 }])}
            >
              Agregar línea libre
            </button>
          </div>
          <div className={styles.addRow}>
            <button type="button" disabled={busy || !dirty} onClick={save}>{busy ? "Guardando…" : "Guardar presupuesto"}</button>
            <span role="status" className="muted">{dirty ? "Hay cambios sin guardar: los totales se actualizan al guardar." : ""}</span>
          </div>
        </>
      )}
      {error ? <p className="error" role="alert">{error}</p> : null}

      <dl className={styles.totals} aria-label="Totales" data-stale={dirty || undefined}>
        <dt>Neto</dt>
        <dd>{formatPesos(saved.totals.netCents)}</dd>
        {saved.totals.byRate.filter((r) => r.baseCents > 0).map((r) => (
          <div key={r.ivaRateBps} style={{ display: "contents" }}>
            <dt>{r.ivaRateBps === 0 ? "Exento (base " : `IVA ${IVA_RATE_LABEL[r.ivaRateBps]} (sobre `}{formatPesos(r.baseCents)})</dt>
            <dd>{formatPesos(r.ivaCents)}</dd>
          </div>
        ))}
        <dt className={styles.grand}>Total</dt>
        <dd className={styles.grand} data-testid="job-total">{formatPesos(saved.totals.totalCents)}</dd>
      </dl>
    </div>
  );
}
