import { z } from "zod";
import { defineEndpoint } from "../define-endpoint";

export const docsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/docs",
  summary: "Este documento OpenAPI",
  tag: "docs",
  permission: null,
  response: z.object({ openapi: z.string() }).passthrough(),
  async handler() {
    // Imported lazily: the registry imports every endpoint, including this one.
    const [{ ALL_ENDPOINTS }, { buildOpenApiDocument }] = await Promise.all([import("./index"), import("../openapi")]);
    return buildOpenApiDocument(ALL_ENDPOINTS);
  },
});
