#!/usr/bin/env bash
# Starts the built app for the browser tests on a fresh database of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-3201}"
export DATA_DIR="${E2E_DATA_DIR:-$PWD/.e2e-data}"
rm -rf "$DATA_DIR"
export NEXT_TELEMETRY_DISABLED=1 SEED_DEMO=1
# The production server itself (one worker), so the stories go through its ballot fast path too.
WEB_CONCURRENCY=1 exec node scripts/serve.mjs "$PORT" 127.0.0.1
