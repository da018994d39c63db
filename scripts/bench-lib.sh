# Shared by the benchmark scripts: a release build, a throwaway database (SQLite file or PostgreSQL server on
# 127.0.0.1 with default durability), the demo county plus N synthetic cases, and a server. Everything started is
# stopped on exit, also on Ctrl-C; the data lives in a temp folder.
# Usage (after `set -euo pipefail` and cd to the repo): source scripts/bench-lib.sh; bench_build; bench_database
# sqlite|postgres; bench_seed CASES; bench_serve  (sets BIN, WORK, DATABASE_URL, PORT, SERVER_PID); bench_cpu before
# and after a run, then bench_cpu_report.
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
  # ONEWINDOW_BENCH_BIN runs a binary built elsewhere (another checkout's release build) instead of building here.
  if [ -n "${ONEWINDOW_BENCH_BIN:-}" ]; then
    BIN=$ONEWINDOW_BENCH_BIN
    echo "== using $BIN"
    return
  fi
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
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.1; done
}

# CPU time used so far, in clock ticks: by the server, by PostgreSQL's processes (0 on SQLite) and by the whole machine
# (load tool included; time stolen by the host left out).
bench_cpu() {
  local database=0 pid postmaster
  if [ -f "$WORK/pg/postmaster.pid" ]; then
    postmaster=$(head -1 "$WORK/pg/postmaster.pid")
    for pid in $postmaster $(pgrep -P "$postmaster"); do
      database=$((database + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
  fi
  echo "$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat") $database" \
    "$(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat)"
}

# bench_cpu_report "BEFORE" "AFTER" OUTPUT: the CPU time one accepted case cost, from two bench_cpu readings and
# the load tool's output. It tells the server's share from the database's, and where a change saves work that
# cases/s hides (a run that did not use the whole machine); it still moves with the machine's speed.
bench_cpu_report() {
  local accepted
  accepted=$(sed -n 's/^ *accepted cases: *\([0-9]*\) .*/\1/p' "$3" | tail -1)
  [ -n "$accepted" ] && [ "$accepted" -gt 0 ] || return 0
  awk -v before="$1" -v after="$2" -v accepted="$accepted" -v tick="$(getconf CLK_TCK)" 'BEGIN {
    split(before, b, " "); split(after, a, " ")
    per = 1e6 / tick / accepted
    if (a[2] > 0) printf "  CPU per accepted case: server %.0f µs, database %.0f µs, whole machine %.0f µs\n",
      (a[1] - b[1]) * per, (a[2] - b[2]) * per, (a[3] - b[3]) * per
    else printf "  CPU per accepted case: server (SQLite in it) %.0f µs, whole machine %.0f µs\n",
      (a[1] - b[1]) * per, (a[3] - b[3]) * per
  }'
}
