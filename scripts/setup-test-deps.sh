#!/usr/bin/env bash
# Installs the independent WAMP peers the interop tests run: Node packages from the committed lock file,
# and autobahn-python from Debian. Idempotent: does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f tests/interop-peers/package-lock.json ] && [ ! -d tests/interop-peers/node_modules ]; then
  (cd tests/interop-peers && npm ci --no-audit --no-fund --ignore-scripts)
fi
