import { z } from "zod";
import { safeText } from "@campotech/core/lib/sanitize-text";
import {
  addCustomerAddress,
  getCustomerOrThrow,
  listCustomerAddresses,
  listCustomers,
  MAX_TAG_LENGTH,
  mergeCustomers,
  removeCustomerAddress,
  setCustomerTags,
  updateCustomer,
  updateCustomerAddress,
} from "@campotech/core/modules/customers";
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
  tags: z.array(z.string()).describe("etiquetas en minúsculas, sin repetir (hasta 20)"),
  mergedIntoId: z.string().nullable().describe("si se unió a otro cliente: el id del que quedó"),
  mergedAt: dateTime().nullable(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

const addressSchema = z.object({
  id: z.string(),
  label: z.string().nullable(),
  street: z.string(),
  floorApartment: z.string().nullable(),
  locality: z.string().nullable(),
  references: z.string().nullable(),
  isDefault: z.boolean().describe("la predeterminada se copia en address/city del cliente"),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

const idParams = z.object({ id: z.string().min(1) });
// CondicionIVAReceptorId values (RG 5616).
const IVA_CONDITION_IDS = [1, 4, 5, 6, 7, 8, 9, 10, 13, 15, 16];
// Empty strings clear optional fields; the name can't be cleared.
const optionalText = (max: number) => safeText().max(max).transform((v) => (v === "" ? null : v)).nullable().optional();

export const listCustomersEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/customers",
  summary: "Lista los clientes (sin los unidos a otro); busca por nombre o teléfono y filtra por etiqueta (paginado por cursor)",
  tag: "customers",
  permission: "customers.read",
  query: z.object({
    search: z.string().max(100).optional(),
    tag: z.string().max(MAX_TAG_LENGTH + 10).optional(),
    cursor: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  }),
  response: z.object({ items: z.array(customerSchema), nextCursor: z.string().nullable() }),
  handler: ({ query, tenant }) => tenant((tx) => listCustomers(tx, query)),
});

export const getCustomerEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/customers/{id}",
  summary: "Un cliente, con su libreta de direcciones",
  tag: "customers",
  permission: "customers.read",
  params: idParams,
  response: customerSchema.extend({ addresses: z.array(addressSchema) }),
  handler: ({ params, tenant }) =>
    tenant(async (tx) => {
      const customer = await getCustomerOrThrow(tx, params.id);
      return { ...customer, addresses: await listCustomerAddresses(tx, customer.id) };
    }),
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
      name: safeText().min(1, "El nombre no puede quedar vacío.").max(120).optional(),
      address: optionalText(200),
      city: optionalText(100),
      notes: optionalText(2000),
      email: safeText().transform((v) => (v === "" ? null : v)).pipe(z.email("El email no es válido.").nullable()).nullable().optional(),
      taxDocType: z.union([z.literal(80), z.literal(86), z.literal(96)]).nullable().optional(),
      taxDocNumber: safeText().max(13).transform((v) => v.replace(/[\s.-]/g, "")).nullable().optional(),
      ivaConditionId: z.number().int().refine((n) => IVA_CONDITION_IDS.includes(n), "Condición frente al IVA inválida.").nullable().optional(),
    })
    .strict(),
  response: customerSchema,
  handler: ({ params, body, claims, tenant }) =>
    tenant((tx) => updateCustomer(tx, { organizationId: claims.org, customerId: params.id, actorId: claims.sub, changes: body })),
});

const tagList = z.array(z.string().max(200)).max(40);

export const setCustomerTagsEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/customers/{id}/tags",
  summary: "Agrega y/o saca etiquetas (se guardan en minúsculas, hasta 30 caracteres y 20 por cliente); repetir el pedido no cambia nada",
  tag: "customers",
  permission: "customers.write",
  params: idParams,
  body: z.object({ add: tagList.optional(), remove: tagList.optional() }).strict(),
  response: customerSchema,
  handler: ({ params, body, claims, tenant }) =>
    tenant((tx) => setCustomerTags(tx, { organizationId: claims.org, customerId: params.id, actorId: claims.sub, changes: body })),
});

