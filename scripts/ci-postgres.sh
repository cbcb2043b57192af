#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the case-log tests and print its URL (the last line
# of stdout), e.g. in .ci/run:
#   export PIISCORE_TEST_POSTGRES_URL="$(scripts/ci-postgres.sh | tail -n 1)"
# Installs Debian's postgresql when missing (needs root or sudo), runs a private cluster as the
# postgres user on 127.0.0.1 (port $PIISCORE_PG_PORT, default 54329, data in $PIISCORE_PG_DIR,
# default /tmp/piiscore-pg), and creates the user and database "piiscore_test". Running it
# again reuses the running server. Stop it with: scripts/ci-postgres.sh stop
set -euo pipefail

PORT="${PIISCORE_PG_PORT:-54329}"
DIR="${PIISCORE_PG_DIR:-/tmp/piiscore-pg}"
DB=piiscore_test
USER_NAME=piiscore_test
PASSWORD=piiscore_test   # a loopback-only test server with nothing in it

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }
log() { echo "ci-postgres: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  log "installing Debian's postgresql"
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

if [ "${1:-}" = stop ]; then
  as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2 || true
  exit 0
fi

if ! as_postgres "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  as_root mkdir -p "$DIR"
  as_root chown postgres:postgres "$DIR"
  as_root chmod 700 "$DIR"
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    log "creating a cluster in $DIR/data"
    as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >&2
  fi
  log "starting PostgreSQL on 127.0.0.1:$PORT"
  as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=on" start >&2
fi

psql_admin() { as_postgres "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$USER_NAME'")" != 1 ]; then
  psql_admin -c "CREATE ROLE $USER_NAME LOGIN PASSWORD '$PASSWORD'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE $DB OWNER $USER_NAME" >&2
fi
echo "postgresql://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$DB"
