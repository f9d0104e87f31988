#!/usr/bin/env bash
# Installs what Samla needs on a fresh machine: pnpm 12.4.2 and the workspace's dependencies.
# Sourced by start.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$(pnpm --version 2>/dev/null)" != "12.4.2" ]; then
  npm install -g pnpm@12.4.2
fi
# better-sqlite3 is compiled on install; build against the installed Node headers instead of
# downloading them (needed where the machine has no general internet access).
if [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
pnpm install --frozen-lockfile
