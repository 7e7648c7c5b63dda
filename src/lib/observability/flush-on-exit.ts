// What must be sent before a process exits (queued error reports, product events). Kept on a process-wide registry
// (Symbol.for) because the web server loads core twice: once in server.ts, once inside Next's compiled bundle where
// instrumentation.ts and route handlers run; server.ts's shutdown must flush what the bundle queued.
type Flush = () => Promise<void>;
const KEY = Symbol.for("campotech.observability.flush");
const registry = globalThis as typeof globalThis & { [KEY]?: Set<Flush> };

export function onFlush(flush: Flush): void {
  (registry[KEY] ??= new Set()).add(flush);
}

export async function flushObservability(): Promise<void> {
  await Promise.all([...(registry[KEY] ?? [])].map((flush) => flush().catch(() => {})));
}
