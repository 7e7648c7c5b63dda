import { z } from "zod";
import { withTenant } from "@campotech/core/lib/db";
import { sharedRedis } from "@campotech/core/lib/redis";
import {
  disconnectMercadoPago,
  getMercadoPagoConnection,
  paymentSettings,
  paymentSettingsSchema,
  startMercadoPagoConnection,
  updatePaymentSettings,
} from "@campotech/core/modules/payments";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });

const settingsSchema = z.object({
  connection: z
    .object({
      status: z.enum(["ACTIVE", "REVOKED", "DISCONNECTED"]),
      mpUserId: z.string(),
      nickname: z.string().nullable(),
      liveMode: z.boolean(),
      expiresAt: dateTime(),
      connectedAt: dateTime(),
      refreshedAt: dateTime().nullable(),
      lastError: z.string().nullable(),
    })
    .nullable()
    .describe("la cuenta de MercadoPago vinculada (nunca los tokens)"),
  reminders: paymentSettingsSchema,
});

async function readSettings(organizationId: string) {
  const organization = await withTenant(organizationId, (tx) => tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } }));
  return { connection: await getMercadoPagoConnection(organizationId), reminders: paymentSettings(organization.settings) };
}

export const getMercadoPagoSettingsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/settings/mercadopago",
  summary: "La cuenta de MercadoPago vinculada y los recordatorios de pago",
  tag: "payments",
  permission: "settings.read",
  response: settingsSchema,
  handler: ({ claims }) => readSettings(claims.org),
});

export const updateMercadoPagoSettingsEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/settings/mercadopago",
  summary: "Recordatorios de pago: si se mandan, a cuántos días de autorizada la factura (y entre uno y otro) y cuántos como máximo",
  tag: "payments",
  permission: "settings.manage",
  body: paymentSettingsSchema.partial().strict(),
  response: settingsSchema,
  async handler({ body, claims }) {
    await updatePaymentSettings(claims.org, claims.sub, body);
    return readSettings(claims.org);
  },
});

export const connectMercadoPagoEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/settings/mercadopago/connect",
  summary: "«Conectar MercadoPago»: la URL de autorización (OAuth con state atado a esta organización y persona, y PKCE); el navegador va ahí",
  tag: "payments",
  permission: "settings.manage",
  status: 201,
  response: z.object({ url: z.string() }),
  handler: ({ claims }) => startMercadoPagoConnection(sharedRedis(), { organizationId: claims.org, userId: claims.sub }),
});

export const disconnectMercadoPagoEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/settings/mercadopago",
  summary: "Desvincula la cuenta de MercadoPago (se borran los tokens); los links ya mandados dejan de seguirse",
  tag: "payments",
  permission: "settings.manage",
  response: z.object({ disconnected: z.literal(true) }),
  async handler({ claims }) {
    await disconnectMercadoPago(claims.org, claims.sub);
    return { disconnected: true as const };
  },
});
