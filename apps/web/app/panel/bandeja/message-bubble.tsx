import type { MessageView } from "@campotech/core/modules/conversations";
import styles from "./inbox.module.css";
import { explainError } from "./error-text";
import { formatClockAr } from "@campotech/core/lib/clock-format";
import { MediaRetryButton } from "./media-retry-button";

const TIME = { format: formatClockAr };
const TICKS: Record<string, { symbol: string; label: string }> = {
  QUEUED: { symbol: "🕓", label: "En cola" },
  SENT: { symbol: "✓", label: "Enviado" },
  DELIVERED: { symbol: "✓✓", label: "Entregado" },
  READ: { symbol: "✓✓", label: "Leído" },
  FAILED: { symbol: "⚠", label: "Falló" },
};

type Content = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

// One message as the customer and the office read it: text, media previews, locations as a map link, quoted
// replies, reactions on the message they react to, status ticks and failures explained.
export function MessageBubble({ message, quoted, reactions }: { message: MessageView; quoted: MessageView | null; reactions: string[] }) {
  const c = (message.content ?? {}) as Content;
  const outbound = message.direction === "OUTBOUND";
  const tick = outbound ? TICKS[message.status] : undefined;
  return (
    <li className={`${styles.bubble} ${outbound ? styles.out : styles.in}`} data-message-id={message.id} data-status={message.status}>
      {message.sentBy === "assistant" ? <span className={styles.assistantMark}>Asistente automático</span> : null}
      {message.sentBy === "person" && message.sentByName ? <span className={styles.staffMark}>{message.sentByName}</span> : null}
      {quoted ? <blockquote className={styles.quote}>{textOf(quoted) ?? "Mensaje"}</blockquote> : null}
      <Body message={message} content={c} />
      <span className={styles.meta}>
        <time dateTime={message.createdAt}>{TIME.format(new Date(message.createdAt))}</time>
        {tick ? (
          <span className={`${styles.tick} ${message.status === "READ" ? styles.read : ""}`} aria-label={tick.label} title={tick.label} data-tick={message.status}>
            {tick.symbol}
          </span>
        ) : null}
      </span>
      {message.status === "FAILED" ? <p className={styles.failed} role="note">{explainError(message.error)}</p> : null}
      {reactions.length ? <span className={styles.reactions} aria-label="Reacciones">{reactions.join(" ")}</span> : null}
    </li>
  );
}

export function textOf(message: MessageView): string | null {
  const c = (message.content ?? {}) as Content;
  return str(c.preview) ?? str(c.body) ?? str(c.caption) ?? str(c.title) ?? str(c.text) ?? null;
}

const MEDIA_NOUN: Record<string, string> = { IMAGE: "imagen", STICKER: "sticker", AUDIO: "audio", VIDEO: "video", DOCUMENT: "documento" };

// An inbound file not (yet) stored: what it is, its caption and name, and where its download stands.
function MediaPlaceholder({ message }: { message: MessageView }) {
  const media = message.media;
  const noun = MEDIA_NOUN[message.type] ?? "archivo";
  const failed = media?.state === "FAILED";
  return (
    <div className={styles.mediaPending} data-media-state={media?.state ?? "PENDING"}>
      <p>
        {message.type === "DOCUMENT" ? "📄 " : ""}
        {media?.filename ? <strong>{media.filename}</strong> : <span className={styles.mediaNoun}>{noun[0]!.toUpperCase() + noun.slice(1)}</span>}
      </p>
      {failed ? (
        <p role="note"><span className={styles.failed}>No se pudo descargar {noun === "imagen" ? "la imagen" : `el ${noun}`}.</span> <MediaRetryButton messageId={message.id} /></p>
      ) : (
        <p className="muted" role="status">Descargando {noun}…</p>
      )}
    </div>
  );
}

function Body({ message, content: c }: { message: MessageView; content: Content }) {
  const url = message.media?.url ?? null;
  const caption = message.media?.caption ?? str(c.caption);
  if (!url && message.media && message.direction === "INBOUND" && message.type in MEDIA_NOUN) {
    return (
      <>
        <MediaPlaceholder message={message} />
        {caption ? <p>{caption}</p> : null}
      </>
    );
  }
  switch (message.type) {
    case "IMAGE":
    case "STICKER":
      return (
        <>
          {url ? <a href={url} target="_blank" rel="noreferrer"><img src={url} alt={caption ?? "Imagen"} className={styles.image} /></a> : <p className="muted">Imagen</p>}
          {caption ? <p>{caption}</p> : null}
        </>
      );
    case "AUDIO":
      return url ? <audio controls src={url} aria-label="Audio del cliente" /> : <p className="muted">Audio</p>;
    case "VIDEO":
      return url ? <video controls src={url} className={styles.image} /> : <p className="muted">Video</p>;
    case "DOCUMENT":
      return (
        <p>
          📄 {url ? <a href={url} target="_blank" rel="noreferrer">{message.media?.filename ?? str(c.filename) ?? "Documento"}</a> : (str(c.filename) ?? "Documento")}
          {caption ? <><br />{caption}</> : null}
        </p>
      );
    case "LOCATION": {
      const lat = c.latitude;
      const lng = c.longitude;
      const label = [str(c.name), str(c.address)].filter(Boolean).join(" · ") || "Ubicación";
      return typeof lat === "number" && typeof lng === "number" ? (
        <p>📍 <a href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`} target="_blank" rel="noreferrer">{label}</a></p>
      ) : <p>📍 {label}</p>;
    }
    case "TEMPLATE":
      return <p><span className="pill">Plantilla {str(c.name)}</span><br />{str(c.preview)}</p>;
    case "CONTACTS":
      return <p>👤 Contacto compartido</p>;
    case "INTERACTIVE":
    case "BUTTON":
      return <p>{str(c.title) ?? str(c.text) ?? str(c.body) ?? "Respuesta"}</p>;
    case "UNSUPPORTED":
      return <p className="muted">Mensaje de un tipo que WhatsApp no permite mostrar acá.</p>;
    default:
      return <p className={styles.text}>{textOf(message) ?? ""}</p>;
  }
}
