"use client";

import { useState } from "react";

export function CopyLinkButton({ url }: { url: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <p style={{ display: "flex", gap: "0.75rem", alignItems: "center", flexWrap: "wrap", margin: 0 }}>
      <button type="button" className="secondary" onClick={copy}>Copiar enlace</button>
      <span role="status" className="muted">
        {state === "copied" ? "Enlace copiado." : state === "failed" ? "No se pudo copiar: seleccioná el enlace y copialo a mano." : ""}
      </span>
    </p>
  );
}
