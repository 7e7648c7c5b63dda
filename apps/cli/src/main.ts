import { parseArgs } from "node:util";
import { UsageError, type Command } from "./command";
import { arcaCommands } from "./commands/arca";
import { assistantCommands } from "./commands/assistant";
import { auditCommands } from "./commands/audit";
import { dbCommands } from "./commands/db";
import { mercadoPagoCommands } from "./commands/mercadopago";
import { messagingCommands } from "./commands/messaging";
import { operatorCommands } from "./commands/operator"; // issue 20 (lead)
import { orgCommands } from "./commands/org";
import { provisioningCommands } from "./commands/provisioning"; // issue 19 (provisioning)
import { planCommands } from "./commands/plan"; // issue 19 (plans)
import { customerCommands } from "./commands/customer"; // issue 20 (retention)
import { retentionCommands } from "./commands/retention"; // issue 20 (retention)
import { alertsCommands } from "./commands/alerts"; // issue 20 (alerts)
import { statsCommands } from "./commands/stats"; // issue 20 (stats)
import { trackingCommands } from "./commands/tracking";
import { userCommands } from "./commands/user";
import { webhookCommands } from "./commands/webhooks";
import { whatsappCommands } from "./commands/whatsapp";
import { describeFailure } from "./describe-failure";
import { sanitizeText } from "@campotech/core/lib/sanitize-text"; // issue 22 (poison)
import { flushErrorReporting, initErrorReporting, reportError } from "@campotech/core/lib/observability/error-reporting"; // issue 20 (sentry)

process.title = "campotech-cli";

const commands: Command[] = [...dbCommands, ...orgCommands, ...userCommands, ...whatsappCommands, ...webhookCommands, ...messagingCommands, ...auditCommands, ...assistantCommands, ...arcaCommands, ...mercadoPagoCommands, ...trackingCommands, ...provisioningCommands, ...planCommands, ...operatorCommands, ...retentionCommands, ...customerCommands, ...alertsCommands, ...statsCommands]; // issue 20

function help(): string {
  const width = Math.max(...commands.map((c) => c.path.join(" ").length));
  return [
    "campotech — herramientas de operación de CampoTech",
    "",
    "Uso: pnpm campotech <comando> [opciones] [--json]",
    "",
    ...commands.map((c) => `  ${c.path.join(" ").padEnd(width)}  ${c.summary}`),
    "",
    "Cada comando acepta --help. Con --json la salida (y los errores) son JSON.",
  ].join("\n");
}

function match(argv: string[]): { command: Command; rest: string[] } | undefined {
  const words = argv.filter((a) => !a.startsWith("-"));
  const found = commands
    .filter((c) => c.path.every((word, i) => words[i] === word))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!found) return undefined;
  const rest = [...argv];
  for (const word of found.path) rest.splice(rest.indexOf(word), 1);
  return { command: found, rest };
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const matched = match(argv);
  if (!matched) {
    const unknown = argv.filter((a) => !a.startsWith("-")).join(" ");
    console.error(unknown && !argv.includes("--help") ? `Comando desconocido: ${unknown}\n\n${help()}` : help());
    return unknown && !argv.includes("--help") ? 2 : 0;
  }
  const { command, rest } = matched;
  if (rest.includes("--help")) {
    console.log(`${command.summary}\n\nUso: ${command.usage}`);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length) throw new UsageError(`argumento inesperado: ${positionals.join(" ")}`);
    // issue 22 (poison): text enters here too; the same sanitiser as webhooks, REST and sync.
    const result = await command.run(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? sanitizeText(v) : v])));
    console.log(json || !command.human ? JSON.stringify(result, null, 2) : command.human(result as never));
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    const failure = describeFailure(error);
    // Mistakes in how the command was called are the operator's, not the platform's: only failures are reported.
    if (!usage) await reportFailure(error, command.path.join(" "));
    if (json) console.log(JSON.stringify({ error: failure }, null, 2));
    else {
      console.error(`Error: ${failure.message}`);
      for (const [field, reason] of Object.entries(failure.fields ?? {})) console.error(`  ${field}: ${reason}`);
      if (usage) console.error(`\nUso: ${command.usage}`);
    }
    return usage ? 2 : 1;
  }
}

// issue 20 (sentry): Sentry is loaded only when SENTRY_DSN is set, and only once a command has failed.
async function reportFailure(error: unknown, command: string): Promise<void> {
  if (!(await initErrorReporting({ service: "cli" }))) return;
  reportError(error, { command });
  await flushErrorReporting();
}

const code = await main(process.argv.slice(2));
process.exit(code);
