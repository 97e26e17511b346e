#!/usr/bin/env bash
# Quick start, command 1: install, build and start Yishi on an embedded SQLite file with the demo district.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Rebuild only when a source file is newer than the last build.
if [ ! -f .next/BUILD_ID ] || [ ! -f .next/yishi/serve.mjs ] ||
  [ -n "$(find app server lib db i18n messages public next.config.js package-lock.json -newer .next/BUILD_ID -print -quit)" ]; then
  npm run build
fi

PORT="${PORT:-3000}"
# The demo signs in by SMS too, with the log driver: codes appear on /dev/sms and in this log, never on a phone.
export SMS_DRIVER="${SMS_DRIVER:-log}"
cat <<MSG

  Yishi (议事) is starting on http://localhost:${PORT}
  Data: ${DATA_DIR:-./data} (SQLite file yishi.db; the demo district is seeded into an empty database)
  Demo logins (password for all: yishi2026) — see README.md "Demo accounts":
    13800000001 王秋萍  branch secretary, 合和大院       13800000002 曲晶    owners' committee chair
    13800000004 刘建国  owner of two units              13800000007 赵敏    tenant
    13800000009 周海燕  property staff                  13800000010 吴刚    grid worker
    13800000011 郑丽    community worker, 中兴社区       13800000012 钱伟    street staff, 老虎滩街道
    13800000013 冯军    district admin, 中山区
  Sign-in by SMS code: the codes are shown on http://localhost:${PORT}/dev/sms (log driver, demo only).

MSG
# WEB_CONCURRENCY=2 (one per core) renders pages on every core; see bench/README.md.
exec node scripts/serve.mjs "$PORT"
