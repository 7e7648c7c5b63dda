import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { CSV_BOM, csvRow } from "./csv";
import { BATCH_SIZE, type CsvExport } from "./csv-export";

export type Tenant = <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T>;

export type StartedExport = { filename: string; stream: ReadableStream<Uint8Array> };

// Audits who exported what (and with which filters) before the first byte leaves, then streams: a batch is read
// only when the client has taken the previous one (pull), each batch in its own tenant transaction.
export async function streamCsvExport<F extends object, R>(
  tenant: Tenant,
  definition: CsvExport<F, R>,
  input: { organizationId: string; actorId: string; filter: F; now?: Date; batchSize?: number },
): Promise<StartedExport> {
  await tenant((tx) =>
    appendAuditLog(tx, {
      organizationId: input.organizationId,
      actorType: "USER",
      actorId: input.actorId,
      action: "data.exported",
      entityType: "Export",
      entityId: definition.kind,
      metadata: { kind: definition.kind, filter: JSON.parse(JSON.stringify(input.filter)) },
    }),
  );
  const encoder = new TextEncoder();
  const take = input.batchSize ?? BATCH_SIZE;
  let afterId: string | null = null;
  let started = false;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(definition.header)));
        return;
      }
      if (done) return controller.close();
      const rows = await tenant((tx) => definition.readBatch(tx, input.filter, afterId, take));
      if (rows.length) {
        afterId = definition.idOf(rows.at(-1)!);
        controller.enqueue(encoder.encode(rows.map((r) => csvRow(definition.cells(r))).join("")));
      }
      if (rows.length < take) {
        done = true;
        controller.close();
      }
    },
  });
  const day = (input.now ?? new Date()).toLocaleDateString("sv-SE", { timeZone: "America/Argentina/Buenos_Aires" });
  return { filename: `${definition.filename}-${day}.csv`, stream };
}

// Reads a whole export into a string: tests and small callers.
export async function readCsvExport(started: StartedExport): Promise<string> {
  return new Response(started.stream).text();
}
