"use client";

import { useEffect, useState } from "react";

// "Ventana abierta: quedan 5 h 12 min" — WhatsApp only allows free text for 24 h after the customer's last message.
export function WindowCountdown({ expiresAt }: { expiresAt: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const left = expiresAt ? new Date(expiresAt).getTime() - now : 0;
  if (left <= 0) return <span className="pill" data-window="closed">Ventana de 24 h cerrada: solo plantillas</span>;
  const hours = Math.floor(left / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  return <span className="pill" data-window="open">Ventana abierta: quedan {hours} h {minutes} min</span>;
}
