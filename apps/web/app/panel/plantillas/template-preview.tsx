import styles from "./templates.module.css";

// The body as the customer will read it, with each {{n}} marked so the office sees what gets filled in when sending.
export function TemplatePreview({ body }: { body: string }) {
  const parts = body.split(/(\{\{\s*\d+\s*\}\})/g);
  return (
    <p className={styles.bubble}>
      {parts.map((part, i) => (/^\{\{\s*\d+\s*\}\}$/.test(part) ? <mark key={i} className={styles.variable}>{part.replace(/\s/g, "")}</mark> : part))}
    </p>
  );
}
