#!/usr/bin/env bash
# A local Dask cluster for `newsdesk ingest --scheduler ADDRESS`: one scheduler and N single-threaded workers.
#
#   scripts/dask-cluster.sh start [N]   start a scheduler and N workers (default 2); prints the address
#   scripts/dask-cluster.sh address     print the address of the running scheduler
#   scripts/dask-cluster.sh status      address and connected workers
#   scripts/dask-cluster.sh stop        stop the workers and the scheduler started here
#
# Environment:
#   NEWSDESK_PYTHON   the Python whose environment has newsdesk and dask[distributed] installed; the
#                     workers run in it, so they process articles with the same code (default: python3)
#   DASK_HOST         interface to listen on (default 127.0.0.1). A Dask scheduler runs whatever code its
#                     clients send: only listen beyond localhost on a trusted network.
#   DASK_PORT         scheduler port (default 8786)
#   NEWSDESK_DASK_DIR state folder: pid files, logs, scheduler file (default /tmp/newsdesk-dask-$USER)
set -euo pipefail

PY=${NEWSDESK_PYTHON:-python3}
HOST=${DASK_HOST:-127.0.0.1}
PORT=${DASK_PORT:-8786}
DIR=${NEWSDESK_DASK_DIR:-/tmp/newsdesk-dask-${USER:-$(id -u)}}
SCHED_FILE="$DIR/scheduler.json"

die() { echo "dask-cluster: $*" >&2; exit 1; }

running() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

address() {
  [[ -f "$SCHED_FILE" ]] || return 1
  "$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["address"])' "$SCHED_FILE"
}

wait_for_workers() {  # N: wait until N workers have registered (they register before loading models)
  "$PY" - "$SCHED_FILE" "$1" <<'EOF'
import sys
from distributed import Client
with Client(scheduler_file=sys.argv[1], timeout=30) as client:
    client.wait_for_workers(int(sys.argv[2]), timeout=120)
EOF
}

start() {
  local n=${1:-2}
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "worker count must be a positive integer, got '$n'"
  running "$DIR/scheduler.pid" && die "already running at $(address) (stop it first: $0 stop)"
  "$PY" -c 'import newsdesk, distributed' 2>/dev/null \
    || die "$PY cannot import newsdesk and distributed; set NEWSDESK_PYTHON to the project's venv python"
  mkdir -p "$DIR"
  rm -f "$SCHED_FILE"
  "$PY" -m dask scheduler --host "$HOST" --port "$PORT" --no-dashboard --dashboard-address "$HOST:0" \
    --scheduler-file "$SCHED_FILE" \
    >"$DIR/scheduler.log" 2>&1 &
  echo $! >"$DIR/scheduler.pid"
  for _ in $(seq 100); do
    [[ -s "$SCHED_FILE" ]] && break
    running "$DIR/scheduler.pid" || die "scheduler exited; see $DIR/scheduler.log"
    sleep 0.2
  done
  [[ -s "$SCHED_FILE" ]] || die "scheduler did not start within 20 s; see $DIR/scheduler.log"
  # One thread per worker: spaCy is CPU-bound and each worker process holds its own models.
  "$PY" -m dask worker --scheduler-file "$SCHED_FILE" --host "$HOST" --nworkers "$n" --nthreads 1 \
    --no-dashboard --dashboard-address "$HOST:0" \
    --local-directory "$DIR/work" >"$DIR/workers.log" 2>&1 &
  echo $! >"$DIR/workers.pid"
  wait_for_workers "$n" || die "workers did not join; see $DIR/workers.log"
  address
}

stop() {
  local f pid
  for f in "$DIR/workers.pid" "$DIR/scheduler.pid"; do
    if running "$f"; then
      pid=$(cat "$f")
      kill "$pid"
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$f"
  done
  rm -f "$SCHED_FILE"
  echo "stopped"
}

status() {
  running "$DIR/scheduler.pid" || { echo "not running"; return 1; }
  "$PY" - "$SCHED_FILE" <<'EOF'
import sys
from distributed import Client
with Client(scheduler_file=sys.argv[1], timeout=10) as client:
    print(client.scheduler.address, f"{len(client.nthreads())} workers")
EOF
}

case "${1:-}" in
  start) start "${2:-2}" ;;
  stop) stop ;;
  address) running "$DIR/scheduler.pid" && address || die "not running" ;;
  status) status ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
