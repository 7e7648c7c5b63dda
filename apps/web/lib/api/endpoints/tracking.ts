import { NextResponse } from "next/server";
import { z } from "zod";
import { safeText } from "@campotech/core/lib/sanitize-text";
import { TRACKING_MAX_BATCH } from "@campotech/core/contracts/tracking";
import { AppError } from "@campotech/core/lib/errors";
import type { AccessTokenClaims } from "@campotech/core/modules/auth";
import { publishJobChanges, type JobActor } from "@campotech/core/modules/jobs";
import {
  findNearestTechnicians,
  getDispatchMap,
  getPublicTracking,
  getTechnicianRoute,
  getTrackingSettings,
  ingestPositions,
  positionBatchSchema,
  setJobLocation,
  trackingSettingsSchema,
  updateTrackingSettings,
} from "@campotech/core/modules/tracking";
import { setTechnicianVehicle } from "@campotech/core/modules/users";
import { defineEndpoint } from "../define-endpoint";

// Wire shapes: src/contracts/tracking.ts (dates already ISO strings). These schemas document them in OpenAPI.
const isoString = () => z.string().meta({ format: "date-time" });
const day = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "La fecha va como AAAA-MM-DD.");
const latLng = z.object({ lat: z.number(), lng: z.number() });
const mapState = z.enum(["libre", "en_camino", "trabajando", "sin_senal"]);
const etaSchema = z.object({
  distanceMeters: z.number().int(),
  minutes: z.number().int().describe("minutos enteros; al menos 1 salvo llegando"),
  arriving: z.boolean().describe("dentro del radio de llegada"),
  source: z.enum(["estimate", "routing"]).describe("estimate: línea recta × factor urbano ÷ velocidad promedio; routing: motor de ruteo (OSRM)"),
  computedAt: isoString(),
});
const idParams = z.object({ id: z.string().min(1) });
const actorOf = (claims: AccessTokenClaims): JobActor => ({ organizationId: claims.org, userId: claims.sub, role: claims.role });

export const ingestPositionsEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/tracking/positions",
  summary: `Posiciones del celular del técnico (hasta ${TRACKING_MAX_BATCH} por pedido); solo mientras tiene un trabajo en camino o en curso (si no, 409). Descarta repetidas y atrasadas; devuelve el ETA`,
  tag: "tracking",
  permission: "jobs.write.own",
  body: positionBatchSchema,
  response: z.object({
    accepted: z.number().int(),
    dropped: z.number().int().describe("repetidas (mismo recordedAt) o más viejas que la última guardada"),
    jobId: z.string(),
    eta: etaSchema.nullable().describe("null: el trabajo todavía no tiene coordenadas"),
    arrival: z.object({ suggested: z.boolean().describe("dentro del radio estando en camino: la app ofrece «Llegué»"), autoArrived: z.boolean() }),
  }),
  handler: ({ body, claims }) => ingestPositions({ organizationId: claims.org, technicianId: claims.sub, positions: body.positions }),
});

export const getDispatchMapEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracking/map",
  summary: "Mapa de despacho: última posición y estado de cada técnico (libre, en camino, trabajando, sin señal) y los trabajos del día (plan Profesional o superior)",
  tag: "tracking",
  permission: "jobs.read",
  query: z.object({ day: day().optional().describe("día de Buenos Aires; hoy si falta") }),
  response: z.object({
    day: z.string(),
    generatedAt: isoString(),
    technicians: z.array(z.object({
      id: z.string(), name: z.string(), vehicle: z.string().nullable(), plate: z.string().nullable(), state: mapState,
      position: latLng.extend({ accuracy: z.number().nullable(), recordedAt: isoString() }).nullable(),
      activeJobId: z.string().nullable(), eta: etaSchema.nullable(),
    })),
    jobs: z.array(z.object({
      id: z.string(), number: z.number().int(), status: z.string(), serviceType: z.string(), urgency: z.string(), address: z.string(),
      location: latLng.nullable().describe("null: sin geocodificar ni pin"), scheduledStart: isoString().nullable(), technicianId: z.string().nullable(), customerName: z.string(),
    })),
  }),
  handler: ({ query, claims, tenant }) => tenant((tx) => getDispatchMap(tx, claims.org, query)),
});

export const getTechnicianRouteEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracking/technicians/{id}/route",
  summary: "El recorrido del día de un técnico (historial raleado, del más viejo al más nuevo) y su próximo trabajo",
  tag: "tracking",
  permission: "jobs.read",
  params: idParams,
  query: z.object({ day: day().optional() }),
  response: z.object({
    technicianId: z.string(),
    day: z.string(),
    points: z.array(latLng.extend({ recordedAt: isoString() })),
    nextJob: z.object({ id: z.string(), number: z.number().int(), address: z.string(), location: latLng.nullable(), scheduledStart: isoString().nullable() }).nullable(),
  }),
  handler: ({ params, query, claims, tenant }) => tenant((tx) => getTechnicianRoute(tx, claims.org, params.id, query)),
});

