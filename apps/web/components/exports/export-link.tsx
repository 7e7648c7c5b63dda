import styles from "./export-link.module.css";

export type ExportKind = "customers" | "jobs" | "conversations";

// A plain download link to /api/exports/<kind>.csv carrying the page's filters (empty ones dropped), so the file
// has the rows the list shows. Server-renderable: no client JS. Only render it for people with data.export
// (`session.can("data.export")`); the endpoint refuses everyone else with 403 anyway.
//   <ExportLink kind="jobs" filters={{ estado: status, desde: from, hasta: to }} />
//   <ExportLink kind="conversations" filters={{ estado: "OPEN", asignada: "none" }} />
export function ExportLink({ kind, filters = {}, label = "Exportar CSV" }: { kind: ExportKind; filters?: Record<string, string | null | undefined>; label?: string }) {
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const href = `/api/exports/${kind}.csv${query.size ? `?${query}` : ""}`;
  return (
    <a className={styles.link} href={href} download>
      <span aria-hidden="true">⬇</span> {label}
    </a>
  );
}
