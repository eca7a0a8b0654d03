#!/usr/bin/env bash
# Start again a cluster made by scripts/pg-start.sh and stopped by scripts/pg-stop.sh, keeping its
# data (pg-start.sh would wipe it): tests that stop PostgreSQL mid-load and bring it back.
#
# Env: PG_TEST_DIR and PG_TEST_PORT, as given to pg-start.sh. Waits (max ~30 s) until it accepts TCP.
set -euo pipefail

PORT="${PG_TEST_PORT:-54329}"
DIR="$(realpath -m -- "${PG_TEST_DIR:-/tmp/rapport-pg}")"
BIN="$(printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -n 1)"
[ -n "$BIN" ] && [ -x "$BIN/pg_ctl" ] || { echo "pg-resume: pg_ctl not found" >&2; exit 1; }
[ -f "$DIR/PG_VERSION" ] || { echo "pg-resume: no cluster in $DIR (run pg-start.sh first)" >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# The same options as pg-start.sh.
OPTS="-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
OPTS+=" -c full_page_writes=off -c max_connections=200"
as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/log" -o "$OPTS" -w start >&2

for _ in $(seq 1 60); do
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then exit 0; fi
  sleep 0.5
done
echo "pg-resume: not ready on 127.0.0.1:$PORT within 30 s" >&2
exit 1
