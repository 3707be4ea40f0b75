# Sourced by test/run.sh and test/bench/run.sh: installs what a fresh Debian machine lacks (as
# root), and starts a throwaway PostgreSQL cluster that is stopped when the calling script exits.

# need_packages PATH:PACKAGE ...  installs PACKAGE from apt when PATH is missing.
need_packages() {
  local missing=() pair
  for pair in "$@"; do
    [ -n "${pair%%:*}" ] && [ -x "${pair%%:*}" ] || missing+=("${pair##*:}")
  done
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || missing+=(postgresql)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "Missing: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) or run as root." >&2
    exit 1
  fi
  printf '\n== Installing from apt: %s\n' "${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

# Starts a cluster in a temporary folder on a free loopback port, as `nobody` when root, and
# exports TEST_DATABASE_URL. Trust authentication ignores the password, but Hyperdrive
# (wrangler dev) insists on one.
start_postgres_cluster() {
  printf '\n== Starting a throwaway PostgreSQL cluster\n'
  PG_ROOT=$(mktemp -d /tmp/ocop-pg.XXXXXX)
  mkdir -p "$PG_ROOT/data" "$PG_ROOT/sock"
  local port
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  AS_PG=()
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody "$PG_ROOT"
    chmod 755 "$PG_ROOT"
    AS_PG=(runuser -u nobody --)
  fi
  trap stop_postgres_cluster EXIT
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_ROOT/data" -U postgres --auth=trust --no-locale -E UTF8 >/dev/null
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w \
    -o "-p $port -k $PG_ROOT/sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  export TEST_DATABASE_URL="postgres://postgres:postgres@127.0.0.1:$port/postgres"
}

stop_postgres_cluster() {
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_ROOT"
}
