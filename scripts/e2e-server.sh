#!/usr/bin/env bash
# Starts the built app for the browser tests on a fresh database of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-3201}"
export DATA_DIR="${E2E_DATA_DIR:-$PWD/.e2e-data}"
rm -rf "$DATA_DIR"
export NEXT_TELEMETRY_DISABLED=1 SEED_DEMO=1
# Sign-in by SMS with the log driver: the stories read the code from /dev/sms.
export SMS_DRIVER=log
# The stories play the reverse proxy from 127.0.0.1: a browser there that sends X-Forwarded-For is a
# client behind it; other loopback addresses are clients that connect directly (e2e/clients.ts).
export TRUSTED_PROXIES=127.0.0.1
# Pushes go to the stories' local push-service stub (e2e/push.spec.ts), never to a real one.
export PUSH_SERVICES="http://127.0.0.1:$((PORT + 1000))"
# The production server itself (one worker), so the stories go through its ballot fast path too.
WEB_CONCURRENCY=1 exec node scripts/serve.mjs "$PORT" 127.0.0.1
