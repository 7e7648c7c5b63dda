import { z } from "zod";
import {
  getNotificationPreferences,
  getOrganizationNotificationSettings,
  notificationPreferencesInputSchema,
  quietHoursInputSchema,
  registerPushToken,
  setNotificationPreferences,
  setOrganizationQuietHours,
} from "@campotech/core/modules/notifications";
import { defineEndpoint } from "../define-endpoint";

const quietHours = z.object({ start: z.string(), end: z.string() });
const preferencesSchema = z.object({
  channels: z.array(z.enum(["push", "email", "whatsapp"])),
  email: z.string().nullable(),
  devices: z.number().int().describe("dispositivos con notificaciones push registradas"),
  quietHours: quietHours.nullable(),
  effectiveQuietHours: quietHours,
});
const me = (claims: { org: string; sub: string }) => ({ organizationId: claims.org, userId: claims.sub });

export const getMyNotificationPreferencesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/me/notification-preferences",
  summary: "Mis canales de aviso (push, email, WhatsApp) y mi horario de silencio",
  tag: "notifications",
  permission: "authenticated",
  response: preferencesSchema,
  handler: ({ claims, tenant }) => tenant((tx) => getNotificationPreferences(tx, me(claims))),
});

export const setMyNotificationPreferencesEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/me/notification-preferences",
  summary: "Guarda mis canales de aviso y mi horario de silencio (null vuelve al de la organización); las emergencias llegan siempre",
  tag: "notifications",
  permission: "authenticated",
  body: notificationPreferencesInputSchema,
  response: preferencesSchema,
  handler: ({ body, claims, tenant }) => tenant((tx) => setNotificationPreferences(tx, me(claims), body)),
});

export const registerPushTokenEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/me/push-tokens",
  summary: "Registra (o da de baja) el token de notificaciones push de Expo de este dispositivo",
  tag: "notifications",
  permission: "authenticated",
  body: z.object({ token: z.string().min(1).max(300), action: z.enum(["register", "unregister"]).default("register") }).strict(),
  response: z.object({ devices: z.number().int() }),
  handler: ({ body, claims, tenant }) => tenant((tx) => registerPushToken(tx, me(claims), body)),
});

export const getOrganizationNotificationSettingsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/settings/notifications",
  summary: "Horario de silencio de la organización (avisos no urgentes esperan a que termine)",
  tag: "notifications",
  permission: "settings.read",
  response: z.object({ quietHours, isDefault: z.boolean() }),
  handler: ({ claims, tenant }) => tenant((tx) => getOrganizationNotificationSettings(tx, claims.org)),
});

export const setOrganizationNotificationSettingsEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/settings/notifications",
  summary: "Cambia el horario de silencio de la organización (null vuelve a 21:00–08:00)",
  tag: "notifications",
  permission: "settings.manage",
  body: z.object({ quietHours: quietHoursInputSchema.nullable() }).strict(),
  response: z.object({ quietHours, isDefault: z.boolean() }),
  handler: ({ body, claims, tenant }) => tenant((tx) => setOrganizationQuietHours(tx, me(claims), body.quietHours)),
});