export const nearestTechniciansEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/jobs/{id}/nearest-technicians",
  summary: "Técnicos libres con posición reciente más cercanos al trabajo, con distancia y ETA (para asignar con PATCH /api/jobs/{id})",
  tag: "tracking",
  permission: "jobs.read",
  params: idParams,
  response: z.object({
    jobId: z.string(),
    location: latLng.nullable().describe("null: el trabajo no tiene coordenadas"),
    technicians: z.array(z.object({ id: z.string(), name: z.string(), state: mapState, distanceMeters: z.number().int().describe("en línea recta"), eta: etaSchema })),
  }),
  handler: ({ params, claims, tenant }) => tenant((tx) => findNearestTechnicians(tx, claims.org, params.id)),
});

export const setJobLocationEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/jobs/{id}/location",
  summary: "Ubica el trabajo en el mapa (pin de la oficina, o el técnico asignado desde la app); un pin manual no lo pisa el geocodificador",
  tag: "tracking",
  permission: "jobs.write.own",
  params: idParams,
  body: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict(),
  response: z.object({ jobId: z.string(), location: latLng, source: z.enum(["DASHBOARD", "TECHNICIAN"]), geocodedAt: isoString().nullable() }),
  async handler({ params, body, claims, tenant }) {
    const result = await tenant((tx) => setJobLocation(tx, actorOf(claims), params.id, body));
    await publishJobChanges(result);
    return result.view;
  },
});

const settingsSchema = trackingSettingsSchema.extend({
  plan: z.object({ dispatchMap: z.boolean(), liveTracking: z.boolean() }).describe("lo que incluye el plan (no se cambia acá)"),
});

export const getTrackingSettingsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/settings/tracking",
  summary: "Seguimiento: velocidad promedio, factor urbano, radio de llegada, llegada automática y días de historial; y qué incluye el plan",
  tag: "tracking",
  permission: "settings.read",
  response: settingsSchema,
  handler: ({ claims, tenant }) => tenant((tx) => getTrackingSettings(tx, claims.org)),
});

export const updateTrackingSettingsEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/settings/tracking",
  summary: "Cambia los parámetros del seguimiento (los que no se mandan quedan como estaban)",
  tag: "tracking",
  permission: "settings.manage",
  body: z.object({
    averageSpeedKmh: z.number().min(5).max(120).optional(),
    urbanFactor: z.number().min(1).max(3).optional(),
    arrivalRadiusMeters: z.number().int().min(30).max(2_000).optional(),
    autoArrival: z.boolean().optional(),
    historyRetentionDays: z.number().int().min(1).max(365).optional(),
  }).strict(),
  response: settingsSchema,
  handler: ({ body, claims }) => updateTrackingSettings(claims.org, claims.sub, body),
});

export const setTechnicianVehicleEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/technicians/{id}/vehicle",
  summary: "El vehículo y la patente del técnico, que ve el cliente en la página de seguimiento (null los borra)",
  tag: "tracking",
  permission: "jobs.write",
  params: idParams,
  body: z.object({ vehicle: safeText().max(80).nullable(), plate: safeText().max(12).nullable() }).strict(),
  response: z.object({ technicianId: z.string(), vehicle: z.string().nullable(), plate: z.string().nullable() }),
  handler: ({ params, body, claims, tenant }) => tenant((tx) => setTechnicianVehicle(tx, { organizationId: claims.org, userId: claims.sub }, params.id, body)),
});

export const publicTrackingEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/seguimiento/{token}",
  summary: "Lo que ve el cliente en /seguimiento/<token> (público; el token firmado es la credencial): pasos, técnico y, en camino, su posición y ETA. Vence después de la visita",
  tag: "tracking",
  permission: null,
  params: z.object({ token: z.string().min(1).max(700) }),
  response: z.object({
    organization: z.object({ name: z.string(), whatsappPhone: z.string().nullable(), callPhone: z.string().nullable() }),
    number: z.number().int(), status: z.string(), serviceType: z.string(), scheduledStart: isoString().nullable(), scheduledEnd: isoString().nullable(),
    technician: z.object({ firstName: z.string(), initial: z.string(), vehicle: z.string().nullable(), plate: z.string().nullable() }).nullable(),
    steps: z.array(z.object({ status: z.string(), at: isoString() })),
    live: z.object({ technician: latLng.extend({ recordedAt: isoString() }).nullable(), destination: latLng.nullable(), eta: etaSchema.nullable() }).nullable(),
    liveTrackingEnabled: z.boolean(),
    pollSeconds: z.number().int().describe("0: no va a cambiar, dejá de preguntar"),
  }),
  async handler({ params, requestId }) {
    const result = await getPublicTracking(params.token);
    if (result.kind === "not_found") throw new AppError("NOT_FOUND", { message: "Este enlace de seguimiento no es válido. Pedí uno nuevo por WhatsApp." });
    if (result.kind === "expired") throw new AppError("GONE", { message: "Este seguimiento ya terminó: el enlace venció después de la visita." });
    // Live data: no browser or proxy may keep a copy (and a forwarded link shows nothing stale).
    return NextResponse.json(result.view, { headers: { "cache-control": "no-store", "x-request-id": requestId } });
  },
});
