import { z } from "zod";
import { getCustomerOrThrow, listCustomers, updateCustomer } from "@campotech/core/modules/customers";
import { defineEndpoint } from "../define-endpoint";

// Dates leave as ISO 8601 strings (JSON.stringify); the meta tells the OpenAPI document so.
const dateTime = () => z.date().meta({ type: "string", format: "date-time" });

const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable().describe("E.164 (+549…); null para contactos conocidos solo por usuario de WhatsApp"),
  waId: z.string().nullable(),
  profileName: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  email: z.string().nullable(),
  taxDocType: z.number().int().nullable().describe("80 CUIT, 86 CUIL, 96 DNI; null = consumidor final sin identificar"),
  taxDocNumber: z.string().nullable(),
  ivaConditionId: z.number().int().nullable().describe("condición frente al IVA (RG 5616): 1 RI, 4 exento, 5 consumidor final, 6 monotributo…"),
  notes: z.string().nullable(),
  optedOutAt: dateTime().nullable(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

const idParams = z.object({ id: z.string().min(1) });
// CondicionIVAReceptorId values (RG 5616).
const IVA_CONDITION_IDS = [1, 4, 5, 6, 7, 8, 9, 10, 13, 15, 16];
// Empty strings clear optional fields; the name can't be cleared.
const optionalText = (max: number) => z.string().trim().max(max).transform((v) => (v === "" ? null : v)).nullable().optional();

export const listCustomersEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/customers",
  summary: "Lista los clientes; busca por nombre o teléfono (paginado por cursor)",
  tag: "customers",
  permission: "customers.read",
  query: z.object({
    search: z.string().max(100).optional(),
    cursor: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  }),
  response: z.object({ items: z.array(customerSchema), nextCursor: z.string().nullable() }),
  handler: ({ query, tenant }) => tenant((tx) => listCustomers(tx, query)),
});

export const getCustomerEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/customers/{id}",
  summary: "Un cliente",
  tag: "customers",
  permission: "customers.read",
  params: idParams,
  response: customerSchema,
  handler: ({ params, tenant }) => tenant((tx) => getCustomerOrThrow(tx, params.id)),
});

export const updateCustomerEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/customers/{id}",
  summary: "Actualiza nombre, dirección, localidad, notas, email o datos fiscales (documento, condición frente al IVA) de un cliente (queda en la auditoría)",
  tag: "customers",
  permission: "customers.write",
  params: idParams,
  body: z
    .object({
      name: z.string().trim().min(1, "El nombre no puede quedar vacío.").max(120).optional(),
      address: optionalText(200),
      city: optionalText(100),
      notes: optionalText(2000),
      email: z.string().trim().transform((v) => (v === "" ? null : v)).pipe(z.email("El email no es válido.").nullable()).nullable().optional(),
      taxDocType: z.union([z.literal(80), z.literal(86), z.literal(96)]).nullable().optional(),
      taxDocNumber: z.string().trim().max(13).transform((v) => v.replace(/[\s.-]/g, "")).nullable().optional(),
      ivaConditionId: z.number().int().refine((n) => IVA_CONDITION_IDS.includes(n), "Condición frente al IVA inválida.").nullable().optional(),
    })
    .strict(),
  response: customerSchema,
  handler: ({ params, body, claims, tenant }) =>
    tenant((tx) => updateCustomer(tx, { organizationId: claims.org, customerId: params.id, actorId: claims.sub, changes: body })),
});
