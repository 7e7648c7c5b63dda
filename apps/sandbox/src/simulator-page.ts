// GET /: a phone simulator for demos and manual QA. Plain HTML + inline JS, es-AR copy, polls the conversation.
export function simulatorPage(): string {
  return `<!doctype html>
<html lang="es-AR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simulador de WhatsApp · CampoTech</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #eae6df; color: #111; }
  header { background: #075e54; color: #fff; padding: .75rem 1rem; }
  h1 { font-size: 1.1rem; margin: 0; }
  main { max-width: 760px; margin: 0 auto; padding: 1rem; }
  fieldset { border: 1px solid #ccc; background: #fff; margin-bottom: .75rem; border-radius: 6px; }
  label { display: inline-block; margin: .25rem .5rem .25rem 0; }
  #chat { background: #efeae2; border: 1px solid #ccc; border-radius: 6px; min-height: 300px; padding: .5rem; overflow-y: auto; max-height: 55vh; }
  .msg { max-width: 75%; margin: .35rem 0; padding: .4rem .6rem; border-radius: 6px; white-space: pre-wrap; box-shadow: 0 1px 1px #0002; }
  .business { background: #fff; }
  .customer { background: #d9fdd3; margin-left: auto; }
  .meta { font-size: .75rem; color: #555; margin-top: .2rem; }
  .actions button { margin: .2rem .2rem 0 0; }
  .failed { border-left: 4px solid #c00; }
</style>
</head>
<body>
<header><h1>Simulador de WhatsApp (sandbox local)</h1></header>
<main>
  <fieldset>
    <legend>Conversación</legend>
    <label>Teléfono del cliente (wa_id) <input id="phone" value="5491155550123" inputmode="numeric" aria-describedby="phone-help"></label>
    <span id="phone-help" class="meta">Con código de país y el 9, sin "+".</span><br>
    <label>Nombre del perfil <input id="profile" value="Martina Gómez"></label>
    <label>Número de la empresa <select id="business"></select></label>
  </fieldset>
  <section id="chat" aria-live="polite" aria-label="Mensajes de la conversación"></section>
  <fieldset>
    <legend>Escribir como cliente</legend>
    <form id="text-form">
      <label for="text">Tu mensaje</label>
      <input id="text" size="50" autocomplete="off">
      <button type="submit">Enviar</button>
    </form>
    <label>Adjuntar foto o documento <input id="file" type="file" accept="image/*,application/pdf,audio/*,video/*"></label>
    <label>Pie de foto <input id="caption"></label>
    <div>
      <label>Latitud <input id="lat" value="-34.6037" size="9"></label>
      <label>Longitud <input id="lng" value="-58.3816" size="9"></label>
      <label>Lugar <input id="place" value="Obelisco"></label>
      <button type="button" id="send-location">Enviar ubicación</button>
      <button type="button" id="send-voice">Enviar nota de voz</button>
    </div>
    <p id="status" role="status" class="meta"></p>
  </fieldset>
</main>
<script>
const $ = (id) => document.getElementById(id);
const phone = () => $("phone").value.replace(/\\D/g, "");
let numbers = [];
let lastRender = "";

function selected() { return numbers.find((n) => n.phoneNumberId === $("business").value); }

async function loadNumbers() {
  numbers = await (await fetch("/_sandbox/numbers")).json();
  $("business").innerHTML = "";
  for (const n of numbers) {
    const o = document.createElement("option");
    o.value = n.phoneNumberId;
    o.textContent = n.verifiedName + " · " + n.provider + " · +" + n.displayPhoneNumber;
    $("business").append(o);
  }
}

async function send(body) {
  const n = selected();
  body.to = n.phoneNumberId;
  body.provider = n.provider;
  body.profileName = $("profile").value || undefined;
  const res = await fetch("/_sandbox/customers/" + phone() + "/messages", {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  });
  const data = await res.json();
  $("status").textContent = res.ok
    ? "Enviado. Webhook: " + ({ delivered: "entregado", pending: "reintentando", failed: "falló" }[data.delivery.status] || data.delivery.status) + " (intentos: " + data.delivery.attempts + ")"
    : "Error: " + (data.error || res.status);
  refresh();
}

$("text-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const text = $("text").value.trim();
  if (!text) return;
  $("text").value = "";
  send({ type: "text", text });
});

$("file").addEventListener("change", async () => {
  const file = $("file").files[0];
  if (!file) return;
  const base64 = await new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).split(",")[1]);
    r.readAsDataURL(file);
  });
  const mime = file.type || "application/octet-stream";
  const type = mime.startsWith("image/") ? "image" : mime.startsWith("audio/") ? "audio" : mime.startsWith("video/") ? "video" : "document";
  send({ type, media: { base64, mimeType: mime, filename: file.name, caption: $("caption").value || undefined } });
  $("file").value = "";
});

$("send-location").addEventListener("click", () => send({
  type: "location", location: { latitude: Number($("lat").value), longitude: Number($("lng").value), name: $("place").value || undefined },
}));
$("send-voice").addEventListener("click", () => send({ type: "voice" }));

function describe(m) {
  const p = m.payload || {};
  if (m.direction === "customer") {
    if (p.text) return p.text.body;
    if (p.Body) return p.Body;
    if (p.location) return "📍 " + (p.location.name || "") + " " + p.location.latitude + ", " + p.location.longitude;
    if (p.interactive) return "↩️ " + (p.interactive.button_reply || p.interactive.list_reply).title;
    if (p.reaction) return "Reacción " + (p.reaction.emoji || "(quitada)");
    return "[" + m.type + "]";
  }
  if (p.rendered) return p.rendered;
  if (p.text) return p.text.body;
  if (p.Body !== undefined && p.Body !== "") return p.Body;
  if (p.interactive) return [p.interactive.header && p.interactive.header.text, p.interactive.body && p.interactive.body.text, p.interactive.footer && p.interactive.footer.text].filter(Boolean).join("\\n");
  for (const k of ["image", "video", "audio", "document", "sticker"]) if (p[k]) return "[" + k + "] " + (p[k].caption || p[k].filename || p[k].link || p[k].id);
  if (p.location) return "📍 " + (p.location.name || "") + " " + p.location.latitude + ", " + p.location.longitude;
  if (p.reaction) return "Reacción " + (p.reaction.emoji || "(quitada)");
  if (p.MediaUrl) return "[adjunto] " + [].concat(p.MediaUrl).join(" ");
  return "[" + m.type + "]";
}

const STATUS = { accepted: "🕓", sent: "✓", delivered: "✓✓", read: "✓✓ leído", failed: "⚠️ falló" };

function actions(m) {
  const box = document.createElement("div");
  box.className = "actions";
  const p = m.payload || {};
  const add = (label, body) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", () => send(Object.assign({ contextMessageId: m.id }, body)));
    box.append(b);
  };
  const i = p.interactive;
  if (i && i.type === "button") for (const b of i.action.buttons) add(b.reply.title, { type: "button_reply", reply: b.reply });
  if (i && i.type === "list") for (const s of i.action.sections) for (const r of s.rows) add((s.title ? s.title + ": " : "") + r.title, { type: "list_reply", reply: r });
  add("👍 Reaccionar", { type: "reaction", reactionTo: m.id, emoji: "👍" });
  return box;
}

async function refresh() {
  if (!phone()) return;
  const res = await fetch("/_sandbox/customers/" + phone() + "/conversation");
  const list = await res.json();
  const key = JSON.stringify(list);
  if (key === lastRender) return;
  lastRender = key;
  const chat = $("chat");
  chat.innerHTML = "";
  for (const m of list) {
    const div = document.createElement("div");
    div.className = "msg " + m.direction + (m.status === "failed" ? " failed" : "");
    div.textContent = describe(m);
    const info = document.createElement("div");
    info.className = "meta";
    // Buenos Aires wall clock, 24-hour (a browser's es-AR default may print 00:10 as 12:10).
    const time = new Date(m.createdAt).toLocaleTimeString("es-AR", { timeZone: "America/Argentina/Buenos_Aires", hourCycle: "h23" });
    info.textContent = m.direction === "business"
      ? time + " · " + m.provider + " · " + (STATUS[m.status] || m.status) + (m.error ? " (" + m.error.code + " " + m.error.title + ")" : "")
      : time + (m.readByBusiness ? " · visto por la empresa" : "");
    div.append(info);
    if (m.direction === "business" && m.status !== "failed") div.append(actions(m));
    chat.append(div);
  }
  chat.scrollTop = chat.scrollHeight;
}

loadNumbers().then(refresh);
setInterval(refresh, 1000);
$("phone").addEventListener("change", () => { lastRender = ""; refresh(); });
</script>
</body>
</html>`;
}
