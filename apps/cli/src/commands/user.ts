import { adminDb } from "@campotech/core/lib/db";
import { issueOperatorToken } from "@campotech/core/modules/auth";
import { addUser, inviteUser, parseRole, updateUserAccess } from "@campotech/core/modules/users";
import { optional, required, type Command } from "../command";

// `user deactivate` and `user reactivate`: the same change with the flag set one way or the other.
function activeCommand(word: string, summary: string, isActive: boolean, done: string): Command {
  return {
    path: ["user", word],
    summary,
    usage: `campotech user ${word} --org <id> --user <id>`,
    options: { org: { type: "string" }, user: { type: "string" } },
    run: (values) =>
      updateUserAccess({ organizationId: required(values, "org"), userId: required(values, "user"), change: { isActive }, actor: { operator: true } }),
    human: (u: { id: string }) => `${done}: ${u.id}`,
  };
}

export const userCommands: Command[] = [
  {
    path: ["user", "add"],
    summary: "Agrega un usuario a una organización",
    usage: "campotech user add --org <id> --phone <tel> --name <nombre> --role <OWNER|ADMIN|DISPATCHER|TECHNICIAN|VIEWER> [--email <mail>]",
    options: { org: { type: "string" }, phone: { type: "string" }, name: { type: "string" }, role: { type: "string" }, email: { type: "string" } },
    async run(values) {
      const user = await addUser(adminDb(), {
        organizationId: required(values, "org"),
        phone: required(values, "phone"),
        name: required(values, "name"),
        role: required(values, "role"),
        ...(optional(values, "email") ? { email: optional(values, "email")! } : {}),
      });
      return { id: user.id, organizationId: user.organizationId, phone: user.phone, name: user.name, role: user.role };
    },
    human: (u: { id: string; phone: string; name: string; role: string }) => `Usuario creado: ${u.name} ${u.phone} (${u.role})\n  id: ${u.id}`,
  },
  {
    path: ["user", "role"],
    summary: "Cambia el rol de un usuario (sus sesiones abiertas se cortan en el momento)",
    usage: "campotech user role --org <id> --user <id> --role <OWNER|ADMIN|DISPATCHER|TECHNICIAN|VIEWER>",
    options: { org: { type: "string" }, user: { type: "string" }, role: { type: "string" } },
    run: (values) =>
      updateUserAccess({
        organizationId: required(values, "org"),
        userId: required(values, "user"),
        change: { role: parseRole(required(values, "role")) },
        actor: { operator: true },
      }),
    human: (u: { id: string; role: string }) => `Rol actualizado: ${u.id} ahora es ${u.role}`,
  },
  activeCommand("deactivate", "Le quita el acceso a un usuario: corta sus sesiones y revoca sus tokens de renovación", false, "Usuario desactivado"),
  activeCommand("reactivate", "Le devuelve el acceso a un usuario desactivado", true, "Usuario reactivado"),
  // issue 19 (team): the same invitation the team page sends (code by WhatsApp or SMS, joined on /unirme).
  {
    path: ["user", "invite"],
    summary: "Invita a alguien al equipo: le llega un código para sumarse en /unirme (72 horas)",
    usage: "campotech user invite --org <id> --phone <tel> --name <nombre> --role <ADMIN|DISPATCHER|TECHNICIAN|VIEWER>",
    options: { org: { type: "string" }, phone: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
    async run(values) {
      const { invitation, delivery } = await inviteUser(required(values, "org"), { operator: true }, {
        phone: required(values, "phone"),
        name: required(values, "name"),
        role: required(values, "role"),
      });
      return { ...invitation, expiresAt: invitation.expiresAt.toISOString(), createdAt: invitation.createdAt.toISOString(), channel: delivery.channel };
    },
    human: (i: { id: string; name: string; phone: string; role: string; channel: string; expiresAt: string }) =>
      `${i.channel === "none" ? "Invitación creada, pero el código no salió (probá reenviarla desde el panel)" : `Invitación enviada por ${i.channel === "sms" ? "SMS" : "WhatsApp"}`}: ${i.name} ${i.phone} (${i.role})\n  id: ${i.id}\n  vence: ${i.expiresAt}`,
  },
  {
    path: ["token"],
    summary: "Imprime un token de acceso (JWT) para un usuario — para operadores y pruebas automáticas",
    usage: "campotech token --user <id|teléfono> [--org <id>] [--ttl <segundos>]",
    options: { user: { type: "string" }, org: { type: "string" }, ttl: { type: "string" } },
    async run(values) {
      const ttl = optional(values, "ttl");
      const result = await issueOperatorToken(adminDb(), {
        user: required(values, "user"),
        ...(optional(values, "org") ? { organizationId: optional(values, "org")! } : {}),
        ...(ttl ? { ttlSeconds: Number(ttl) } : {}),
      });
      return { ...result, expiresAt: result.expiresAt.toISOString() };
    },
    // Only the token on stdout so that `$(pnpm -s campotech token --user …)` works in scripts.
    human: (r: { token: string }) => r.token,
  },
];
