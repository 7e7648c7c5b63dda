#!/usr/bin/env node
// Turns schema.prisma into migration SQL without Prisma's native schema engine (which cannot be downloaded
// on our machines): it drives @prisma/schema-engine-wasm, the same engine build prisma 7.10.0 uses.
//
//   node tools/schema-sql.mjs diff-empty       --url <admin url>   full SQL for an empty database
//   node tools/schema-sql.mjs diff-migrations  --url <admin url>   SQL from committed migrations to schema.prisma
//                                                                  ("-- This is an empty migration." = no drift)
// The url is an owner/superuser connection: the engine creates and drops a temporary shadow database.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const here = path.dirname(new URL(import.meta.url).pathname);
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string" },
    schema: { type: "string", default: path.join(here, "..", "schema.prisma") },
    migrations: { type: "string", default: path.join(here, "..", "migrations") },
  },
});
const command = positionals[0];
if (!["diff-empty", "diff-migrations"].includes(command ?? "") || !values.url) {
  console.error("usage: schema-sql.mjs <diff-empty|diff-migrations> --url postgresql://owner@host/db");
  process.exit(2);
}

// adapter-pg cannot map pg_catalog's internal "char" type (OID 18) that the engine's introspection reads.
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function (fields) {
  for (const field of fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
  return addFields.call(this, fields);
};

// Node 20 cannot import .wasm modules: instantiate the wasm-bindgen output by hand.
async function loadSchemaEngine() {
  const bindingsUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(bindingsUrl);
  const wasmPath = path.join(path.dirname(new URL(bindingsUrl).pathname), "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), {
    "./schema_engine_bg.js": bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings.SchemaEngine;
}

function migrationsList(dir) {
  const baseDir = path.resolve(dir);
  const dirs = fs.existsSync(baseDir)
    ? fs.readdirSync(baseDir).filter((d) => fs.statSync(path.join(baseDir, d)).isDirectory()).sort()
    : [];
  const lock = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    shadowDbInitScript: "",
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lock) ? fs.readFileSync(lock, "utf8") : null },
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(baseDir, d, "migration.sql"), "utf8") },
      },
    })),
  };
}

const schemaContent = fs.readFileSync(values.schema, "utf8");
const files = [{ path: path.resolve(values.schema), content: schemaContent }];
// Discrete connection fields: with a connectionString the engine's shadow database would be the main one.
const url = new URL(values.url);
const factory = new PrismaPg({
  host: url.hostname,
  port: Number(url.port || 5432),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  database: url.pathname.slice(1),
  idleTimeoutMillis: 100,
});
// adapter-pg's executeScript splits scripts on every ";" (even inside comments and function bodies). Postgres
// runs a multi-statement script in one simple query, exactly as our migration runner applies it.
function runScriptsWhole(adapter) {
  adapter.executeScript = async function (script) {
    try {
      await this.underlyingDriver().query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  return adapter;
}
for (const method of ["connect", "connectToShadowDb"]) {
  const original = factory[method].bind(factory);
  factory[method] = async (...args) => runScriptsWhole(await original(...args));
}
const SchemaEngine = await loadSchemaEngine();
const engine = await SchemaEngine.new(
  { datamodels: [[files[0].path, schemaContent]] },
  () => {},
  bindMigrationAwareSqlAdapterFactory(factory),
);
const from = command === "diff-empty" ? { tag: "empty" } : { tag: "migrations", ...migrationsList(values.migrations) };
const result = await engine.diff({
  from,
  to: { tag: "schemaDatamodel", files },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
});
process.stdout.write(result.stdout ?? "");
process.exit(0); // the adapter's pool would keep the process alive
