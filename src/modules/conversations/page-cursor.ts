import { AppError } from "../../lib/errors";

// Opaque cursors: base64url JSON. Clients pass them back untouched; a tampered one is a 400, never a 500.
export function encodeCursor(value: Record<string, string>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, unknown>;
    if (keys.every((k) => typeof value[k] === "string")) return value as Record<K, string>;
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION_FAILED", { fields: { cursor: "El cursor no es válido." } });
}
