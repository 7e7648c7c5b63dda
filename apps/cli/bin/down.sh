#!/usr/bin/env bash
# `npm run stop`: stops what `npm start -- --detach` started (each service is its own process group).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_dir="$ROOT/.campotech/run"
stopped=0
for pidfile in "$run_dir"/*.pid; do
  [ -e "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    say "Detenido: $(basename "$pidfile" .pid)"
    stopped=$((stopped + 1))
  fi
  rm -f "$pidfile"
done
[ "$stopped" -gt 0 ] || say "No había nada corriendo."
