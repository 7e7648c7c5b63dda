import { z } from "zod";

// Organization.settings.tracking: the ETA model's parameters, the arrival geofence and how long history is kept.
export const trackingSettingsSchema = z.object({
  // Door-to-door average in the city, stops included (not a cruising speed).
  averageSpeedKmh: z.number().min(5, "La velocidad promedio mínima es 5 km/h.").max(120, "La velocidad promedio máxima es 120 km/h.").default(25),
  // Road distance ÷ straight-line distance: ~1.3–1.5 in a grid city like Buenos Aires.
  urbanFactor: z.number().min(1, "El factor urbano no puede ser menor que 1.").max(3, "El factor urbano no puede pasar de 3.").default(1.4),
  // Within this straight-line distance of the job the technician is "llegando" and the app offers "Llegué".
  arrivalRadiusMeters: z.number().int().min(30, "El radio de llegada mínimo es 30 m.").max(2_000, "El radio de llegada máximo es 2000 m.").default(150),
  // Inside the radius the job moves en_camino → working on its own (once), instead of only suggesting it.
  autoArrival: z.boolean().default(false),
  // Days of position history kept (the route of the day); older points are purged.
  historyRetentionDays: z.number().int().min(1, "Guardamos el recorrido al menos 1 día.").max(365, "Guardamos el recorrido como mucho 365 días.").default(30),
});

export type TrackingSettings = z.infer<typeof trackingSettingsSchema>;

export const DEFAULT_TRACKING_SETTINGS: TrackingSettings = trackingSettingsSchema.parse({});

const schema = z.object({ tracking: trackingSettingsSchema.default(DEFAULT_TRACKING_SETTINGS) });

// A malformed settings blob must not stop tracking: fall back to the defaults.
export function trackingSettings(settings: unknown): TrackingSettings {
  const parsed = schema.safeParse(settings ?? {});
  return parsed.success ? parsed.data.tracking : DEFAULT_TRACKING_SETTINGS;
}
