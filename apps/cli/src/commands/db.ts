import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { env } from "@campotech/core/lib/env";
import { encryptJson, encryptSecret } from "@campotech/core/lib/crypto";
import { adminDb } from "@campotech/core/lib/db";
import { migrate } from "@campotech/database/migrate";
import { backupDatabase, restoreDatabase } from "@campotech/database/backup"; // issue 22 (ops)
import { seedDemo } from "@campotech/database/seed";
import { required, type Command } from "../command";

const toolsDir = fileURLToPath(new URL("../../../../database/tools/", import.meta.url));

export const dbCommands: Command[] = [
  {
    path: ["db", "migrate"],
    summary: "Crea la base si falta, el rol de la aplicación y aplica las migraciones pendientes",
    usage: "campotech db migrate",
    options: {},
    async run() {
      return migrate({ adminUrl: env.DATABASE_ADMIN_URL, appUrl: env.DATABASE_URL });
    },
    human: (r: { applied: string[]; alreadyApplied: string[]; database: string }) =>
      r.applied.length
        ? `Base ${r.database}: aplicadas ${r.applied.length} migraciones (${r.applied.join(", ")}).`
        : `Base ${r.database}: al día (${r.alreadyApplied.length} migraciones ya aplicadas).`,
  },
  {
    path: ["db", "seed"],
    summary: "Carga la organización de demostración (idempotente)",
    usage: "campotech db seed",
    options: {},
    async run() {
      return seedDemo(adminDb(), { seal: (value) => encryptJson(value), sealSecret: (value) => encryptSecret(value) });
    },
    human: (r: { organizationId: string; users: number; customers: number; priceListItems: number }) =>
      `Organización demo "${r.organizationId}": ${r.users} usuarios, ${r.customers} clientes, ${r.priceListItems} ítems de precios.`,
  },
  {
    path: ["db", "diff"],
    summary: "SQL que falta para que las migraciones coincidan con schema.prisma (vacío = sin diferencias)",
    usage: "campotech db diff",
    options: {},
    async run() {
      const result = spawnSync(process.execPath, [`${toolsDir}schema-sql.mjs`, "diff-migrations", "--url", env.DATABASE_ADMIN_URL], {
        encoding: "utf8",
      });
      if (result.status !== 0) throw new Error(result.stderr || "schema-sql failed");
      const sql = result.stdout.trim();
      return { inSync: sql === "-- This is an empty migration.", sql };
    },
    human: (r: { inSync: boolean; sql: string }) =>
      r.inSync ? "schema.prisma y las migraciones coinciden." : `Falta una migración:\n${r.sql}`,
  },
  // issue 22 (ops): backups and the restore drill (docs/deploy.md).
  {
    path: ["db", "backup"],
    summary: "Copia la base (pg_dump en formato custom) a un archivo",
    usage: "campotech db backup --out <archivo.dump>",
    options: { out: { type: "string" } },
    async run(values) {
      return backupDatabase({ adminUrl: env.DATABASE_ADMIN_URL, out: required(values, "out") });
    },
    human: (r: { database: string; file: string; tables: Record<string, number> }) =>
      `Base ${r.database} copiada a ${r.file}: ${Object.keys(r.tables).length} tablas, ${Object.values(r.tables).reduce((a, b) => a + b, 0)} filas.`,
  },
  {
    path: ["db", "restore"],
    summary: "Restaura una copia en una base nueva del mismo servidor, con el rol de la aplicación y sus permisos",
    usage: "campotech db restore --from <archivo.dump> --into <base nueva>",
    options: { from: { type: "string" }, into: { type: "string" } },
    async run(values) {
      return restoreDatabase({ adminUrl: env.DATABASE_ADMIN_URL, appUrl: env.DATABASE_URL, from: required(values, "from"), into: required(values, "into") });
    },
    human: (r: { database: string; tables: Record<string, number>; migrations: { applied: string[] } }) =>
      [
        `Copia restaurada en la base ${r.database}: ${Object.keys(r.tables).length} tablas, ${Object.values(r.tables).reduce((a, b) => a + b, 0)} filas.`,
        r.migrations.applied.length ? `Migraciones aplicadas después de la copia: ${r.migrations.applied.join(", ")}.` : "Migraciones: al día.",
        "Verificá la cadena de auditoría (campotech audit verify) antes de apuntar DATABASE_URL a esta base.",
      ].join("\n"),
  },
];
