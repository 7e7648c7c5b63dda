"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Opening a conversation with unread messages marks it read (and the list's badge and counts follow).
export function MarkRead({ conversationId }: { conversationId: string }) {
  const router = useRouter();
  useEffect(() => {
    void fetch(`/api/whatsapp/conversations/${conversationId}/read`, { method: "POST" }).then((res) => res.ok && router.refresh());
  }, [conversationId, router]);
  return null;
}
