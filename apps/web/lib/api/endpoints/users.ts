import { z } from "zod";
import { acceptInvitation, INVITABLE_ROLES, inviteUser, listTeam, resendInvitation, revokeInvitation, updateUserAccess } from "@campotech/core/modules/users";
import { clientIpOf } from "../../client-ip";
import { defineEndpoint } from "../define-endpoint";
import { sessionResponse, sessionSchema, wantsBodyTokens } from "./auth";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const ROLES = ["OWNER", "ADMIN", "DISPATCHER", "TECHNICIAN", "VIEWER"] as const;
const INVITATION_STATUSES = ["PENDING", "ACCEPTED", "REVOKED", "EXPIRED"] as const;

const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().describe("E.164 (+549…)"),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  isActive: z.boolean(),
  createdAt: dateTime(),
  lastActiveAt: dateTime().nullable().describe("último uso de la API (se actualiza como mucho una vez por minuto)"),
  schedule: z.string().nullable().describe("horario semanal de un técnico en una línea (\"Lun a Vie 08:00–18:00\")"),
});

const invitationSchema = z.object({
  id: z.string(),
  phone: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(INVITATION_STATUSES),
  expiresAt: dateTime(),
  sentCount: z.number().int(),
  createdAt: dateTime(),
});

const invitationSentSchema = z.object({
  invitation: invitationSchema,
  delivery: z.object({ channel: z.enum(["whatsapp", "sms", "none"]) }).describe("por dónde salió el código (none: no se pudo mandar; reenviala)"),
});

const idParams = z.object({ id: z.string().min(1) });
const actorOf = (claims: { sub: string; role: (typeof ROLES)[number] }) => ({ userId: claims.sub, role: claims.role });
const sent = (r: Awaited<ReturnType<typeof inviteUser>>) => ({ invitation: r.invitation, delivery: { channel: r.delivery.channel } });

export const listUsersEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/users",
  summary: "El equipo de la organización (activos primero) con su última actividad y horario, y las invitaciones pendientes",
  tag: "users",
  permission: "users.manage",
  response: z.object({ items: z.array(userSchema), invitations: z.array(invitationSchema) }),
  handler: async ({ tenant }) => {
    const team = await tenant((tx) => listTeam(tx));
    return { items: team.users, invitations: team.invitations };
  },
});

export const updateUserEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/users/{id}",
  summary: "Cambia el rol de alguien del equipo o le quita (o devuelve) el acceso; sus sesiones abiertas se cortan en el momento. Al desactivar, sus trabajos por delante quedan para reasignar (flaggedJobs)",
  tag: "users",
  permission: "users.manage",
  params: idParams,
  body: z
    .object({ role: z.enum(ROLES).optional(), isActive: z.boolean().optional() })
    .strict()
    .refine((b) => b.role !== undefined || b.isActive !== undefined, { message: "Indicá el rol o si la persona tiene acceso." }),
  response: z.object({ id: z.string(), role: z.enum(ROLES), isActive: z.boolean(), flaggedJobs: z.number().int().describe("trabajos que quedaron para reasignar") }),
  handler: ({ params, body, claims }) =>
    updateUserAccess({
      organizationId: claims.org,
      userId: params.id,
      change: { ...(body.role ? { role: body.role } : {}), ...(body.isActive !== undefined ? { isActive: body.isActive } : {}) },
      actor: { userId: claims.sub, role: claims.role },
    }),
});

// issue 19 (team): invitations.
export const createInvitationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/users/invitations",
  summary: "Invita a alguien al equipo: le llega un código de 6 dígitos por WhatsApp (o SMS) válido 72 horas para sumarse en /unirme",
  tag: "users",
  permission: "users.manage",
  body: z.object({ phone: z.string().min(1).max(30), name: z.string().max(80), role: z.enum(INVITABLE_ROLES) }),
  response: invitationSentSchema,
  status: 201,
  handler: async ({ body, claims }) => sent(await inviteUser(claims.org, actorOf(claims), body)),
});

export const resendInvitationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/users/invitations/{id}/resend",
  summary: "Manda un código nuevo (el anterior deja de servir) y renueva las 72 horas; hasta 5 envíos por invitación",
  tag: "users",
  permission: "users.manage",
  params: idParams,
  response: invitationSentSchema,
  handler: async ({ params, claims }) => sent(await resendInvitation(claims.org, actorOf(claims), params.id)),
});

export const revokeInvitationEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/users/invitations/{id}",
  summary: "Cancela una invitación: su código deja de servir",
  tag: "users",
  permission: "users.manage",
  params: idParams,
  response: invitationSchema,
  handler: ({ params, claims }) => revokeInvitation(claims.org, actorOf(claims), params.id),
});

export const acceptInvitationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/invitations/accept",
  summary: "Público: con el celular invitado y el código, crea (o reactiva) a la persona en el equipo y abre su sesión (cookies, o tokens en el cuerpo con x-session-transport: body)",
  tag: "users",
  permission: null,
  body: z.object({ phone: z.string().min(6, "Ingresá tu celular.").max(30), code: z.string().trim().regex(/^\d{6}$/, "El código tiene 6 dígitos.") }),
  response: sessionSchema.extend({ organizationName: z.string() }),
  async handler({ body, request }) {
    const { organizationName, ...session } = await acceptInvitation({ ...body, ip: clientIpOf(request) });
    return sessionResponse(session, wantsBodyTokens(request), { organizationName });
  },
});
