import type { SyncJob, SyncJobStatus, SyncPriceListItem, SyncTotals } from "../contracts/sync";
import type { LocalJob, OutboxEntry } from "./types";

// The field steps a technician takes (the server's state machine decides; this only drives the optimistic buttons).
const NEXT_FIELD_STEP: Partial<Record<SyncJobStatus, SyncJobStatus>> = { scheduled: "en_camino", en_camino: "working", working: "completed" };
const IN_FLIGHT = new Set(["queued", "sending", "failed"]);

// The job as the app shows it: the server's copy with the actions still in the outbox applied in order, so the screen
// reflects what the technician did while offline. Rejected and conflicting actions are not applied (the server's value
// stands) but travel along as problems.
export function applyPending(job: SyncJob, entries: readonly OutboxEntry[], priceList: readonly SyncPriceListItem[]): LocalJob {
  const mine = entries.filter((e) => e.mutation.jobId === job.id);
  const local: LocalJob = { ...job, pendingCount: 0, problems: mine.filter((e) => e.state === "rejected" || e.state === "conflict"), totalsEstimated: false };
  for (const entry of mine) {
    if (!IN_FLIGHT.has(entry.state)) continue;
    local.pendingCount += 1;
    const m = entry.mutation;
    switch (m.type) {
      case "transition": {
        local.transitions = [...local.transitions, { from: local.status, to: m.to, at: m.createdAt, note: m.note ?? null, actorType: "USER", actorId: local.technicianId }];
        local.status = m.to;
        const next = NEXT_FIELD_STEP[m.to];
        local.allowedTransitions = next ? [next] : [];
        break;
      }
      case "set_text":
        local[m.field] = m.value;
        break;
      case "set_line_items": {
        const items = new Map(priceList.map((p) => [p.id, p]));
        local.lineItems = m.lines.map((line, position) => {
          const item = line.priceListItemId ? items.get(line.priceListItemId) : undefined;
          const unitPriceCents = line.unitPriceCents ?? item?.priceCents ?? 0;
          return {
            id: `local-${entry.mutation.mutationId}-${position}`, priceListItemId: line.priceListItemId ?? null, description: line.description ?? item?.name ?? "",
            quantityMilli: line.quantityMilli, unitPriceCents, ivaRateBps: line.ivaRateBps ?? item?.ivaRateBps ?? 2100, position,
            netCents: roundDiv(line.quantityMilli * unitPriceCents, 1000),
          };
        });
        local.totals = estimateTotals(local.lineItems);
        local.totalsEstimated = true;
        break;
      }
      case "attach":
        if (!local.attachments.some((a) => a.sha256 === m.sha256 && a.kind === m.kind)) {
          local.attachments = [...local.attachments, { id: `local-${m.sha256}`, kind: m.kind, mimeType: entry.upload?.mimeType ?? "", size: 0, sha256: m.sha256, createdAt: m.createdAt, url: "" }];
        }
        break;
      case "log_time": {
        const minutes = m.minutes ?? (m.startedAt && m.endedAt ? Math.round((Date.parse(m.endedAt) - Date.parse(m.startedAt)) / 60_000) : 0);
        if (!local.timeEntries.some((t) => t.entryId === m.entryId)) {
          local.timeEntries = [...local.timeEntries, { entryId: m.entryId, minutes, startedAt: m.startedAt ?? null, endedAt: m.endedAt ?? null, technicianId: local.technicianId }];
          local.workedMinutes += minutes;
        }
        break;
      }
      case "set_location":
        local.location = { lat: m.lat, lng: m.lng };
        break;
    }
  }
  return local;
}

function roundDiv(n: number, d: number): number {
  return Math.sign(n) * Math.floor((2 * Math.abs(n) + d) / (2 * d));
}

// Display only until the server answers with its own totals (IVA per rate on the summed base, as the server does).
function estimateTotals(lines: { netCents: number; ivaRateBps: number }[]): SyncTotals {
  const rates = [...new Set(lines.map((l) => l.ivaRateBps))];
  const byRate = rates.map((rate) => {
    const baseCents = lines.filter((l) => l.ivaRateBps === rate).reduce((s, l) => s + l.netCents, 0);
    return { ivaRateBps: rate, baseCents, ivaCents: roundDiv(baseCents * rate, 10_000) };
  }).filter((r) => r.baseCents > 0);
  const netCents = lines.reduce((s, l) => s + l.netCents, 0);
  const ivaCents = byRate.reduce((s, r) => s + r.ivaCents, 0);
  return { byRate, netCents, ivaCents, totalCents: netCents + ivaCents };
}
