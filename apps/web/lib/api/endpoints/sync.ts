import { NextResponse } from "next/server";
import { z } from "zod";
import { SYNC_PULL_DEFAULT_LIMIT, SYNC_PULL_MAX_LIMIT, SYNC_PUSH_MAX_BATCH, SYNC_UPLOAD_MAX_BYTES } from "@campotech/core/contracts/sync";
import type { AccessTokenClaims } from "@campotech/core/modules/auth";
import { JOB_STATES, type JobActor } from "@campotech/core/modules/jobs";
import { getMediaStorage } from "@campotech/core/modules/media";
import { pullChanges, pushMutations, storeUpload, syncPushSchema } from "@campotech/core/modules/sync";
import { readRawBody } from "../../read-raw-body";
import { defineEndpoint } from "../define-endpoint";

// The technician app's offline sync (docs/sync.md). Shapes are src/contracts/sync.ts; these schemas document them.
const actorOf = (claims: AccessTokenClaims): JobActor => ({ organizationId: claims.org, userId: claims.sub, role: claims.role });
const iso = () => z.string().meta({ format: "date-time" });
const status = z.enum(JOB_STATES);

const syncJobSchema = z.object({
  id: z.string(), number: z.number().int(), status, allowedTransitions: z.array(status).describe("a qué estados puede pasarlo esta persona ahora"),
  serviceType: z.string(), urgency: z.string(), description: z.string(), notes: z.string(), address: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(), scheduledStart: iso().nullable(), scheduledEnd: iso().nullable(), technicianId: z.string().nullable(),
  customer: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), address: z.string().nullable() }),
  lineItems: z.array(z.object({
    id: z.string(), priceListItemId: z.string().nullable(), description: z.string(), quantityMilli: z.number().int(), unitPriceCents: z.number().int(), ivaRateBps: z.number().int(),
    position: z.number().int(), netCents: z.number().int(),
  })),
  linesVersion: z.string().describe("mandalo como baseLinesVersion al reemplazar las líneas"),
  totals: z.object({ byRate: z.array(z.object({ ivaRateBps: z.number().int(), baseCents: z.number().int(), ivaCents: z.number().int() })), netCents: z.number().int(), ivaCents: z.number().int(), totalCents: z.number().int() }),
  attachments: z.array(z.object({ id: z.string(), kind: z.enum(["PHOTO", "SIGNATURE"]), mimeType: z.string(), size: z.number().int(), sha256: z.string().nullable(), createdAt: iso(), url: z.string() })),
  transitions: z.array(z.object({ from: status.nullable(), to: status, at: iso(), note: z.string().nullable(), actorType: z.string(), actorId: z.string().nullable() })),
  timeEntries: z.array(z.object({ entryId: z.string(), minutes: z.number().int(), startedAt: iso().nullable(), endedAt: iso().nullable(), technicianId: z.string().nullable() })),
  workedMinutes: z.number().int(), updatedAt: iso(),
});

export const syncPullEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/sync/pull",
  summary: "App del técnico: cambios de sus trabajos (hoy ±7 días y los que están en camino o en curso) desde el cursor, con bajas y la lista de precios si cambió; paginado",
  tag: "sync",
  permission: "jobs.read.own",
  query: z.object({
    cursor: z.string().max(2000).optional().describe("el de la respuesta anterior; sin cursor, una carga completa"),
    limit: z.coerce.number().int().min(1).max(SYNC_PULL_MAX_LIMIT).default(SYNC_PULL_DEFAULT_LIMIT),
  }),
  response: z.object({
    protocol: z.number().int(), reset: z.boolean().describe("carga completa: al terminar, descartá los trabajos que no llegaron"),
    jobs: z.array(syncJobSchema), removed: z.array(z.object({ jobId: z.string(), reason: z.enum(["deleted", "reassigned", "out_of_window"]) })),
    priceList: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), description: z.string().nullable(), serviceType: z.string(), unit: z.string(), priceCents: z.number().int(), ivaRateBps: z.number().int() })).nullable(),
    cursor: z.string(), hasMore: z.boolean(), serverTime: iso(), window: z.object({ from: z.string(), to: z.string() }),
  }),
  handler: ({ query, claims, tenant }) => tenant((tx) => pullChanges(tx, actorOf(claims), query)),
});

const outcome = z.object({ status: z.enum(["applied", "rejected", "conflict"]), code: z.string().optional(), message: z.string().optional(), field: z.string().optional(), serverValue: z.unknown().optional(), job: syncJobSchema.nullable().optional() });

export const syncPushEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/sync/push",
  summary: `App del técnico: aplica hasta ${SYNC_PUSH_MAX_BATCH} cambios en orden, cada uno idempotente por mutationId y con las mismas reglas que la web; devuelve un resultado por cambio`,
  tag: "sync",
  permission: "jobs.write.own",
  body: syncPushSchema,
  response: z.object({
    results: z.array(outcome.extend({
      mutationId: z.string(), status: z.enum(["applied", "rejected", "conflict", "duplicate", "retry"]),
      original: outcome.optional().describe("duplicate: la respuesta guardada de la primera vez"),
    })),
  }),
  handler: ({ body, claims }) => pushMutations(actorOf(claims), body.mutations, { storage: getMediaStorage() }),
});

export const syncUploadEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/sync/uploads/{sha256}",
  summary: "App del técnico: sube una foto o firma (el cuerpo son los bytes; JPEG/PNG/WebP ≤ 10 MB) por su SHA-256; repetirla no cambia nada (201 nueva, 200 ya estaba)",
  tag: "sync",
  permission: "jobs.write.own",
  params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, "El hash tiene que ser SHA-256 en hexadecimal (minúsculas).") }),
  response: z.object({ sha256: z.string(), uploadId: z.string(), mimeType: z.string(), size: z.number().int(), created: z.boolean() }),
  async handler({ request, params, claims, tenant, requestId }) {
    const bytes = await readRawBody(request, SYNC_UPLOAD_MAX_BYTES);
    const upload = await tenant((tx) => storeUpload(tx, actorOf(claims), { sha256: params.sha256, declaredMimeType: request.headers.get("content-type"), bytes }, getMediaStorage()));
    return NextResponse.json(upload, { status: upload.created ? 201 : 200, headers: { "x-request-id": requestId } });
  },
});
