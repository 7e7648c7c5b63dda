import { adminDb } from "@campotech/core/lib/db";
import { listPlatformOperators, setPlatformOperator, type PlatformOperatorChange, type PlatformOperatorRow } from "@campotech/core/modules/operators";
import { optional, required, type Command, type Values } from "../command";

const change = (grant: boolean) => (values: Values) =>
  setPlatformOperator(adminDb(), { user: required(values, "user"), grant, ...(optional(values, "org") ? { organizationId: optional(values, "org")! } : {}) });

const describe = (c: PlatformOperatorChange) =>
  `${c.name} ${c.phone} (${c.organizationId}) ${c.platformOperator ? "es operador de la plataforma" : "ya no es operador de la plataforma"}${c.changed ? "." : " (no cambió nada)."}`;

// CampoTech staff who may open /operador (statistics, queues, platform alerts). Only granted from here.
export const operatorCommands: Command[] = [
  {
    path: ["operator", "grant"],
    summary: "Le da acceso a las páginas de operador (/operador) a un usuario del personal de CampoTech",
    usage: "campotech operator grant --user <id|teléfono> [--org <id>]",
    options: { user: { type: "string" }, org: { type: "string" } },
    run: change(true),
    human: describe,
  },
  {
    path: ["operator", "revoke"],
    summary: "Le quita el acceso a las páginas de operador",
    usage: "campotech operator revoke --user <id|teléfono> [--org <id>]",
    options: { user: { type: "string" }, org: { type: "string" } },
    run: change(false),
    human: describe,
  },
  {
    path: ["operator", "list"],
    summary: "Lista los operadores de la plataforma",
    usage: "campotech operator list",
    options: {},
    run: () => listPlatformOperators(adminDb()),
    human: (rows: PlatformOperatorRow[]) =>
      rows.length ? rows.map((r) => `${r.userId}  ${r.name} ${r.phone}  ${r.organizationName} (${r.organizationId})`).join("\n") : "No hay operadores de la plataforma.",
  },
];
