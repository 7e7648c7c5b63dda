import { z } from "zod";
import {
  conversationsExport,
  customersExport,
  dayParam,
  dayRange,
  jobsExport,
  streamCsvExport,
  type StartedExport,
} from "@campotech/core/modules/exports";
import { defineEndpoint } from "../define-endpoint";

// Query names as the list pages use them where they have them; "desde"/"hasta" are days (AAAA-MM-DD, Buenos Aires).
const range = { desde: dayParam, hasta: dayParam };
const csv = z.string().meta({ description: "CSV (RFC 4180, UTF-8 con BOM, encabezados en castellano)" });
const JOB_STATUSES = ["pending", "scheduled", "en_camino", "working", "completed", "cancelled"] as const;

// A download: attachment under our own ASCII name ("clientes-2026-12-02.csv"), never cached, never sniffed.
const send = (started: StartedExport, requestId: string) =>
  new Response(started.stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${started.filename.replace(/[^\w.-]/g, "_")}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
      "x-request-id": requestId,
    },
  });

export const exportCustomersEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/exports/customers.csv",
  summary: "Exporta los clientes a CSV (mismos filtros que la lista: q, etiqueta; desde/hasta sobre el alta); queda en la auditoría",
  tag: "exports",
  permission: "data.export",
  query: z.object({ q: z.string().max(100).optional(), etiqueta: z.string().max(40).optional(), ...range }),
  response: csv,
  binary: "text/csv",
  async handler({ query, claims, tenant, requestId }) {
    const filter = { ...dayRange(query.desde, query.hasta), ...(query.q ? { search: query.q } : {}), ...(query.etiqueta ? { tag: query.etiqueta } : {}) };
    return send(await streamCsvExport(tenant, customersExport, { organizationId: claims.org, actorId: claims.sub, filter }), requestId);
  },
});

export const exportJobsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/exports/jobs.csv",
  summary: "Exporta los trabajos a CSV (filtros de la lista: estado, técnico; desde/hasta sobre el inicio programado); montos en centavos; queda en la auditoría",
  tag: "exports",
  permission: "data.export",
  query: z.object({ estado: z.enum(JOB_STATUSES, "Estado desconocido.").optional(), tecnico: z.string().max(60).optional(), ...range }),
  response: csv,
  binary: "text/csv",
  async handler({ query, claims, tenant, requestId }) {
    const filter = { ...dayRange(query.desde, query.hasta), ...(query.estado ? { status: query.estado } : {}), ...(query.tecnico ? { technicianId: query.tecnico } : {}) };
    return send(await streamCsvExport(tenant, jobsExport, { organizationId: claims.org, actorId: claims.sub, filter }), requestId);
  },
});

export const exportConversationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/exports/conversations.csv",
  summary: "Exporta las conversaciones a CSV (filtros del inbox: estado, asignada; desde/hasta sobre el último mensaje); queda en la auditoría",
  tag: "exports",
  permission: "data.export",
  query: z.object({ estado: z.enum(["OPEN", "PENDING", "CLOSED"], "Estado desconocido.").optional(), asignada: z.string().max(60).optional(), ...range }),
  response: csv,
  binary: "text/csv",
  async handler({ query, claims, tenant, requestId }) {
    const filter = { ...dayRange(query.desde, query.hasta), ...(query.estado ? { status: query.estado } : {}), ...(query.asignada ? { assignedTo: query.asignada } : {}) };
    return send(await streamCsvExport(tenant, conversationsExport, { organizationId: claims.org, actorId: claims.sub, filter }), requestId);
  },
});
