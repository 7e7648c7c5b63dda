import type { TenantTx } from "../../lib/db";
import type { CsvValue } from "./csv";

// One export: its header (es-AR), how to read one batch after a cursor, and how a row becomes cells. The rows are
// read in batches of BATCH_SIZE, each in its own short tenant transaction, and written as they come: 50,000 rows
// never sit in memory at once and no transaction stays open while a slow client downloads.
export type CsvExport<F, R> = {
  kind: string;
  filename: string;
  header: readonly string[];
  readBatch: (tx: TenantTx, filter: F, afterId: string | null, take: number) => Promise<R[]>;
  idOf: (row: R) => string;
  cells: (row: R) => readonly CsvValue[];
};

export const BATCH_SIZE = 1000;

// Every export pages with Prisma's cursor on a total order ending in id, so ties never skip or repeat a row.
export function cursorArgs(afterId: string | null): { cursor: { id: string }; skip: number } | { skip: number } {
  return afterId ? { cursor: { id: afterId }, skip: 1 } : { skip: 0 };
}
