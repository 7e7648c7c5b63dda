import type { Database } from "@campotech/database";

export type TableSize = { table: string; bytes: number };
export type StorageUsed = { databaseBytes: number; largestTables: TableSize[]; messageMediaBytes: number; jobAttachmentBytes: number; mediaBytes: number; totalBytes: number };

const LARGEST_TABLES = 8;

// Now, not for the period. databaseBytes = pg_database_size of the current database (tables, indexes, TOAST, and
// Postgres' own catalogs); largestTables = the biggest tables by pg_total_relation_size (indexes and TOAST included).
// mediaBytes = bytes we hold in media storage (disk or S3): inbound message media that was stored (mediaState
// STORED, its mediaSize) plus the technicians' job attachments (JobAttachment.size).
export async function measureStorage(database: Database): Promise<StorageUsed> {
  const [size] = await database.$queryRaw<{ bytes: bigint }[]>`SELECT pg_database_size(current_database()) AS bytes`;
  const tables = await database.$queryRaw<{ table: string; bytes: bigint }[]>`
    SELECT c.relname AS table, pg_total_relation_size(c.oid) AS bytes
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname = current_schema()
     ORDER BY 2 DESC, 1 ASC LIMIT ${LARGEST_TABLES}`;
  const media = await database.whatsAppMessage.aggregate({ where: { mediaState: "STORED" }, _sum: { mediaSize: true } });
  const attachments = await database.jobAttachment.aggregate({ _sum: { size: true } });
  const databaseBytes = Number(size!.bytes);
  const messageMediaBytes = media._sum.mediaSize ?? 0;
  const jobAttachmentBytes = attachments._sum.size ?? 0;
  const mediaBytes = messageMediaBytes + jobAttachmentBytes;
  return {
    databaseBytes, largestTables: tables.map((t) => ({ table: t.table, bytes: Number(t.bytes) })),
    messageMediaBytes, jobAttachmentBytes, mediaBytes, totalBytes: databaseBytes + mediaBytes,
  };
}
