#!/usr/bin/env bash
# A throw-away PostgreSQL for newsdesk: tests and local trials of `newsdesk --db postgresql://...`.
#
#   scripts/postgres.sh          install Debian's postgresql if missing, create the cluster under .pg/ once,
#                                start it on 127.0.0.1 (port 55432 or the next free one), print its URL
#   scripts/postgres.sh url      print the URL of the running server (fails when it is not running)
#   scripts/postgres.sh status   say whether it runs
#   scripts/postgres.sh stop     stop it (the data stays in .pg/; delete the folder to start afresh)
#
# Idempotent and unattended (no stdin); only ever contacts the Debian mirrors (apt-get).
# Environment: NEWSDESK_PG_DIR (state folder, default <repo>/.pg), NEWSDESK_PG_PORT (default 55432).
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` user of the Debian package.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${NEWSDESK_PG_DIR:-$ROOT/.pg}
WANT_PORT=${NEWSDESK_PG_PORT:-55432}
ROLE=newsdesk PASSWORD=newsdesk DBNAME=newsdesk

die() { echo "postgres.sh: $*" >&2; exit 1; }
say() { echo "postgres.sh: $*" >&2; }  # progress goes to stderr: stdout is only the URL

as_server() {  # run a command as the user that owns the cluster
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_bin() {  # the newest Debian server binaries, or whatever pg_ctl is on PATH
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    dirname "$(command -v pg_ctl)"; return 0
  fi
  return 1
}

install_server() {
  local sudo=
  if [ "$(id -u)" != 0 ]; then
    sudo -n true 2>/dev/null || die "PostgreSQL is not installed; run as root or: sudo apt-get install -y postgresql"
    sudo="sudo -n"
  fi
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is missing; install PostgreSQL >= 13"
  say "installing Debian's postgresql (apt-get)"
  $sudo apt-get update -qq >&2 || die "apt-get update failed"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2 \
    || die "apt-get install postgresql failed"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

url() { echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$1/$DBNAME"; }

running() {  # our cluster is up (pg_ctl status reads postmaster.pid and checks the process)
  [ -f "$STATE/datadir" ] || return 1
  local data; data=$(cat "$STATE/datadir")
  [ -f "$data/postmaster.pid" ] && as_server "$BIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

data_dir() {  # .pg/data, unless the server user cannot reach it (root-owned private checkout)
  local data=$STATE/data
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$STATE"; then
    data=${TMPDIR:-/tmp}/newsdesk-pg-$(printf '%s' "$STATE" | cksum | cut -d' ' -f1)
  fi
  echo "$data"
}

init_cluster() {
  local data=$1 locale=(--no-locale)
  say "creating a cluster in $data"
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$data"; fi
  chmod 700 "$data"
  # C collation: ORDER BY sorts text by code point, as SQLite and Python do.
  if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale=(--locale=C.UTF-8); fi
  # Local socket: trust, but the socket lives in a folder only the server user can enter.
  as_server "$BIN/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 "${locale[@]}" >"$STATE/initdb.log" 2>&1 \
    || die "initdb failed: $(tail -n 1 "$STATE/initdb.log")"
  # A throw-away cluster: durability is traded for speed.
  as_server sh -c "cat >>'$data/postgresql.conf'" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$data/run'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
}

start() {
  local data=$1 port=$WANT_PORT tries=0
  [ -f "$STATE/port" ] && port=$(cat "$STATE/port")
  while port_busy "$port"; do  # someone else's server: take the next port
    tries=$((tries + 1)); [ $tries -le 20 ] || die "no free port in $WANT_PORT..$((WANT_PORT + 20))"
    port=$((port + 1))
  done
  local run=$data/run
  as_server mkdir -p "$run"
  as_server chmod 700 "$run"
  say "starting PostgreSQL on 127.0.0.1:$port"
  as_server "$BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port" start >/dev/null 9>&- \
    || die "server did not start: $(as_server tail -n 3 "$data/server.log" | tr '\n' ' ')"
  echo "$port" >"$STATE/port"
}

psql_su() {  # run SQL as the superuser over the private socket
  local data; data=$(cat "$STATE/datadir")
  as_server "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$data/run" -p "$(cat "$STATE/port")" -U postgres \
    -d postgres -tA "$@"
}

ensure_role_db() {
  if [ "$(psql_su -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
    psql_su -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'" >/dev/null
  fi
  if [ "$(psql_su -c "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'")" != 1 ]; then
    psql_su -c "CREATE DATABASE $DBNAME OWNER $ROLE" >/dev/null
  fi
}

cmd_start() {
  BIN=$(find_bin) || { install_server; BIN=$(find_bin) || die "PostgreSQL binaries not found after install"; }
  if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || die "no 'postgres' user to run the server as"; fi
  mkdir -p "$STATE"
  [ -f "$STATE/.gitignore" ] || echo '*' >"$STATE/.gitignore"  # the whole folder stays out of git
  if [ "$(id -u)" = 0 ]; then chmod 755 "$STATE"; fi
  exec 9>"$STATE/lock"
  flock -w 120 9 || die "another postgres.sh holds $STATE/lock"
  if running; then url "$(cat "$STATE/port")"; return 0; fi
  local data; data=$(data_dir)
  [ -f "$data/PG_VERSION" ] || init_cluster "$data"
  echo "$data" >"$STATE/datadir"
  start "$data"
  ensure_role_db
  url "$(cat "$STATE/port")"
}

cmd_stop() {
  BIN=$(find_bin) || { say "PostgreSQL is not installed: nothing to stop"; return 0; }
  if running; then
    as_server "$BIN/pg_ctl" -D "$(cat "$STATE/datadir")" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

case "${1:-start}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url) BIN=$(find_bin) || die "PostgreSQL is not installed"; running || die "not running"; url "$(cat "$STATE/port")" ;;
  status) BIN=$(find_bin) || die "PostgreSQL is not installed"
          if running; then echo "running: $(url "$(cat "$STATE/port")")"; else echo "not running"; exit 1; fi ;;
  *) die "usage: scripts/postgres.sh [start|stop|status|url]" ;;
esac
