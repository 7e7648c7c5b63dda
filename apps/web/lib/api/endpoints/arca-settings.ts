import { z } from "zod";
import { sharedRedis } from "@campotech/core/lib/redis";
import { arcaSettingsSchema, checkArcaConnection, createArcaCsr, getArcaSettings, installArcaCertificate, saveArcaSettings } from "@campotech/core/modules/invoicing";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });

const settingsSchema = z
  .object({
    environment: z.enum(["HOMOLOGACION", "PRODUCCION"]),
    cuit: z.string(),
    pointOfSale: z.number().int().nullable(),
    issuerCondition: z.enum(["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO"]),
    businessName: z.string(),
    businessAddress: z.string(),
    grossIncomeNumber: z.string().nullable(),
    activityStartDate: z.string().nullable(),
    certificate: z.object({ subject: z.string().nullable(), notAfter: dateTime().nullable(), fingerprint: z.string().nullable() }).nullable().describe("nunca la clave privada"),
    pendingCsr: z.string().nullable().describe("el pedido de certificado (CSR) generado, para subir a ARCA"),
    lastCheckAt: dateTime().nullable(),
    lastCheck: z.unknown(),
  })
  .nullable();

const checkSchema = z.object({
  ok: z.boolean(),
  steps: z.array(z.object({ step: z.string(), ok: z.boolean(), detail: z.string() })),
  lastNumbers: z.array(z.object({ voucherType: z.number().int(), number: z.number().int() })),
});

export const getArcaSettingsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/settings/arca",
  summary: "La conexión con ARCA: datos fiscales, ambiente, punto de venta y el certificado (sin la clave)",
  tag: "invoices",
  permission: "settings.read",
  response: settingsSchema,
  handler: ({ claims, tenant }) => tenant((tx) => getArcaSettings(tx, claims.org)),
});

export const saveArcaSettingsEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/settings/arca",
  summary: "Guarda los datos fiscales, el ambiente (homologación o producción) y el punto de venta",
  tag: "invoices",
  permission: "settings.manage",
  body: arcaSettingsSchema,
  response: settingsSchema,
  handler: ({ body, claims, tenant }) => tenant((tx) => saveArcaSettings(tx, claims.org, body, { type: "USER", userId: claims.sub })),
});

export const createArcaCsrEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/settings/arca/csr",
  summary: "Genera la clave y el pedido de certificado (CSR) para subir a ARCA; la clave queda cifrada esperando el certificado",
  tag: "invoices",
  permission: "settings.manage",
  status: 201,
  body: z.object({ commonName: z.string().trim().regex(/^[A-Za-z0-9 ._-]{1,40}$/, "Letras, números y espacios, hasta 40.").optional() }).strict().optional(),
  response: z.object({ csrPem: z.string() }),
  handler: ({ body, claims, tenant }) => tenant((tx) => createArcaCsr(tx, claims.org, { ...(body?.commonName ? { commonName: body.commonName } : {}) }, { type: "USER", userId: claims.sub })),
});

export const installArcaCertificateEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/settings/arca/certificate",
  summary: "Instala el certificado que entregó ARCA (PEM), con su clave privada si no se generó el pedido desde CampoTech",
  tag: "invoices",
  permission: "settings.manage",
  body: z.object({ certificatePem: z.string().min(100, "Pegá el certificado completo (-----BEGIN CERTIFICATE----- …).").max(20_000), privateKeyPem: z.string().max(20_000).optional() }).strict(),
  response: settingsSchema,
  handler: ({ body, claims, tenant }) => tenant((tx) => installArcaCertificate(tx, claims.org, body, { type: "USER", userId: claims.sub })),
});

export const checkArcaConnectionEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/settings/arca/check",
  summary: "Prueba la conexión: servicio (FEDummy), certificado (WSAA), punto de venta y último comprobante autorizado",
  tag: "invoices",
  permission: "settings.manage",
  response: checkSchema,
  handler: ({ claims }) => checkArcaConnection(claims.org, { redis: sharedRedis(), now: () => Date.now() }),
});
