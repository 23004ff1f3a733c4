#!/usr/bin/env bash
# The test command: installs what the tests need (Debian's chromium, postgresql, redis-server and nginx, the npm
# packages), starts a throwaway PostgreSQL and Redis on loopback, builds once, publishes the site as the container
# image does (build/publish.sh), runs the whole suite against SQLite and then against PostgreSQL (the fleet tests
# start the published output twice behind nginx), stops the servers and prints "N passed, N failed, N skipped"
# from the TRX results.
# Usage: tests/run.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Accounts]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. What the tests need from Debian.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-liberation >/dev/null
fi

# 2. A throwaway PostgreSQL cluster on loopback.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgport=${LP_PG_PORT:-55432}
while (echo >"/dev/tcp/127.0.0.1/$pgport") 2>/dev/null; do pgport=$((pgport + 1)); done
pgdir=$(mktemp -d /tmp/lp-pg.XXXXXX)
pguser=$(id -un)
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; fi
stop_pg() {
  run_pg "'$pgbin/pg_ctl' -D '$pgdir/data' -m fast -w stop" >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
redis_pid=
stop_servers() {
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; fi
  stop_pg
}
trap stop_servers EXIT
run_pg "'$pgbin/initdb' -D '$pgdir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
run_pg "'$pgbin/pg_ctl' -D '$pgdir/data' -l '$pgdir/log' -o \"-c listen_addresses=127.0.0.1 -p $pgport -k '$pgdir' -c max_connections=300 -c fsync=off -c synchronous_commit=off\" -w start" >/dev/null
echo "PostgreSQL ($pgbin) on 127.0.0.1:$pgport"
export LP_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=postgres"

# 2b. A throwaway Redis on loopback beside it (nothing saved), for the fleet tests.
redisport=${LP_REDIS_PORT:-56379}
while (echo >"/dev/tcp/127.0.0.1/$redisport") 2>/dev/null; do redisport=$((redisport + 1)); done
redis-server --port "$redisport" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning >"$pgdir/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 50); do (echo >"/dev/tcp/127.0.0.1/$redisport") 2>/dev/null && break; sleep 0.1; done
echo "Redis on 127.0.0.1:$redisport"
export LP_TEST_REDIS="127.0.0.1:$redisport"

# 3. Build once (the web project's build also builds the front end when it is stale).
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build LearningPortal.sln -c Release -nologo -clp:ErrorsOnly

# 3b. Publish as the image does (the same script as the Dockerfile's build stage; the front end was built above).
bash build/publish.sh --skip-frontend --output "$root/artifacts/publish"
export LP_PUBLISHED_SITE="$root/artifacts/publish"

# 4. The whole suite on SQLite (less the PostgreSQL-only fleet tests), then again on PostgreSQL without the end-to-end
#    browser tests (trait Kind=Browser) and the hostile-input and timing tests (trait Database=SqliteOnly): what those
#    add is the browser or the hostile request, which the SQLite run covers; every other integration test runs on both.
#    A caller's own --filter applies to both runs as given.
status=0
for db in sqlite postgres; do
  echo "=== Tests on $db ==="
  filter=()
  # The fleet and backup tests (trait Kind=Fleet) always use PostgreSQL, so they run once, in the PostgreSQL pass.
  if [[ " $* " != *" --filter "* ]]; then
    if [ "$db" = postgres ]; then filter=(--filter "Kind!=Browser&Database!=SqliteOnly"); else filter=(--filter "Kind!=Fleet"); fi
  fi
  LP_TEST_DB=$db dotnet test LearningPortal.sln -c Release --no-build --nologo \
    --logger "trx;LogFilePrefix=$db" --results-directory "$results/$db" "${filter[@]}" "$@" || status=1
done

# 5. The closing line, counted from the runner's TRX files.
node - "$results" <<'JS'
const fs = require("fs"), path = require("path");
const files = [];
(function walk(d) { for (const f of fs.readdirSync(d)) { const p = path.join(d, f); fs.statSync(p).isDirectory() ? walk(p) : p.endsWith(".trx") && files.push(p); } })(process.argv[2]);
let passed = 0, failed = 0, skipped = 0;
for (const f of files) {
  const xml = fs.readFileSync(f, "utf8");
  for (const m of xml.matchAll(/<UnitTestResult [^>]*outcome="(\w+)"/g)) {
    if (m[1] === "Passed") passed++; else if (m[1] === "NotExecuted") skipped++; else failed++;
  }
}
if (files.length === 0) { console.log("No test results were written."); failed++; }
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
JS
node_status=$?
[ $status -eq 0 ] && [ $node_status -eq 0 ]
