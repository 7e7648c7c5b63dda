"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// The organization's event stream (SSE). Any change to conversations or messages re-renders the server page
// (list, counts and the open thread) without a full reload; bursts are coalesced.
export function InboxLive() {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource("/api/whatsapp/events");
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        router.refresh();
      }, 250);
    };
    for (const type of ["message.created", "message.status", "message.updated", "conversation.updated", "conversation.turn", "assistant.replied", "assistant.handoff", "assistant.emergency"]) {
      source.addEventListener(type, refresh);
    }
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [router]);
  return null;
}