const addressFields = {
  label: optionalText(40),
  street: safeText().min(1, "Falta la calle y el número.").max(200),
  floorApartment: optionalText(40),
  locality: optionalText(100),
  references: optionalText(300),
};
const addressParams = z.object({ id: z.string().min(1), addressId: z.string().min(1) });

export const listCustomerAddressesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/customers/{id}/addresses",
  summary: "La libreta de direcciones de un cliente (la predeterminada primero)",
  tag: "customers",
  permission: "customers.read",
  params: idParams,
  response: z.object({ items: z.array(addressSchema) }),
  handler: ({ params, tenant }) =>
    tenant(async (tx) => ({ items: await listCustomerAddresses(tx, (await getCustomerOrThrow(tx, params.id)).id) })),
});

export const addCustomerAddressEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/customers/{id}/addresses",
  summary: "Agrega una dirección (la primera queda como predeterminada; la misma dirección dos veces es una sola)",
  tag: "customers",
  permission: "customers.write",
  params: idParams,
  body: z.object({ ...addressFields, makeDefault: z.boolean().optional() }).strict(),
  response: addressSchema,
  status: 201,
  handler: ({ params, body: { makeDefault, ...address }, claims, tenant }) =>
    tenant((tx) => addCustomerAddress(tx, { organizationId: claims.org, customerId: params.id, actorId: claims.sub, address, ...(makeDefault ? { makeDefault } : {}) })),
});

export const updateCustomerAddressEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/customers/{id}/addresses/{addressId}",
  summary: "Edita una dirección o la hace predeterminada (isDefault: true); la predeterminada se copia en el cliente",
  tag: "customers",
  permission: "customers.write",
  params: addressParams,
  body: z.object({ ...addressFields, street: addressFields.street.optional(), isDefault: z.literal(true).optional() }).strict(),
  response: addressSchema,
  handler: ({ params, body, claims, tenant }) =>
    tenant((tx) => updateCustomerAddress(tx, { organizationId: claims.org, customerId: params.id, addressId: params.addressId, actorId: claims.sub, changes: body })),
});

export const removeCustomerAddressEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/customers/{id}/addresses/{addressId}",
  summary: "Borra una dirección (si era la predeterminada, pasa a serlo la más antigua que quede)",
  tag: "customers",
  permission: "customers.write",
  params: addressParams,
  response: z.object({ removed: z.literal(true) }),
  handler: ({ params, claims, tenant }) =>
    tenant((tx) => removeCustomerAddress(tx, { organizationId: claims.org, customerId: params.id, addressId: params.addressId, actorId: claims.sub })),
});

const holdingsSchema = z.object({
  conversations: z.number().int(), messages: z.number().int(), jobs: z.number().int(), leads: z.number().int(),
  invoices: z.number().int(), paymentLinks: z.number().int(), payments: z.number().int(), addresses: z.number().int(),
});

export const mergeCustomerEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/customers/{id}/merge",
  summary: "Une un cliente duplicado en este (el que queda): pasan conversaciones, trabajos, oportunidades, facturas, pagos y direcciones; repetirlo no cambia nada",
  tag: "customers",
  permission: "customers.write",
  params: idParams,
  body: z.object({ duplicateId: z.string().min(1, "Elegí el cliente duplicado.") }).strict(),
  response: z.object({ survivor: customerSchema, duplicateId: z.string(), alreadyMerged: z.boolean(), moved: holdingsSchema.nullable() }),
  handler: ({ params, body, claims, tenant }) =>
    tenant((tx) => mergeCustomers(tx, { organizationId: claims.org, actorId: claims.sub, survivorId: params.id, duplicateId: body.duplicateId })),
});
