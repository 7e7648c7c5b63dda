#!/usr/bin/env bash
# `npm start`: install, migrate, seed the demo organization, start web + workers + WhatsApp sandbox, print the URLs.
# Idempotent: running it again stops the previous instance first. `npm start -- --detach` returns once all is up.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
detach=false
[ "${1:-}" = "--detach" ] && detach=true

require_node
ensure_pnpm
ensure_env_file
# A .env made before live tracking existed gets the sandbox's geocoder and router (docs/tracking.md); a variable the
# developer set, even empty, is left alone.
for var in GEOCODER_URL ROUTING_URL; do
  if ! grep -qE "^$var=" .env; then
    [ -z "$(tail -c1 .env)" ] || echo >> .env
    grep -E "^$var=" .env.example >> .env
  fi
done
check_services
install_deps
say "Migrando la base de datos"
campotech db migrate
say "Cargando la organización de demostración"
campotech db seed
say "Compilando la web"
pnpm exec turbo run build --filter=@campotech/web --output-logs=errors-only >/dev/null || die "next build falló (pnpm --filter @campotech/web build para ver el detalle)."

envval() { grep -E "^$1=" .env | tail -1 | cut -d= -f2- || true; } # a key missing from an older .env falls back to its default
WEB_PORT=$(envval WEB_PORT); WEB_PORT=${WEB_PORT:-3000}
WORKERS_PORT=$(envval WORKERS_HEALTH_PORT); WORKERS_PORT=${WORKERS_PORT:-3001}
SANDBOX_PORT=$(envval SANDBOX_PORT); SANDBOX_PORT=${SANDBOX_PORT:-4010}
MOBILE_PORT=$(envval MOBILE_WEB_PORT); MOBILE_PORT=${MOBILE_PORT:-3006}

# The technician app's web export (apps/mobile/dist), rebuilt when its sources changed since the last export.
mobile_dist=apps/mobile/dist/index.html
if [ ! -f "$mobile_dist" ] || [ -n "$(find apps/mobile/src apps/mobile/index.ts apps/mobile/app.json -newer "$mobile_dist" -print -quit)" ]; then
  say "Exportando la app de técnicos para el navegador"
  pnpm --filter @campotech/mobile export:web >/dev/null 2>&1 || say "Aviso: falló el export web de la app (pnpm --filter @campotech/mobile export:web para ver el detalle)"
fi

run_dir="$ROOT/.campotech/run"; log_dir="$ROOT/.campotech/logs"
mkdir -p "$run_dir" "$log_dir"
for pidfile in "$run_dir"/*.pid; do
  [ -e "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    say "Deteniendo la instancia anterior ($(basename "$pidfile" .pid))"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$pidfile"
done

start() { # name, command... — each in its own process group so it can be stopped as a whole
  local name=$1; shift
  setsid bash -c "exec $*" >"$log_dir/$name.log" 2>&1 &
  echo $! >"$run_dir/$name.pid"
}
start sandbox "pnpm --filter @campotech/sandbox start"
start workers "pnpm --filter @campotech/workers start"
start web "pnpm --filter @campotech/web start"
start mobile "PORT=$MOBILE_PORT API_URL=http://127.0.0.1:$WEB_PORT node apps/mobile/scripts/serve-web.mjs"
# issue 22 (ingest): the lean webhook process as well, only when asked for (INGEST_PORT=3002 npm start); the web keeps
# serving /api/webhooks/* too, so the sandbox needs no change (docs/deploy.md "Lean ingest").
if [ -n "${INGEST_PORT:-}" ]; then start ingest "pnpm --filter @campotech/ingest start"; fi

wait_for() { # name, url — any HTTP answer counts as "up" (a 503 health still means the process is serving)
  node -e 'const [u] = process.argv.slice(1); const until = Date.now() + 60000;
    (async () => { for (;;) { try { await fetch(u); process.exit(0); } catch {} if (Date.now() > until) process.exit(1);
      await new Promise((r) => setTimeout(r, 250)); } })();' "$2" || die "$1 no arrancó: revisá $log_dir/$1.log"
}
wait_for sandbox "http://127.0.0.1:$SANDBOX_PORT/_sandbox/config"
# The demo organization's ARCA certificate, issued by the sandbox's WSASS for a fresh CSR (homologación only).
say "Conectando la organización de demostración con ARCA (sandbox)"
campotech arca sandbox-connect --org demo-org >/dev/null 2>&1 || say "Aviso: no se pudo conectar ARCA (sandbox); revisá pnpm campotech arca check --org demo-org"
# The demo organization's MercadoPago account: the sandbox's seller DELSUR_PLOMERIA, linked by OAuth.
say "Vinculando la organización de demostración con MercadoPago (sandbox)"
campotech mercadopago sandbox-connect --org demo-org >/dev/null 2>&1 || say "Aviso: no se pudo vincular MercadoPago (sandbox); probá pnpm campotech mercadopago sandbox-connect --org demo-org"
wait_for workers "http://127.0.0.1:$WORKERS_PORT/health"
wait_for web "http://127.0.0.1:$WEB_PORT/api/health"
if [ -n "${INGEST_PORT:-}" ]; then wait_for ingest "http://127.0.0.1:$INGEST_PORT/health"; say "Ingesta de webhooks (lean) en http://localhost:$INGEST_PORT/api/webhooks/…"; fi # issue 22 (ingest)

cat <<TXT

  CampoTech está corriendo (organización demo: Del Sur Plomería y Gas)

  Web                 http://localhost:$WEB_PORT
  Panel               http://localhost:$WEB_PORT/panel   (ingresá con 11 4000-0001: el código llega al simulador)
  Crear un negocio    http://localhost:$WEB_PORT/registro   (el código llega por SMS al simulador; el equipo se suma en /unirme)
  Salud web           http://localhost:$WEB_PORT/api/health
  Salud workers       http://localhost:$WORKERS_PORT/health
  Sandbox WhatsApp    http://localhost:$SANDBOX_PORT   (simulador de teléfono)
  Facturación ARCA    http://localhost:$WEB_PORT/panel/facturas   (homologación contra el sandbox; ARCA en /panel/arca)
  Cobros              http://localhost:$WEB_PORT/panel/cobros     (MercadoPago del sandbox: el checkout paga con tarjetas de prueba)
  Mapa de despacho    http://localhost:$WEB_PORT/panel/mapa       (pasá un trabajo a «en camino» y simulá al técnico:
                      pnpm campotech tracking simulate --org demo-org --job <número>)
  Colas (operadores)  http://localhost:$WEB_PORT/operador/colas   (Bull Board en los workers; antes: pnpm campotech operator grant --user +5491140000001)

  App de técnicos     http://localhost:$MOBILE_PORT   (export web; ingresá con 11 4000-0003, Diego Ruiz)
                      En el teléfono: pnpm --filter @campotech/mobile start   (Expo; ver docs/mobile.md)

  Token del dueño:    pnpm campotech token --user +5491140000001
  Logs:               $log_dir/{web,workers,sandbox,mobile}.log

TXT

if $detach; then exit 0; fi
stop() {
  echo; say "Deteniendo CampoTech"
  for pidfile in "$run_dir"/*.pid; do
    [ -e "$pidfile" ] && kill -TERM -- "-$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  exit 0
}
trap stop INT TERM
say "Ctrl-C para detener todo. Logs en vivo:"
tail -n 0 -F "$log_dir/web.log" "$log_dir/workers.log" "$log_dir/sandbox.log" &
wait
