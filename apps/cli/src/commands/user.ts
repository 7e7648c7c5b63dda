import { adminDb } from "@campotech/core/lib/db";
import { issueOperatorToken } from "@campotech/core/modules/auth";
import { addUser } from "@campotech/core/modules/users";
import { optional, required, type Command } from "../command";

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
