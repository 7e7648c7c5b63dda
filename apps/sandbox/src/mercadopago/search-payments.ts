import type { Reply } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { mpError } from "./errors.ts";
import { paymentView } from "./payment-view.ts";
import type { Payment } from "./state.ts";

// GET /v1/payments/search, scoped to the token's seller (collector). Filters: external_reference, status, id;
// sort by date_created, date_approved or date_last_updated, criteria asc|desc; limit (default 30, max 1000), offset.

const SORTS: Record<string, (p: Payment) => number> = {
  date_created: (p) => p.createdAt,
  date_approved: (p) => p.approvedAt ?? 0,
  date_last_updated: (p) => p.updatedAt,
  money_release_date: (p) => p.approvedAt ?? 0,
  id: (p) => p.id,
};

export function searchPayments(state: SandboxState, sellerId: number, query: URLSearchParams): { ok: true; body: unknown } | { ok: false; reply: Reply } {
  const sort = query.get("sort") ?? "date_created";
  const criteria = query.get("criteria") ?? "desc";
  const key = SORTS[sort];
  if (!key) return { ok: false, reply: mpError(400, "bad_request", "Invalid sort value.", [{ code: 1003, description: "Invalid sort value." }]) };
  if (criteria !== "asc" && criteria !== "desc") return { ok: false, reply: mpError(400, "bad_request", "Invalid criteria value.", [{ code: 1004, description: "Invalid criteria value." }]) };
  const limit = Number(query.get("limit") ?? 30);
  const offset = Number(query.get("offset") ?? 0);
  if (!Number.isInteger(limit) || !Number.isInteger(offset) || limit < 0 || offset < 0) {
    return { ok: false, reply: mpError(400, "bad_request", "Params Error.", [{ code: 1, description: "Params Error." }]) };
  }
  if (limit > 1000) return { ok: false, reply: mpError(400, "bad_request", "Number of rows exceeded the limits.", [{ code: 1000, description: "Number of rows exceeded the limits." }]) };

  const externalReference = query.get("external_reference");
  const status = query.get("status");
  const id = query.get("id");
  const matches = [...state.mercadopago.payments.values()].filter((p) => {
    if (p.sellerId !== sellerId) return false;
    if (status !== null && p.status !== status) return false;
    if (id !== null && String(p.id) !== id) return false;
    if (externalReference !== null) {
      const ref = state.mercadopago.preferences.get(p.preferenceId)?.body.external_reference;
      if (ref !== externalReference) return false;
    }
    return true;
  });
  const direction = criteria === "asc" ? 1 : -1;
  // Ties (same millisecond) keep creation order, so paging is stable.
  const ordered = matches.map((p, i) => ({ p, i })).sort((a, b) => direction * (key(a.p) - key(b.p)) || direction * (a.i - b.i));
  const page = ordered.slice(offset, offset + limit).map(({ p }) => paymentView(state, p));
  return { ok: true, body: { paging: { total: matches.length, limit, offset }, results: page } };
}
