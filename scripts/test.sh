#!/usr/bin/env bash
# Installs everything the test suite needs (pnpm, dependencies, Debian's Chromium and HAProxy),
# makes sure PostgreSQL and Redis run on loopback, and runs the whole suite: format, typecheck, lint,
# unit, integration (SQLite, PostgreSQL, Redis, HAProxy), e2e.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# Debian's Chromium for the end-to-end tests, HAProxy in front of the relays of the cluster tests.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update && apt-get install -y "${missing[@]}"
  else
    echo "The tests need: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# The PostgreSQL and Redis on loopback that the storage and cluster tests use (each run makes its own
# database and Redis key prefix); started here if they are not up.
if ! pg_isready -q -h 127.0.0.1; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
fi
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
fi
for _ in $(seq 50); do
  pg_isready -q -h 127.0.0.1 && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break
  sleep 0.2
done
exec pnpm test
