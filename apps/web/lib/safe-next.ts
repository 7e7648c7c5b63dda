// Where to send someone after login or a silent renewal: only a path of this site. Checking the raw string is not
// enough — browsers read "/\evil.example" (and "/\t/evil.example") as "//evil.example" — so the value is resolved the
// way a browser would, against a placeholder origin, and must stay on it. What comes back is the normalized path.
const PLACEHOLDER = new URL("https://campotech.invalid");

export function safeNext(next: string | null | undefined, fallback = "/panel"): string {
  if (!next || !next.startsWith("/")) return fallback;
  try {
    const url = new URL(next, PLACEHOLDER);
    if (url.origin !== PLACEHOLDER.origin) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
