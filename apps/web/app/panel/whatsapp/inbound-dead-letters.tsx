import { listInboundDeadLetters } from "@campotech/core/modules/inbound";
import { InboundReplayButton } from "./inbound-replay";
import styles from "./whatsapp.module.css";

// issue 22 (poison): inbound items (a customer's message, a status, a provider error) that could not be stored after
// their delivery's retries. OWNER/ADMIN only (the page renders this for them); mirrors "Mensajes fallidos".
const WHEN = new Intl.DateTimeFormat("es-AR", { timeZone: "America/Argentina/Buenos_Aires", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const PROVIDER: Record<string, string> = { META_DIRECT: "Meta", DIALOG_360: "360dialog", TWILIO: "Twilio" };
const KIND: Record<string, string> = { message: "Mensaje", status: "Estado", errors: "Error del proveedor" };

function previewOf(item: unknown): string {
  const i = (item ?? {}) as { message?: { from?: { waId?: string; userId?: string }; content?: { body?: unknown; caption?: unknown } } };
  const text = [i.message?.content?.body, i.message?.content?.caption].find((v) => typeof v === "string" && v.trim());
  const from = i.message?.from?.waId ?? i.message?.from?.userId;
  return [from ? `+${from}` : null, typeof text === "string" ? text.slice(0, 140) : null].filter(Boolean).join(": ") || "(sin texto)";
}

export async function InboundDeadLetters({ organizationId }: { organizationId: string }) {
  const rows = await listInboundDeadLetters({ organizationId, limit: 100 });
  return (
    <section className="card" aria-labelledby="inbound-dead-h">
      <div className="page-head">
        <h2 id="inbound-dead-h">Mensajes entrantes sin guardar</h2>
        {rows.length ? <InboundReplayButton label={`Reprocesar los ${rows.length} mensajes entrantes`} /> : null}
      </div>
      {rows.length === 0 ? (
        <p className="empty" data-testid="inbound-dead-letters-empty">No hay mensajes entrantes sin guardar. Si alguno no se puede guardar después de los reintentos, aparece acá.</p>
      ) : (
        <table className={styles.table} aria-labelledby="inbound-dead-h">
          <thead><tr><th>Qué</th><th>Contenido</th><th>Error</th><th>Intentos</th><th>Recibido</th><th><span className="sr-only">Acciones</span></th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="inbound-dead-letter">
                <td>{KIND[r.kind] ?? r.kind}<div className="muted">{PROVIDER[r.provider] ?? r.provider} · {r.itemKey.slice(0, 40)}</div></td>
                <td className={styles.preview}>{previewOf(r.item)}</td>
                <td>{r.lastReplayError ?? r.error}</td>
                <td>{r.attempts}{r.replayCount ? <div className="muted">{r.replayCount} reprocesos</div> : null}</td>
                <td>{WHEN.format(r.receivedAt)}</td>
                <td><InboundReplayButton id={r.id} label={`Reprocesar ${KIND[r.kind]?.toLowerCase() ?? r.kind} ${r.itemKey.slice(0, 40)}`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
