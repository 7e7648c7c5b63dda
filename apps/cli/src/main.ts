import { parseArgs } from "node:util";
import { UsageError, type Command } from "./command";
import { COMMAND_MODULES, loadCommands } from "./command-modules";
import { describeFailure } from "./describe-failure";
import { sanitizeText } from "@campotech/core/lib/sanitize-text"; // issue 22 (poison)
import { flushErrorReporting, initErrorReporting, reportError } from "@campotech/core/lib/observability/error-reporting"; // issue 20 (sentry)

process.title = "campotech-cli";

function help(commands: Command[]): string {
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

function match(commands: Command[], argv: string[]): { command: Command; rest: string[] } | undefined {
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
  // Only the modules of the command's first word are loaded (a command module pulls in the parts of the core it
  // uses, and loading them all costs seconds per call); help and an unknown command load every module.
  const first = argv.find((a) => !a.startsWith("-"));
  const matched = first && first in COMMAND_MODULES ? match(await loadCommands(first), argv) : undefined;
  if (!matched) {
    const commands = await loadCommands();
    const unknown = argv.filter((a) => !a.startsWith("-")).join(" ");
    console.error(unknown && !argv.includes("--help") ? `Comando desconocido: ${unknown}\n\n${help(commands)}` : help(commands));
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
