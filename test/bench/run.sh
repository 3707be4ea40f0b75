#!/usr/bin/env bash
# `npm run bench`: one JSON line per benchmark on stdout (progress goes to stderr). Needs wrk and
# PostgreSQL, installed from apt as root when missing, like `npm test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d node_modules ] || npm ci --no-audit --no-fund >&2
source test/support/provision.sh
need_packages /usr/bin/wrk:wrk /usr/bin/chromium:chromium >&2
start_postgres_cluster >&2
npx tsx test/bench/run.ts "$@"
