#!/usr/bin/env bash
# Quick start, command 2: every test — types, lint, unit, and the browser tests against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Playwright drives Debian's Chromium (no browser downloads here); CJK fonts make screenshots readable.
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei >/dev/null
fi

echo "── type check"; node_modules/.bin/tsc --noEmit
echo "── lint"; node_modules/.bin/biome check .
echo "── unit tests"; node_modules/.bin/vitest run
echo "── build"; npm run build
# Hostile requests over raw HTTP against the production server, 2,000 of them (npm run fuzz:http sends 20,000).
echo "── HTTP fuzzing"; HTTP_FUZZ_REQUESTS=2000 node --conditions=react-server --import tsx bench/http-fuzz.ts
echo "── browser tests"; node_modules/.bin/playwright test
# Crash safety, small: five SIGKILLs while ballots are cast (npm run bench:crash does twenty).
echo "── crash safety"; CRASH_KILLS=5 CRASH_HOLDERS=1500 node --conditions=react-server --import tsx bench/crash.ts
# The benchmark scripts, at a tiny scale for a few seconds, so they cannot silently rot (no timing is checked).
echo "── benchmark smoke"
BENCH_SCALE=0.01 BENCH_DATA_DIR=bench/data/smoke node --conditions=react-server --import tsx bench/data-gen.ts
BENCH_SMOKE=1 BENCH_DATA_DIR=bench/data/smoke node --conditions=react-server --import tsx bench/run.ts
