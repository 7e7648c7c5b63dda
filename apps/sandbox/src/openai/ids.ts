import { randomBytes } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function alphanumeric(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHANUMERIC[b % ALPHANUMERIC.length];
  return out;
}

/** "chatcmpl-" + 29 characters, like OpenAI's completion ids. */
export const newCompletionId = (): string => `chatcmpl-${alphanumeric(29)}`;
/** "call_" + 24 characters, like OpenAI's tool call ids. */
export const newToolCallId = (): string => `call_${alphanumeric(24)}`;
