#!/usr/bin/env bash
# Installs, builds the web app and starts the relay, which serves everything on one URL.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec pnpm start
