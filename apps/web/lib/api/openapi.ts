import { z } from "zod";
import { ERROR_CATALOG } from "@campotech/core/lib/errors";
import { APP_VERSION } from "@campotech/core/lib/version";
import type { Endpoint } from "./define-endpoint";

const jsonSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { target: "openapi-3.0", io, unrepresentable: "any" }) as Record<string, unknown>;

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string", enum: Object.keys(ERROR_CATALOG) },
        message: { type: "string", description: "Mensaje para mostrar (es-AR)" },
        fields: { type: "object", additionalProperties: { type: "string" } },
      },
      required: ["code", "message"],
    },
  },
};

function parameters(endpoint: Endpoint): unknown[] {
  const list: unknown[] = [];
  for (const [where, schema] of [["path", endpoint.params], ["query", endpoint.query]] as const) {
    if (!schema) continue;
    const json = jsonSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: property });
    }
  }
  return list;
}

// The OpenAPI 3.0 document, generated from the same zod schemas that validate requests.
export function buildOpenApiDocument(endpoints: readonly Endpoint[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path]![endpoint.method.toLowerCase()] = {
      summary: endpoint.summary,
      tags: [endpoint.tag],
      ...(endpoint.permission
        ? { security: [{ bearer: [] }, { cookie: [] }], "x-permission": endpoint.permission }
        : { security: [] }),
      parameters: parameters(endpoint),
      ...(endpoint.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(endpoint.body, "input") } } } } : {}),
      responses: {
        [String(endpoint.status ?? 200)]: {
          description: "OK",
          content: endpoint.stream
            ? { "text/event-stream": { schema: { type: "string" } } }
            : endpoint.binary
              ? { [endpoint.binary]: { schema: { type: "string", format: "binary" } } }
              : { "application/json": { schema: jsonSchema(endpoint.response, "output") } },
        },
        default: { description: "Error", content: { "application/json": { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: "3.0.3",
    info: { title: "CampoTech API", version: APP_VERSION, description: "API REST de CampoTech. Errores con código y mensaje en español." },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        cookie: { type: "apiKey", in: "cookie", name: "ct_access" },
      },
    },
    paths,
  };
}
