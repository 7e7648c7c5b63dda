import { z } from "zod";
import { getWhatsAppUsage, listWhatsAppAccounts, updateAccountCredentials, verifyWhatsAppAccount } from "@campotech/core/modules/whatsapp-accounts";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const idParams = z.object({ id: z.string().min(1) });
const provider = z.enum(["META_DIRECT", "DIALOG_360", "TWILIO"]);

const accountSchema = z.object({
  id: z.string(),
  provider,
  phoneNumberId: z.string().nullable(),
  wabaId: z.string().nullable(),
  displayPhoneNumber: z.string(),
  businessName: z.string().nullable(),
  provisioningStatus: z.enum(["PENDING", "ACTIVE", "SUSPENDED", "RELEASED", "FAILED"]),
  qualityRating: z.string().nullable(),
  messagingLimit: z.string().nullable(),
  lastHealthCheckAt: dateTime().nullable().describe("Última verificación exitosa"),
  suspendedAt: dateTime().nullable(),
  suspensionReason: z.string().nullable(),
  credentials: z.record(z.string(), z.string()).describe('Cada credencial enmascarada ("••••1234"); nunca el valor'),
  webhook: z.object({
    url: z.string().describe("La URL a pegar en la consola del proveedor"),
    statusCallbackUrl: z.string().nullable().describe("Twilio: URL de estados"),
    secretHeader: z.object({ name: z.string(), value: z.string().nullable() }).nullable().describe("360dialog: encabezado con el secreto (enmascarado)"),
  }),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const listWhatsAppAccountsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/accounts",
  summary: "Números de WhatsApp conectados: proveedor, estado, credenciales enmascaradas y la URL de webhook a configurar",
  tag: "whatsapp-accounts",
  permission: "settings.read",
  response: z.object({ items: z.array(accountSchema) }),
  handler: async ({ claims, tenant }) => ({ items: await tenant((tx) => listWhatsAppAccounts(tx, { organizationId: claims.org })) }),
});

export const updateWhatsAppCredentialsEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/whatsapp/accounts/{id}/credentials",
  summary: "Reemplaza las credenciales del proveedor (Meta: accessToken; 360dialog: apiKey y webhookSecret; Twilio: accountSid y authToken). Se guardan cifradas y no se devuelven.",
  tag: "whatsapp-accounts",
  permission: "numbers.manage",
  params: idParams,
  body: z.object({
    credentials: z.record(z.string(), z.unknown(), { error: "Mandá las credenciales del proveedor." }),
    webhookSecret: z.string().min(16, "El secreto del webhook necesita al menos 16 caracteres.").max(200).optional(),
  }).strict(),
  response: accountSchema,
  handler: ({ params, body, claims, tenant }) =>
    tenant((tx) => updateAccountCredentials(tx, {
      organizationId: claims.org, accountId: params.id, actorId: claims.sub, credentials: body.credentials,
      ...(body.webhookSecret !== undefined ? { webhookSecret: body.webhookSecret } : {}),
    })),
});

export const verifyWhatsAppAccountEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/accounts/{id}/verify",
  summary: "Prueba la conexión con el proveedor usando las credenciales guardadas",
  tag: "whatsapp-accounts",
  permission: "numbers.manage",
  params: idParams,
  response: z.object({ ok: z.boolean(), detail: z.string().describe("Resultado en castellano"), checkedAt: dateTime() }),
  handler: ({ params, claims }) => verifyWhatsAppAccount({ organizationId: claims.org, accountId: params.id, actor: { type: "USER", id: claims.sub } }),
});

const limit = z.number().int().nullable().describe("null = sin límite");
export const getWhatsAppUsageEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/usage",
  summary: "Consumo del mes (hora de Buenos Aires): mensajes enviados y conversaciones con IA contra el límite del plan",
  tag: "whatsapp-accounts",
  permission: "settings.read",
  response: z.object({
    tier: z.enum(["FREE", "INICIAL", "PROFESIONAL", "EMPRESARIAL", "ENTERPRISE"]),
    periodStart: dateTime(),
    messages: z.object({
      used: z.number().int(), limit, percent: z.number().int().nullable(),
      accounts: z.array(z.object({ accountId: z.string(), displayPhoneNumber: z.string(), used: z.number().int(), limit })).describe("El límite se aplica a cada número"),
    }),
    aiConversations: z.object({ used: z.number().int(), limit, percent: z.number().int().nullable() }),
  }),
  handler: ({ claims, tenant }) => tenant((tx) => getWhatsAppUsage(tx, { organizationId: claims.org })),
});
