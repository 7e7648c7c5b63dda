import { subscribeOrganizationEvents } from "../events/subscribe-organization-events";
import type { OrganizationEvent } from "../events/organization-event";

const encoder = new TextEncoder();

// The dashboard's live feed as server-sent events. Subscribes before returning, so nothing published after the
// client got its response is missed. One Redis subscriber per listener; it is released when the client goes away
// (the request's abort signal) or cancels the stream. The heartbeat comment keeps proxies from closing an idle
// connection. All of the organization's events are sent, to technicians too (they carry ids, not bodies).
export async function streamOrganizationEvents(
  organizationId: string,
  signal: AbortSignal,
  // Asked at every heartbeat: a stream outlives the request that opened it, so a session revoked meanwhile
  // (logout, deactivation) ends the stream too.
  options: { heartbeatMs?: number; stillAllowed?: () => Promise<boolean> } = {},
): Promise<ReadableStream<Uint8Array>> {
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  const send = (chunk: string) => {
    if (closed || !controller) return;
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      void stop();
    }
  };
  const unsubscribe = await subscribeOrganizationEvents(organizationId, (event: OrganizationEvent) => {
    send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => {
    void (async () => {
      if (options.stillAllowed && !(await options.stillAllowed().catch(() => true))) {
        send("event: session.ended\ndata: {}\n\n");
        await stop();
        return;
      }
      send(": heartbeat\n\n");
    })();
  }, options.heartbeatMs ?? 20_000);
  async function stop() {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    signal.removeEventListener("abort", onAbort);
    await unsubscribe();
    try {
      controller?.close();
    } catch {
      // already closed or errored
    }
  }
  const onAbort = () => void stop();
  if (signal.aborted) await stop();
  else signal.addEventListener("abort", onAbort);

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (closed) c.close();
      else send(": connected\n\n");
    },
    cancel: () => stop(),
  });
}
