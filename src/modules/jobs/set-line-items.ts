import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { computeJobTotals } from "./compute-job-totals";
import { getJobRowOrThrow } from "./get-job-row-or-throw";
import type { JobActor } from "./job-actor";

// A line drawn from the price list takes its description, price and IVA rate from the item unless given;
// a free line must give all three.
export type LineItemInput = {
  priceListItemId?: string;
  description?: string;
  quantityMilli: number;
  unitPriceCents?: number;
  ivaRateBps?: number;
};

// Replaces the job's lines as a whole (the editor sends the full list); totals are validated by computeJobTotals
// before anything is written.
export async function setLineItems(tx: TenantTx, actor: JobActor, jobId: string, lines: readonly LineItemInput[]): Promise<void> {
  const job = await getJobRowOrThrow(tx, actor, jobId);
  if (job.status === "completed" || job.status === "cancelled") {
    throw new AppError("CONFLICT", { message: "Un trabajo terminado o cancelado ya no se puede editar." });
  }
  const ids = [...new Set(lines.flatMap((l) => (l.priceListItemId ? [l.priceListItemId] : [])))];
  const items = new Map(
    (await tx.priceListItem.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, priceCents: true, ivaRateBps: true } })).map((i) => [i.id, i]),
  );
  const rows = lines.map((line, position) => {
    const item = line.priceListItemId ? items.get(line.priceListItemId) : undefined;
    if (line.priceListItemId && !item) {
      throw new AppError("VALIDATION_FAILED", { message: "No encontramos ese ítem de la lista de precios.", fields: { [`lines.${position}.priceListItemId`]: "No existe." } });
    }
    const description = line.description ?? item?.name;
    const unitPriceCents = line.unitPriceCents ?? item?.priceCents;
    const ivaRateBps = line.ivaRateBps ?? item?.ivaRateBps;
    if (!description || unitPriceCents === undefined || ivaRateBps === undefined) {
      throw new AppError("VALIDATION_FAILED", {
        message: "Una línea libre necesita descripción, precio unitario y alícuota de IVA.",
        fields: { [`lines.${position}`]: "Falta descripción, precio o IVA." },
      });
    }
    return { organizationId: actor.organizationId, jobId: job.id, priceListItemId: item?.id ?? null, description, quantityMilli: line.quantityMilli, unitPriceCents, ivaRateBps, position };
  });
  const totals = computeJobTotals(rows);
  await tx.jobLineItem.deleteMany({ where: { jobId: job.id } });
  if (rows.length) await tx.jobLineItem.createMany({ data: rows });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "job.line_items_set", entityType: "Job", entityId: job.id,
    metadata: { lines: rows.length, totalCents: totals.totalCents },
  });
}
