// What webhook verification reads from request headers. A WHATWG Headers satisfies it (the Next route passes its
// own); the lean ingest process passes a view over node:http's already-lowercased header object instead of copying
// every header into a Headers per request.
export type HeaderReader = {
  /** Lowercase name; null when absent (repeated headers joined with ", ", as Headers does). */
  get(name: string): string | null;
  forEach(callback: (value: string, key: string) => void): void;
};
