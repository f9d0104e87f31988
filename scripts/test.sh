#!/usr/bin/env bash
# Installs everything the test suite needs (pnpm, dependencies, Debian's Chromium for the
# end-to-end tests) and runs the whole suite: format, typecheck, lint, unit, integration, e2e.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update && apt-get install -y chromium
  else
    echo "The end-to-end tests need Debian's Chromium: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
exec pnpm test
