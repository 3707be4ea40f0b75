#!/usr/bin/env bash
# `npm test`: everything, on a fresh Debian machine too. It installs what is missing (Chromium,
# PostgreSQL server binaries) when run as root, starts a throwaway PostgreSQL cluster, runs the
# type check and every vitest project, and stops the cluster it started. It never skips a suite:
# where it cannot provide a dependency it fails and says how to fix it.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

if [ ! -d node_modules ]; then
  log "Installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

source test/support/provision.sh
need_packages /usr/bin/chromium:chromium /usr/bin/openssl:openssl /usr/bin/zbarimg:zbar-tools /usr/bin/pdftoppm:poppler-utils /usr/bin/gs:ghostscript
start_postgres_cluster
export CHROMIUM_PATH=/usr/bin/chromium
export WRANGLER_SEND_METRICS=false

log "Type check (server, tests, browser scripts, service worker)"
npm run --silent typecheck

log "Format, lint and layer rules (Biome, dependency-cruiser)"
npm run --silent lint

log "Tests: unit, integration on PGlite and PostgreSQL, Chromium, workerd"
npx vitest run "$@"
