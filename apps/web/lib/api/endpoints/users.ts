import { z } from "zod";
import { listUsers, updateUserAccess } from "@campotech/core/modules/users";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const ROLES = ["OWNER", "ADMIN", "DISPATCHER", "TECHNICIAN", "VIEWER"] as const;

const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().describe("E.164 (+549…)"),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  isActive: z.boolean(),
  createdAt: dateTime(),
});

export const listUsersEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/users",
  summary: "El equipo de la organización (activos primero)",
  tag: "users",
  permission: "users.manage",
  response: z.object({ items: z.array(userSchema) }),
  handler: async ({ tenant }) => ({ items: await tenant((tx) => listUsers(tx)) }),
});

export const updateUserEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/users/{id}",
  summary: "Cambia el rol de alguien del equipo o le quita (o devuelve) el acceso; sus sesiones abiertas se cortan en el momento",
  tag: "users",
  permission: "users.manage",
  params: z.object({ id: z.string().min(1) }),
  body: z
    .object({ role: z.enum(ROLES).optional(), isActive: z.boolean().optional() })
    .strict()
    .refine((b) => b.role !== undefined || b.isActive !== undefined, { message: "Indicá el rol o si la persona tiene acceso." }),
  response: z.object({ id: z.string(), role: z.enum(ROLES), isActive: z.boolean() }),
  handler: ({ params, body, claims }) =>
    updateUserAccess({
      organizationId: claims.org,
      userId: params.id,
      change: { ...(body.role ? { role: body.role } : {}), ...(body.isActive !== undefined ? { isActive: body.isActive } : {}) },
      actor: { userId: claims.sub, role: claims.role },
    }),
});
