// The text people read for a stored message: inbound text has `body`, outbound rows carry the `preview` the
// engine stored, media has a `caption`. Used for list previews; the SQL search reads the same three keys.
export function messageText(content: unknown): string | null {
  if (!content || typeof content !== "object") return null;
  const c = content as Record<string, unknown>;
  for (const key of ["preview", "body", "caption", "text"] as const) {
    if (typeof c[key] === "string") return c[key] as string;
  }
  return null;
}
