import { z } from "zod";
import { sharedRedis } from "@campotech/core/lib/redis";
import {
  enforceProvisioningLimit, getProvisioningState, listAvailableNumbers, releaseProvisioning, reserveNumber, sendVerificationCode, verifyCode,
} from "@campotech/core/modules/number-provisioning";
import { defineEndpoint } from "../define-endpoint";

// issue 19 (provisioning): the owner's wizard for a WhatsApp number from CampoTech (360dialog Partner API). Every
// step calls the partner, so each is rate-limited per organization; the use-cases audit every change.

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const STATUS = z.enum(["NOT_STARTED", "PENDING_NUMBER_SELECTION", "PENDING_VERIFICATION", "ACTIVE", "SUSPENDED", "RELEASED"]);

const viewSchema = z.object({
  id: z.string().nullable(),
  status: STATUS,
  areaCode: z.string().nullable(),
  phoneNumber: z.string().nullable().describe("E.164 (+54…)"),
  phoneNumberDisplay: z.string().nullable().describe('Para mostrar: "351 555-0001"'),
  reservedUntil: dateTime().nullable().describe("Hasta cuándo está reservado el número"),
  verificationPhone: z.string().nullable().describe('Celular del dueño al que fue el SMS, enmascarado ("•••• 5555")'),
  verificationSentAt: dateTime().nullable(),
  verificationExpiresAt: dateTime().nullable(),
  attemptsLeft: z.number().int(),
  resendsLeft: z.number().int(),
  resendAvailableAt: dateTime().nullable(),
  accountId: z.string().nullable().describe("La cuenta de WhatsApp creada al activarse"),
  activatedAt: dateTime().nullable(),
  suspendedAt: dateTime().nullable(),
  releasedAt: dateTime().nullable(),
  lastError: z.string().nullable().describe("Por qué volvió atrás (reserva vencida) o qué falta"),
});

const actor = (sub: string) => ({ type: "USER" as const, id: sub });

export const getProvisioningEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/settings/whatsapp/provisioning",
  summary: "Estado del número de WhatsApp que da CampoTech (plan Profesional o superior)",
  tag: "number-provisioning",
  permission: "numbers.manage",
  response: viewSchema.extend({ planIncludes: z.boolean(), upsell: z.string().nullable().describe("Mensaje para mejorar el plan, si no lo incluye") }),
  handler: ({ claims }) => getProvisioningState(claims.org),
});

export const listProvisioningNumbersEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/settings/whatsapp/provisioning/numbers",
  summary: "Números disponibles para un código de área (11, 351, 261, 341, 221…)",
  tag: "number-provisioning",
  permission: "numbers.manage",
  query: z.object({ areaCode: z.string({ error: "Indicá el código de área." }).min(1, "Indicá el código de área.").max(5) }),
  response: z.object({ items: z.array(z.object({ id: z.string(), phoneNumber: z.string(), display: z.string(), areaCode: z.string() })) }),
  handler: async ({ query, claims }) => {
    await enforceProvisioningLimit(sharedRedis(), "list", claims.org);
    return { items: await listAvailableNumbers(claims.org, { areaCode: query.areaCode }) };
  },
});

export const reserveProvisioningNumberEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/settings/whatsapp/provisioning/reserve",
  summary: "Reserva un número por 5 minutos (si ya hay una reserva vigente, devuelve esa)",
  tag: "number-provisioning",
  permission: "numbers.manage",
  body: z.object({ numberId: z.string({ error: "Elegí un número de la lista." }).min(1, "Elegí un número de la lista.").max(100) }).strict(),
  response: viewSchema,
  handler: async ({ body, claims }) => {
    await enforceProvisioningLimit(sharedRedis(), "reserve", claims.org);
    return reserveNumber(claims.org, { numberId: body.numberId }, actor(claims.sub));
  },
});

export const sendProvisioningCodeEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/settings/whatsapp/provisioning/send-code",
  summary: "Manda (o reenvía) por SMS el código de 6 números al celular del dueño; vale 10 minutos",
  tag: "number-provisioning",
  permission: "numbers.manage",
  response: viewSchema,
  handler: async ({ claims }) => {
    await enforceProvisioningLimit(sharedRedis(), "sendCode", claims.org);
    return sendVerificationCode(claims.org, actor(claims.sub));
  },
});

export const verifyProvisioningCodeEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/settings/whatsapp/provisioning/verify",
  summary: "Verifica el código del SMS; si es correcto, el número queda activo y listo para mandar mensajes",
  tag: "number-provisioning",
  permission: "numbers.manage",
  body: z.object({ code: z.string({ error: "Ingresá el código del SMS." }).min(1, "Ingresá el código del SMS.").max(12) }).strict(),
  response: viewSchema,
  handler: async ({ body, claims }) => {
    await enforceProvisioningLimit(sharedRedis(), "verify", claims.org);
    return verifyCode(claims.org, { code: body.code }, actor(claims.sub));
  },
});

export const releaseProvisioningEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/settings/whatsapp/provisioning/release",
  summary: "Libera el número (reservado o activo): vuelve a 360dialog y la cuenta de WhatsApp queda liberada",
  tag: "number-provisioning",
  permission: "numbers.manage",
  response: viewSchema,
  handler: async ({ claims }) => {
    await enforceProvisioningLimit(sharedRedis(), "release", claims.org);
    return releaseProvisioning(claims.org, actor(claims.sub));
  },
});
