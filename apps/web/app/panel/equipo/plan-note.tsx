import Link from "next/link";
import styles from "./team.module.css";

// A plan limit is not a mistake: it reads as a note with the way forward.
export function PlanNote({ message }: { message: string }) {
  return (
    <p className={styles.planNote} role="status" data-testid="plan-note">
      {message} <Link href="/panel/plan">Ver planes</Link>
    </p>
  );
}
