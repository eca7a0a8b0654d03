#!/usr/bin/env bash
# Stop the throwaway PostgreSQL cluster started by scripts/pg-start.sh.
# Always exits 0, also when nothing is running. The data dir is kept
# (its log is at $PG_TEST_DIR/log); pg-start.sh wipes it on the next run.
set -uo pipefail

DIR="$(realpath -m -- "${PG_TEST_DIR:-/tmp/rapport-pg}")"

# Nothing to do if the cluster was never started (or is already stopped).
[ -f "$DIR/postmaster.pid" ] || exit 0

# Highest-versioned Debian PostgreSQL bin dir.
BIN="$(printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -n 1)"
if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
  echo "pg-stop: pg_ctl not found" >&2
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  (cd / && runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR" -m fast -w stop) >&2
else
  "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >&2
fi || echo "pg-stop: pg_ctl stop failed (server not running?)" >&2
exit 0
