import Link from "next/link";
import styles from "./cobros.module.css";

const TABS = [
  { key: "pagos", href: "/panel/cobros", label: "Pagos" },
  { key: "por-cobrar", href: "/panel/cobros/por-cobrar", label: "Por cobrar" },
  { key: "mercadopago", href: "/panel/cobros/mercadopago", label: "MercadoPago" },
] as const;

// The three views of Cobros: what came in, what is still owed, and the MercadoPago account.
export function CobrosTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  return (
    <nav className={styles.tabs} aria-label="Cobros">
      <ul>
        {TABS.map((t) => (
          <li key={t.key}>
            <Link href={t.href} aria-current={t.key === current ? "page" : undefined}>{t.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
