"use client";

import { useState } from "react";

// Copies the report's Markdown for the BSP application; the text is also shown (collapsed) to copy by hand.
export function CopyMarkdownButton({ markdown }: { markdown: string }) {
  const [note, setNote] = useState("");
  const copy = () =>
    navigator.clipboard.writeText(markdown).then(
      () => setNote("Markdown copiado."),
      () => setNote("No se pudo copiar: abrí «Ver Markdown» y copialo a mano."),
    );
  return (
    <div>
      <button type="button" onClick={copy}>Copiar Markdown</button>
      <span role="status" className="muted"> {note}</span>
      <details>
        <summary>Ver Markdown</summary>
        <pre data-testid="stats-markdown">{markdown}</pre>
      </details>
    </div>
  );
}
