#!/usr/bin/env bash
# `npm test`: everything CI runs, from a fresh clone — install, migrate the test database, typecheck, lint,
# unit + integration tests (real Postgres, Redis and the provider sandbox), Next build and Playwright in Chromium.
# Ends with one plain line "N passed, N failed".
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

require_node
ensure_pnpm
ensure_env_file
check_services
install_deps

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Instalando Chromium (Debian) para las pruebas de interfaz"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
      || die "No se pudo instalar chromium con apt-get."
  else
    die "Falta Chromium en ${CHROMIUM_PATH:-/usr/bin/chromium}: instalalo (apt-get install chromium) o definí CHROMIUM_PATH."
  fi
fi

# The invoice PDF tests read the PDFs back with poppler (pdftotext, pdfinfo, pdfimages, pdffonts).
if ! command -v pdftotext >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Instalando poppler-utils (Debian) para las pruebas de los PDF de facturas"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) >/dev/null 2>&1 \
      || die "No se pudo instalar poppler-utils con apt-get."
  else
    die "Falta pdftotext: instalá poppler-utils (apt-get install poppler-utils)."
  fi
fi

# issue 22: the tenant-isolation test behind a transaction-pooling proxy runs a real PgBouncer.
if ! command -v pgbouncer >/dev/null && [ ! -x /usr/sbin/pgbouncer ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Instalando pgbouncer (Debian) para la prueba de aislamiento detrás de un pooler"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer) >/dev/null 2>&1 \
      || die "No se pudo instalar pgbouncer con apt-get."
  else
    die "Falta pgbouncer: instalalo (apt-get install pgbouncer)."
  fi
fi

reports="$ROOT/.campotech/test-results"
rm -rf "$reports"; mkdir -p "$reports"
export CAMPOTECH_TEST_DB="${CAMPOTECH_TEST_DB:-campotech_test}"

say "Compilando la web"
pnpm exec turbo run build --filter=@campotech/web --output-logs=errors-only; build=$?

say "Typecheck"
pnpm exec turbo run typecheck --output-logs=errors-only; typecheck=$?

say "Lint"
pnpm exec turbo run lint --output-logs=errors-only; lint=$?

say "Pruebas unitarias y de integración (vitest, en dos mitades a la vez)"
# Integration files run one after another inside a vitest process (they share one database and one Redis index),
# and most of their time is spent waiting on real processes; two shards, each with its own database, Redis index
# and sandbox, keep both cores busy. Shard 2's log is printed after shard 1's so the two do not interleave.
CAMPOTECH_TEST_DB="${CAMPOTECH_TEST_DB}_b" \
  CAMPOTECH_TEST_REDIS_URL="${CAMPOTECH_TEST_REDIS_URL_B:-redis://127.0.0.1:6379/2}" \
  CAMPOTECH_TEST_SANDBOX_PORT="${CAMPOTECH_TEST_SANDBOX_PORT_B:-4630}" \
  pnpm exec vitest run --project unit --project integration --shard=2/2 \
  --reporter=default --reporter=json --outputFile.json="$reports/vitest-2.json" >"$reports/vitest-2.log" 2>&1 &
shard2=$!
pnpm exec vitest run --project unit --project integration --shard=1/2 \
  --reporter=default --reporter=json --outputFile.json="$reports/vitest-1.json"
wait "$shard2"
say "vitest, mitad 2"
cat "$reports/vitest-2.log"

say "Pruebas de la app de técnicos (jest-expo)"
(cd apps/mobile && EXPO_NO_TELEMETRY=1 pnpm exec jest --ci --json --outputFile="$reports/jest.json")

say "Export web de la app de técnicos (para Playwright)"
pnpm --filter @campotech/mobile export:web >"$reports/mobile-export.log" 2>&1; mobile_export=$?
if [ "$mobile_export" != 0 ]; then
  tail -20 "$reports/mobile-export.log"
  say "El export web de la app falló (log: $reports/mobile-export.log): e2e/mobile-app.spec.ts se saltea y cuenta como falla."
fi

say "Pruebas de interfaz (Playwright + Chromium)"
if [ "$build" = 0 ]; then
  (cd apps/web && PLAYWRIGHT_JSON_OUTPUT="$reports/playwright.json" pnpm exec playwright test)
fi

node apps/cli/bin/summarize.mjs "$reports/vitest-1.json,$reports/vitest-2.json" "$reports/playwright.json" "--jest=$reports/jest.json" \
  "build=$build" "typecheck=$typecheck" "lint=$lint" "mobile-export=$mobile_export"
