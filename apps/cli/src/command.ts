import type { ParseArgsConfig } from "node:util";

export type CommandOptions = NonNullable<ParseArgsConfig["options"]>;
export type Values = Record<string, string | boolean | undefined>;

// A CLI command: its words ("org create"), Spanish help, parseArgs options, and run() returning plain data that
// is printed as JSON with --json or through human() otherwise.
export type Command = {
  path: string[];
  summary: string;
  usage: string;
  options: CommandOptions;
  run(values: Values): Promise<unknown>;
  human?(result: never): string;
};

export class UsageError extends Error {
  override name = "UsageError";
}

export function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`falta --${name}`);
  return value;
}

export function optional(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
