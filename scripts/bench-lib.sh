# Shared by the benchmark scripts: a release build, a throwaway database (SQLite file or PostgreSQL server on
# 127.0.0.1 with default durability), the demo county plus N synthetic cases, and a server. Everything started is
# stopped on exit, also on Ctrl-C; the data lives in a temp folder.
# Usage (after `set -euo pipefail` and cd to the repo): source scripts/bench-lib.sh; bench_build; bench_database
# sqlite|postgres; bench_seed CASES; bench_serve  (sets BIN, WORK, DATABASE_URL, PORT).
WORK=$(mktemp -d /tmp/onewindow-bench.XXXXXX)
PIDS=()
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
bench_cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/pg/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap bench_cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

bench_build() {
  echo "== release build"
  swift build -c release --product onewindow
  BIN=$(swift build -c release --show-bin-path)/onewindow
}

bench_database() {
  if [ "$1" = postgres ]; then
    [ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
    local port
    port=$(free_port)
    as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $WORK -c max_connections=200 -c shared_buffers=1GB" start >/dev/null
    as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres onewindow
    export DATABASE_URL="postgres://postgres@127.0.0.1:$port/onewindow"
  else
    export DATABASE_URL="sqlite:$WORK/onewindow.sqlite"
  fi
}

bench_seed() {
  echo "== loading the demo county and $1 synthetic cases"
  "$BIN" --data-dir "$WORK" demo --load-only | tail -1
  time "$BIN" --data-dir "$WORK" seed cases --count "$1"
  if [[ "$DATABASE_URL" == postgres* ]]; then
    # A database that grew over two years has been vacuumed and analysed; a freshly loaded one would spend the
    # measurement doing that in the background instead.
    echo "== VACUUM ANALYZE"
    as_pg "$PGBIN/vacuumdb" --analyze --quiet -d "$DATABASE_URL"
    as_pg "$PGBIN/psql" -q -d "$DATABASE_URL" -c CHECKPOINT
  fi
  # The seed leaves gigabytes the kernel has not yet written; measured at once, every commit's fsync would wait
  # behind that write-back, which a database in service does not have pending.
  echo "== sync"
  sync
}

bench_serve() {
  PORT=$(free_port)
  "$BIN" --data-dir "$WORK" serve --port "$PORT" --log warning >"$WORK/serve.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.1; done
}
