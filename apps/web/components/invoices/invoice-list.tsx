import Link from "next/link";
import { InvoiceStatusPill } from "./invoice-badges";
import { formatDay, formatMoney, type InvoiceStatus } from "./invoice-format";
import styles from "./invoice-list.module.css";

export type InvoiceListItem = { id: string; label: string; status: InvoiceStatus; kind: "INVOICE" | "CREDIT_NOTE"; issueDate: string; totalCents: number; environment: "HOMOLOGACION" | "PRODUCCION" };

// A short list of vouchers (a job's, a customer's) linking to each one; credit notes subtract.
export function InvoiceList({ items, label }: { items: InvoiceListItem[]; label: string }) {
  return (
    <ul className={styles.list} aria-label={label}>
      {items.map((i) => (
        <li key={i.id}>
          <span className={styles.what}>
            <Link href={`/panel/facturas/${i.id}`}>{i.label}</Link>
            <span className="muted">
              {formatDay(i.issueDate)}
              {i.environment === "HOMOLOGACION" ? " · homologación" : ""}
            </span>
          </span>
          <span className={styles.side}>
            {formatMoney(i.kind === "CREDIT_NOTE" ? -i.totalCents : i.totalCents)}
            <InvoiceStatusPill status={i.status} />
          </span>
        </li>
      ))}
    </ul>
  );
}
