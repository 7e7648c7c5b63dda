import { env } from "@campotech/core/lib/env";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// What anyone without a valid board session sees instead of the board: a short Spanish page pointing to the panel.
export function deniedPage(message: string): string {
  const panel = escapeHtml(new URL("/operador", env.PUBLIC_BASE_URL).toString());
  return `<!doctype html>
<html lang="es-AR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tablero de colas — CampoTech</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2933}a{color:#0b5cad}</style></head>
<body><main><h1>Tablero de colas</h1><p>${escapeHtml(message)}</p>
<p><a href="${panel}">Entrá desde /operador en el panel</a> para abrir el tablero.</p></main></body></html>`;
}

export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}
