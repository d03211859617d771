#!/usr/bin/env bash
# PostgreSQL for tests and local runs: uses DATABASE_URL when it points at a reachable server;
# otherwise installs the Debian package if missing and runs a throwaway cluster on a free port.
#   postgres.sh start   prints `export DATABASE_URL=...` on stdout (idempotent)
#   postgres.sh stop    stops and deletes the cluster if this script started it (idempotent)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
PGSTATE="$STATE/postgres"

pg_reachable() {
  (cd "$ROOT" && PGURL="$1" node -e "
    const { Client } = require('pg');
    const c = new Client({ connectionString: process.env.PGURL, connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.query('select 1')).then(() => c.end()).then(() => process.exit(0), () => process.exit(1));")
}

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

as_pg_user() { if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

start() {
  # The readiness probe connects with the project's own driver.
  [ -d "$ROOT/node_modules/pg" ] || die "node_modules/pg not found: run npm ci first"
  if [ -n "${DATABASE_URL:-}" ]; then
    pg_reachable "$DATABASE_URL" || die "DATABASE_URL is set but the server does not answer"
    say "using the PostgreSQL server named by DATABASE_URL"
    echo "export DATABASE_URL='$DATABASE_URL'"
    return 0
  fi
  if [ -f "$PGSTATE/url" ] && pg_reachable "$(cat "$PGSTATE/url")"; then
    say "reusing the throwaway PostgreSQL cluster ($(cat "$PGSTATE/url"))"
    echo "export DATABASE_URL='$(cat "$PGSTATE/url")'"
    return 0
  fi
  local bin; bin=$(pg_bin || true)
  if [ -z "$bin" ]; then apt_install postgresql; bin=$(pg_bin) || die "postgresql installed but initdb not found"; fi
  rm -rf "$PGSTATE"; mkdir -p "$PGSTATE"
  # The data directory lives where the postgres user can reach it (a fresh clone may sit in a 0700 folder).
  local data; data=$(mktemp -d /tmp/trialmatch-pg.XXXXXX)
  echo "$data" >"$PGSTATE/datadir"
  is_root && chown postgres: "$data"
  local port; port=$(free_port)
  # The server log too lives where the postgres user can write; $LOGS gets a link now and a copy at stop.
  local log="$data/postgres.log"; : >"$log"; is_root && chown postgres: "$log"
  ln -sfn "$log" "$LOGS/postgres.log"
  say "initdb in $data"
  as_pg_user "$bin/initdb" -D "$data/pgdata" -U postgres --auth=trust -E UTF8 --no-locale >"$LOGS/initdb.log" 2>&1 || { tail -20 "$LOGS/initdb.log" >&2; die "initdb failed"; }
  say "starting PostgreSQL on 127.0.0.1:$port"
  local opts="-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off"
  echo "$opts" >"$PGSTATE/opts"
  as_pg_user "$bin/pg_ctl" -D "$data/pgdata" -l "$log" -w -t 60 -o "$opts" start >/dev/null \
    || { tail -30 "$log" >&2; die "PostgreSQL did not start"; }
  local url="postgres://postgres@127.0.0.1:$port/postgres"
  wait_for "PostgreSQL to accept connections" 30 pg_reachable "$url" || { tail -30 "$log" >&2; return 1; }
  echo "$bin" >"$PGSTATE/bin"
  echo "$url" >"$PGSTATE/url"
  echo "export DATABASE_URL='$url'"
  echo "export TRIALMATCH_STARTED_POSTGRES=1"
}

stop() {
  [ -f "$PGSTATE/datadir" ] || { say "no throwaway PostgreSQL cluster to stop"; return 0; }
  local data bin; data=$(cat "$PGSTATE/datadir"); bin=$(cat "$PGSTATE/bin" 2>/dev/null || pg_bin)
  if [ -d "$data/pgdata" ]; then
    say "stopping PostgreSQL"
    as_pg_user "$bin/pg_ctl" -D "$data/pgdata" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  [ -f "$data/postgres.log" ] && { rm -f "$LOGS/postgres.log"; cp "$data/postgres.log" "$LOGS/postgres.log"; }
  rm -rf "$data" "$PGSTATE"
}

# For the reliability suite: an immediate stop (as a crash: no checkpoint, clients cut off), then the
# same server started again after SECONDS, with its data (crash recovery replays the WAL).
crash_restart() {
  local seconds="${1:-15}"
  [ -f "$PGSTATE/datadir" ] && [ -f "$PGSTATE/opts" ] || die "no throwaway PostgreSQL cluster started by this script"
  local data bin; data=$(cat "$PGSTATE/datadir"); bin=$(cat "$PGSTATE/bin")
  say "stopping PostgreSQL immediately"
  as_pg_user "$bin/pg_ctl" -D "$data/pgdata" -m immediate -w -t 30 stop >/dev/null
  sleep "$seconds"
  say "starting PostgreSQL again"
  as_pg_user "$bin/pg_ctl" -D "$data/pgdata" -l "$data/postgres.log" -w -t 60 -o "$(cat "$PGSTATE/opts")" start >/dev/null || { tail -30 "$data/postgres.log" >&2; die "PostgreSQL did not start again"; }
  wait_for "PostgreSQL to accept connections" 60 pg_reachable "$(cat "$PGSTATE/url")"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  crash-restart) crash_restart "${2:-15}" ;;
  *) echo "usage: $0 start|stop|crash-restart [SECONDS]" >&2; exit 2 ;;
esac
