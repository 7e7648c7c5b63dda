import type { WireMessage } from "./validate-chat-request.ts";

// What the emulated model says when no reply is scripted: deterministic Spanish text, so a test that only cares about
// the loop around the model gets a stable answer. It never calls tools on its own: tool calls are always scripted.

const MAX_ECHO = 200;

export function defaultReply(messages: WireMessage[]): string {
  const last = messages.at(-1);
  if (last?.role === "tool") return `Listo: ${clip(textOf(last.content))}`;
  if (last?.role === "user") return `Recibí tu mensaje: "${clip(textOf(last.content))}". Enseguida te ayudo.`;
  return "Entendido.";
}

/** Content is a string or an array of parts; only text parts count. */
export function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part: unknown) => (typeof part === "object" && part !== null && "text" in part && typeof part.text === "string" ? part.text : ""))
    .filter((t) => t.length > 0)
    .join(" ");
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_ECHO ? `${flat.slice(0, MAX_ECHO - 1)}…` : flat;
}
