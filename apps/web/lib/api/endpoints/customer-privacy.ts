import { z } from "zod";
import { getMediaStorage } from "@campotech/core/modules/media";
import { eraseCustomerData, exportCustomerData, renderCustomerExportHtml } from "@campotech/core/modules/privacy";
import { defineEndpoint } from "../define-endpoint";
import { generatedFileResponse } from "../generated-file-response";

// issue 20 (retention): a customer's rights under Ley 25.326, for the owner only (permission customers.privacy).
const idParams = z.object({ id: z.string().min(1) });

export const exportCustomerDataEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/customers/{id}/data-export",
  summary: "Exporta todo lo que se guarda de un cliente (Ley 25.326): JSON o una página imprimible (formato=html); queda en la auditoría",
  tag: "customers",
  permission: "customers.privacy",
  params: idParams,
  query: z.object({ formato: z.enum(["json", "html"], "El formato es json o html.").default("json") }),
  response: z.string().meta({ description: "JSON con todos los datos, o HTML imprimible" }),
  binary: "application/json",
  async handler({ params, query, claims, tenant, requestId }) {
    const data = await tenant((tx) => exportCustomerData(tx, { organizationId: claims.org, customerId: params.id, actor: { type: "USER", id: claims.sub } }));
    const html = query.formato === "html";
    return generatedFileResponse(html ? renderCustomerExportHtml(data) : JSON.stringify(data, null, 2), {
      contentType: html ? "text/html; charset=utf-8" : "application/json; charset=utf-8", filename: `datos-cliente-${params.id}.${html ? "html" : "json"}`, requestId,
    });
  },
});

const removedSchema = z.record(z.string(), z.number().int());

export const eraseCustomerDataEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/customers/{id}/erase",
  summary: "Elimina los datos personales de un cliente (Ley 25.326); las facturas y la auditoría se conservan; repetirlo no cambia nada; 409 con un trabajo abierto o una factura sin emitir o impaga",
  tag: "customers",
  permission: "customers.privacy",
  params: idParams,
  body: z.object({ confirm: z.literal("ELIMINAR", "Escribí ELIMINAR para confirmar.") }).strict(),
  response: z.object({ customerId: z.string(), alreadyErased: z.boolean(), removed: removedSchema.nullable(), invoicesKept: z.number().int() }),
  handler: ({ params, claims, tenant }) =>
    tenant((tx) => eraseCustomerData(tx, getMediaStorage(), { organizationId: claims.org, customerId: params.id, actor: { type: "USER", id: claims.sub } })),
});
