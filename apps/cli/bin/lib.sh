# Shared by up.sh and test.sh: bootstrap steps that must work on a fresh clone with only Node 20 installed.
PNPM_VERSION=12.21.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 EXPO_NO_TELEMETRY=1

say() { printf '\033[1;36m▸ %s\033[0m\n' "$*"; }
die() { printf '\033[1;31m✗ %s\033[0m\n' "$*" >&2; exit 1; }

require_node() {
  command -v node >/dev/null || die "Node.js no está instalado (se necesita Node 20.19 o más nuevo)."
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Se necesita Node 20 o más nuevo (hay $(node --version))."
}

ensure_pnpm() {
  if ! command -v pnpm >/dev/null || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    say "Instalando pnpm $PNPM_VERSION"
    npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || die "No se pudo instalar pnpm ($PNPM_VERSION) con npm."
  fi
}

ensure_env_file() {
  if [ ! -f "$ROOT/.env" ]; then
    cp "$ROOT/.env.example" "$ROOT/.env"
    say "Creado .env a partir de .env.example"
  fi
}

install_deps() {
  say "Instalando dependencias"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=append-only >/dev/null) || die "pnpm install falló."
  say "Generando el cliente de Prisma"
  (cd "$ROOT" && pnpm --filter @campotech/database generate >/dev/null) || die "prisma generate falló."
}

check_services() {
  node "$ROOT/apps/cli/bin/check-services.mjs" "$ROOT/.env" || die "Postgres y Redis tienen que estar corriendo (ver arriba cómo iniciarlos)."
}

campotech() { "$ROOT/apps/cli/bin/campotech.sh" "$@"; }
