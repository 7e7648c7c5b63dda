import type { z } from "zod";
import type { SqlTx, TenantTx } from "@campotech/database";
import type { AccessTokenClaims, Permission } from "@campotech/core/modules/auth";

// One description per REST endpoint: the route handler, the permission check, request validation, the OpenAPI
// document and the role × endpoint test matrix are all derived from it.
export type EndpointContext<P, Q, B> = {
  request: Request;
  requestId: string;
  params: P;
  query: Q;
  body: B;
  // Present on authenticated endpoints: the caller and a runner for queries inside its organization's RLS context.
  claims: AccessTokenClaims;
  tenant: <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T>;
  // issue 22 (inbox): the same RLS context in plain SQL, for reads written as SQL (the inbox list and thread).
  tenantSql: <T>(fn: (tx: SqlTx) => Promise<T>) => Promise<T>;
};

export type Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string; // OpenAPI style: /api/whatsapp/conversations/{id}
  summary: string;
  tag: string;
  // null: public (login). "authenticated": any signed-in user. Otherwise the permission from the one table in
  // src/modules/auth/permissions.ts.
  permission: Permission | "authenticated" | null;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: number;
  // A streaming endpoint (SSE) returns its own Response.
  stream?: boolean;
  // A binary answer (a file): the content type documented in OpenAPI; the handler returns its own Response.
  binary?: string;
  handler: (ctx: EndpointContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R> | Response>;
};

export function defineEndpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  endpoint: Endpoint<P, Q, B, R>,
): Endpoint<P, Q, B, R> {
  return endpoint;
}
