export default function Loading() {
  return (
    <p className="empty" role="status" aria-live="polite">
      Cargando…
    </p>
  );
}
