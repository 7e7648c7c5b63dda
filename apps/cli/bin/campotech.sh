#!/usr/bin/env bash
# The operator CLI, runnable from anywhere inside the repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
exec "$root/node_modules/.bin/tsx" --tsconfig "$root/apps/cli/tsconfig.json" "$root/apps/cli/src/main.ts" "$@"
