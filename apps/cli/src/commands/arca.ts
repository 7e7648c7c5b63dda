import { readFileSync, writeFileSync } from "node:fs";
import { withTenant } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis } from "@campotech/core/lib/redis";
import { checkArcaConnection, createArcaCsr, installArcaCertificate, type ArcaCheck } from "@campotech/core/modules/invoicing";
import { optional, required, UsageError, type Command } from "../command";

const OPERATOR = { type: "OPERATOR" } as const;
const showCheck = (c: ArcaCheck) => [`${c.ok ? "OK" : "CON PROBLEMAS"}`, ...c.steps.map((s) => `  ${s.ok ? "✓" : "✗"} ${s.step}: ${s.detail}`)].join("\n");

function readPem(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`no se pudo leer ${what} en ${path}`);
  }
}

export const arcaCommands: Command[] = [
  {
    path: ["arca", "csr"],
    summary: "Genera la clave y el pedido de certificado (CSR) para ARCA, sin openssl; la clave queda cifrada en la base",
    usage: "campotech arca csr --org <id> [--name <nombre del sistema>] [--out pedido.csr]",
    options: { org: { type: "string" }, name: { type: "string" }, out: { type: "string" } },
    async run(values) {
      const org = required(values, "org");
      const { csrPem } = await withTenant(org, (tx) => createArcaCsr(tx, org, { ...(optional(values, "name") ? { commonName: optional(values, "name")! } : {}) }, OPERATOR));
      const out = optional(values, "out");
      if (out) writeFileSync(out, csrPem);
      return { csrPem, ...(out ? { file: out } : {}) };
    },
    human: (r: { csrPem: string; file?: string }) =>
      `${r.file ? `Pedido guardado en ${r.file}.` : r.csrPem}\nSubilo en ARCA (homologación: WSASS; producción: Administración de Certificados Digitales), descargá el certificado y cargalo con:\n  campotech arca certificate --org <id> --cert <archivo.crt>`,
  },
  {
    path: ["arca", "certificate"],
    summary: "Instala el certificado que entregó ARCA (con --key si la clave no se generó con `arca csr`)",
    usage: "campotech arca certificate --org <id> --cert <archivo.crt> [--key <clave.key>]",
    options: { org: { type: "string" }, cert: { type: "string" }, key: { type: "string" } },
    async run(values) {
      const org = required(values, "org");
      const certificatePem = readPem(required(values, "cert"), "el certificado");
      const key = optional(values, "key");
      const settings = await withTenant(org, (tx) => installArcaCertificate(tx, org, { certificatePem, ...(key ? { privateKeyPem: readPem(key, "la clave") } : {}) }, OPERATOR));
      return settings?.certificate;
    },
    human: (c: { subject: string | null; notAfter: Date | null }) => `Certificado instalado: ${c.subject}\n  vence: ${c.notAfter?.toISOString().slice(0, 10)}`,
  },
  {
    path: ["arca", "check"],
    summary: "Prueba la conexión con ARCA: FEDummy, ticket de acceso, punto de venta y último comprobante",
    usage: "campotech arca check --org <id>",
    options: { org: { type: "string" } },
    run: (values) => checkArcaConnection(required(values, "org"), { redis: sharedRedis(), now: () => Date.now() }),
    human: showCheck,
  },
  {
    path: ["arca", "sandbox-connect"],
    summary: "Solo desarrollo: pide el certificado de la organización al sandbox de ARCA (como WSASS) y lo instala",
    usage: "campotech arca sandbox-connect --org <id>",
    options: { org: { type: "string" } },
    async run(values) {
      const org = required(values, "org");
      const sandbox = new URL(env.ARCA_WSAA_URL_HOMOLOGACION);
      if (!["127.0.0.1", "localhost", "[::1]"].includes(sandbox.hostname)) {
        throw new UsageError(`ARCA_WSAA_URL_HOMOLOGACION no apunta al sandbox local (${sandbox.origin})`);
      }
      const { csrPem } = await withTenant(org, (tx) => createArcaCsr(tx, org, { commonName: "campotech-sandbox" }, OPERATOR));
      const response = await fetch(`${sandbox.origin}/_sandbox/arca/certificates`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ csr: csrPem }) });
      if (!response.ok) throw new UsageError(`el sandbox no emitió el certificado (HTTP ${response.status}: ${await response.text()})`);
      const { certificate } = (await response.json()) as { certificate: string };
      await withTenant(org, (tx) => installArcaCertificate(tx, org, { certificatePem: certificate }, OPERATOR));
      return checkArcaConnection(org, { redis: sharedRedis(), now: () => Date.now() });
    },
    human: showCheck,
  },
];
