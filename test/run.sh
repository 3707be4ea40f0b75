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

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v openssl >/dev/null || need_apt+=(openssl)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing: ${need_apt[*]}. Install them (sudo apt-get install ${need_apt[*]}) or run npm test as root." >&2
    exit 1
  fi
  log "Installing from apt: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

log "Starting a throwaway PostgreSQL cluster"
pg_root=$(mktemp -d /tmp/ocop-pg.XXXXXX)
mkdir -p "$pg_root/data" "$pg_root/sock"
pg_port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown -R nobody "$pg_root"
  chmod 755 "$pg_root"
  as_pg=(runuser -u nobody --)
fi
stop_cluster() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_root/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_root"
}
trap stop_cluster EXIT
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_root/data" -U postgres --auth=trust --no-locale -E UTF8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w \
  -o "-p $pg_port -k $pg_root/sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
# Trust authentication ignores the password, but Hyperdrive (wrangler dev) insists on one.
export TEST_DATABASE_URL="postgres://postgres:postgres@127.0.0.1:$pg_port/postgres"
export CHROMIUM_PATH=/usr/bin/chromium
export WRANGLER_SEND_METRICS=false

log "Type check"
npx tsc --noEmit -p .

log "Tests: unit, integration on PGlite and PostgreSQL, Chromium, workerd"
npx vitest run "$@"
