import { findTool } from "./tools/assistant-tools";
import type { ToolContext } from "./tools/assistant-tool";

export type ToolCallRecord = { name: string; input: unknown; output?: unknown; error?: string; ms: number };

// Every tool call of either engine goes through here: the input is checked against the tool's schema (the model
// can send anything), the call is timed and recorded for the AssistantRun row. A refused or failed call is
// reported back as data (the model reads it and answers accordingly); infrastructure errors propagate.
export async function callTool(ctx: ToolContext, log: ToolCallRecord[], name: string, rawInput: unknown): Promise<{ ok: true; output: unknown } | { ok: false; error: string }> {
  const started = performance.now();
  const tool = findTool(name);
  if (!tool) {
    log.push({ name, input: rawInput, error: "unknown tool", ms: 0 });
    return { ok: false, error: `La herramienta ${name} no existe.` };
  }
  const parsed = tool.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const error = parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    log.push({ name, input: rawInput, error, ms: Math.round(performance.now() - started) });
    return { ok: false, error };
  }
  const output = await tool.run(ctx, parsed.data);
  log.push({ name, input: parsed.data, output, ms: Math.round(performance.now() - started) });
  return { ok: true, output };
}
