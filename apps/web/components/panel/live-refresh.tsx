"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// The organization's event stream (SSE, the same one the inbox listens to). When one of `types` arrives — and, with
// `only`, it names this invoice or job — the server page renders again without a reload (router.refresh), so a
// payment made on MercadoPago shows up on the invoice the office has open. Bursts are coalesced; after the stream
// drops and comes back, the page refreshes once in case something happened meanwhile.
export const EVENTS_URL = "/api/whatsapp/events";

type Only = { invoiceId?: string | null; jobId?: string | null };

export function LiveRefresh({ types, only }: { types: string[]; only?: Only }) {
  const router = useRouter();
  const typesKey = types.join(",");
  const invoiceId = only?.invoiceId ?? null;
  const jobId = only?.jobId ?? null;
  useEffect(() => {
    const source = new EventSource(EVENTS_URL);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dropped = false;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        router.refresh();
      }, 250);
    };
    const concernsUs = (data: string) => {
      if (!invoiceId && !jobId) return true;
      try {
        const event = JSON.parse(data) as { invoiceId?: string | null; jobId?: string | null };
        return (invoiceId !== null && event.invoiceId === invoiceId) || (jobId !== null && event.jobId === jobId);
      } catch {
        return true;
      }
    };
    const onEvent = (event: MessageEvent<string>) => concernsUs(event.data) && refresh();
    const onError = () => {
      dropped = true;
    };
    const onOpen = () => {
      if (dropped) refresh();
      dropped = false;
    };
    const onEnded = () => source.close();
    const list = typesKey.split(",");
    for (const type of list) source.addEventListener(type, onEvent);
    source.addEventListener("error", onError);
    source.addEventListener("open", onOpen);
    source.addEventListener("session.ended", onEnded);
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [router, typesKey, invoiceId, jobId]);
  return null;
}
