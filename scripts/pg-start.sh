#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for tests.
#
# Prints exactly one line on stdout: the connection URL
#   postgres://postgres@127.0.0.1:PORT/postgres
# Everything else goes to stderr.
#
# Env:
#   PG_TEST_DIR   data directory (default /tmp/rapport-pg; WIPED on every run)
#   PG_TEST_PORT  TCP port        (default 54329)
#
# Uses its own cluster on its own port; the Debian default cluster
# (pg_ctlcluster / systemd, port 5432) is neither used nor touched.
set -euo pipefail

PORT="${PG_TEST_PORT:-54329}"
DIR="$(realpath -m -- "${PG_TEST_DIR:-/tmp/rapport-pg}")"

log() { echo "pg-start: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Highest-versioned Debian PostgreSQL bin dir, if any.
find_bin_dir() {
  local d
  d="$(printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -n 1)"
  [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && echo "$d"
}

# Run a command as the postgres user (or as ourselves if we are not root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# 1. Locate (or install) the PostgreSQL server binaries.
BIN="$(find_bin_dir || true)"
if [ -z "$BIN" ]; then
  log "PostgreSQL server not found; installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends postgresql >&2; then
    apt-get update >&2
    apt-get install -y --no-install-recommends postgresql >&2
  fi
  BIN="$(find_bin_dir || true)"
  [ -n "$BIN" ] || die "no initdb/pg_ctl under /usr/lib/postgresql/*/bin after install"
fi
log "using $BIN"

# 2. Stop a server left running in this dir by a previous run.
if [ -f "$DIR/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  log "stopping server still running in $DIR"
  as_pg "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >&2 ||
    as_pg "$BIN/pg_ctl" -D "$DIR" -m immediate -w stop >&2 || true
fi

# 3. Fresh, empty data dir owned by postgres.
fresh_dir() {
  rm -rf -- "$DIR"
  mkdir -p -- "$DIR"
  chmod 700 "$DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$DIR"; fi
  as_pg test -w "$DIR" || die "$DIR is not writable by the postgres user (is a parent dir private?)"
}
fresh_dir

# 4. initdb (C.UTF-8 locale, falling back to --no-locale).
INITDB_ARGS=(-D "$DIR" -U postgres --auth=trust --encoding=UTF8)
if ! as_pg "$BIN/initdb" "${INITDB_ARGS[@]}" --locale=C.UTF-8 >&2; then
  log "initdb with --locale=C.UTF-8 failed; retrying with --no-locale"
  fresh_dir
  as_pg "$BIN/initdb" "${INITDB_ARGS[@]}" --no-locale >&2 || die "initdb failed"
fi

# 5. Start the server (TCP on 127.0.0.1:PORT, unix socket inside the data dir).
OPTS="-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
OPTS+=" -c full_page_writes=off -c max_connections=200"
if ! as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/log" -o "$OPTS" -w start >&2; then
  tail -n 30 "$DIR/log" >&2 || true
  die "pg_ctl start failed (port $PORT in use?)"
fi

# 6. Wait (max ~30 s) until it accepts TCP connections.
for _ in $(seq 1 60); do
  if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    exit 0
  fi
  sleep 0.5
done
tail -n 30 "$DIR/log" >&2 || true
die "server did not become ready on 127.0.0.1:$PORT within 30 s"
