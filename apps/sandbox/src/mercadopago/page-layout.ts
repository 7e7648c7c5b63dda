// The HTML shell shared by the sandbox's MercadoPago pages (consent and checkout): es-AR, no external assets, readable
// from 320 px up. The header badge and the footer say it is a sandbox, so nobody mistakes it for MercadoPago.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

const PESOS = new Intl.NumberFormat("es-AR", { style: "currency", currency: "ARS", minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "$ 45.980,00" (with a non-breaking space, as es-AR prints it). */
export function pesos(cents: number): string {
  return PESOS.format(cents / 100);
}

/** Reads an amount as a person types it in Argentina ("10.000,50", "10000,5", "1500"); cents, or undefined. */
export function parsePesos(text: string): number | undefined {
  let t = text.replace(/[$\s\u00a0]/g, "");
  if (t.includes(",")) t = t.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return undefined;
  return Math.round(Number(t) * 100);
}

const STYLE = `
  :root { --mp: #009ee3; --mp-dark: #007eb5; --ink: #1f2328; --muted: #5b6370; --line: #e3e6ea; --ok: #00a650; --bad: #d63c3c; --warn: #b26b00; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #eef1f4; color: var(--ink); line-height: 1.45; }
  header { background: #fff159; padding: .75rem 1rem; border-bottom: 1px solid #e6d84e; }
  header .brand { max-width: 560px; margin: 0 auto; display: flex; align-items: center; gap: .5rem; font-weight: 700; color: #2d3277; }
  header .badge { font-size: .72rem; font-weight: 600; background: #2d3277; color: #fff; border-radius: 999px; padding: .1rem .5rem; }
  main { max-width: 560px; margin: 1.25rem auto; padding: 0 .75rem; }
  .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.12); padding: 1.25rem; margin-bottom: 1rem; }
  h1 { font-size: 1.3rem; margin: 0 0 .5rem; line-height: 1.25; }
  h2 { font-size: 1rem; margin: 0 0 .5rem; }
  p { margin: .4rem 0; }
  .muted { color: var(--muted); font-size: .9rem; }
  .amount { font-size: 1.9rem; font-weight: 600; margin: .25rem 0 .5rem; font-variant-numeric: tabular-nums; }
  ul.items { list-style: none; padding: 0; margin: .5rem 0; }
  ul.items li { display: flex; justify-content: space-between; gap: 1rem; padding: .55rem 0; border-bottom: 1px solid var(--line); }
  ul.items li .qty { color: var(--muted); font-size: .85rem; }
  .total { display: flex; justify-content: space-between; font-weight: 700; font-size: 1.1rem; padding-top: .6rem; font-variant-numeric: tabular-nums; }
  .num { white-space: nowrap; font-variant-numeric: tabular-nums; }
  button, .button { font: inherit; font-weight: 600; border-radius: 6px; padding: .7rem 1rem; border: 1px solid transparent; cursor: pointer; text-decoration: none; display: inline-block; text-align: center; }
  .primary { background: var(--mp); color: #fff; }
  .primary:hover { background: var(--mp-dark); }
  .secondary { background: #fff; color: var(--mp-dark); border-color: #b9dcef; }
  .secondary:hover { background: #f2f9fd; }
  button:focus-visible, .button:focus-visible, input:focus-visible { outline: 3px solid #2d3277; outline-offset: 2px; }
  .actions { display: flex; gap: .6rem; flex-wrap: wrap; margin-top: 1rem; }
  .actions > * { flex: 1 1 10rem; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .5rem; margin-top: .75rem; }
  .cards button { text-align: left; display: flex; flex-direction: column; gap: .1rem; padding: .6rem .75rem; }
  .cards button .code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .95rem; }
  .cards button .what { font-weight: 400; font-size: .85rem; }
  .cards button.approve { background: var(--ok); color: #fff; }
  .cards button.approve:hover { background: #008c44; }
  .cards button.approve .what { color: #eafff2; }
  .cards button.other { background: #fff; color: var(--ink); border-color: var(--line); }
  .cards button.other:hover { border-color: #aab3bd; }
  .cards button.other .what { color: var(--muted); }
  label { display: block; font-weight: 600; margin-bottom: .3rem; }
  input[type=text] { font: inherit; width: 100%; padding: .6rem .7rem; border: 1px solid #c9ced6; border-radius: 6px; }
  .row { display: flex; gap: .5rem; flex-wrap: wrap; }
  .row input { flex: 1 1 10rem; width: auto; }
  .row button { flex: 0 0 auto; }
  fieldset { border: 0; padding: 0; margin: .75rem 0; }
  legend { font-weight: 600; margin-bottom: .4rem; padding: 0; }
  .option { display: flex; gap: .6rem; align-items: flex-start; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .75rem; margin-bottom: .45rem; font-weight: 400; cursor: pointer; }
  .option:has(input:checked) { border-color: var(--mp); background: #f2f9fd; }
  .option input { margin-top: .25rem; }
  .option strong { display: block; }
  .perms { margin: .5rem 0 0; padding-left: 1.2rem; }
  .perms li { margin: .2rem 0; }
  .notice { border-left: 4px solid var(--warn); background: #fff8e6; padding: .6rem .8rem; border-radius: 4px; margin: .75rem 0; }
  .error { border-left: 4px solid var(--bad); background: #fdeeee; padding: .6rem .8rem; border-radius: 4px; margin: .75rem 0; }
  .status-icon { width: 3rem; height: 3rem; border-radius: 50%; display: grid; place-items: center; color: #fff; font-size: 1.6rem; font-weight: 700; line-height: 1; margin-bottom: .5rem; }
  .status-ok { background: var(--ok); } .status-wait { background: var(--warn); } .status-bad { background: var(--bad); }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; background: #f1f3f5; padding: .05rem .3rem; border-radius: 4px; word-break: break-all; }
  footer { max-width: 560px; margin: 0 auto 1.5rem; padding: 0 .75rem; color: var(--muted); font-size: .78rem; text-align: center; }
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="es-AR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Mercado Pago (sandbox)</title>
<style>${STYLE}</style>
</head>
<body>
<header><div class="brand"><span>Mercado Pago</span><span class="badge">sandbox</span></div></header>
<main>
${body}
</main>
<footer>Sandbox local de CampoTech: simula Mercado Pago y no mueve dinero real.</footer>
</body>
</html>`;
}
