#!/usr/bin/env bash
# Installs the independent WAMP peers the interop tests run: Node packages from the committed lock file
# (fox-wamp, autobahn-js, tweetnacl), and autobahn-python from Debian. Idempotent: does only what is missing.
# Needs: Debian 12, Node 20 (node + npm on PATH), root for apt-get (or everything already installed).
set -euo pipefail
cd "$(dirname "$0")/.."

# autobahn-python and friends, for Debian's own interpreter (another python3 may come first on PATH).
PY_MODULES="import autobahn, twisted, nacl, msgpack, cbor2"
if ! /usr/bin/python3 -c "$PY_MODULES" >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup-test-deps: /usr/bin/python3 lacks autobahn/twisted/nacl/msgpack/cbor2 and this is not root;" >&2
    echo "  run: sudo apt-get install python3-autobahn python3-twisted python3-nacl python3-msgpack python3-cbor2" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends \
    python3-autobahn python3-twisted python3-nacl python3-msgpack python3-cbor2
  /usr/bin/python3 -c "$PY_MODULES"
fi

# Node packages, exactly as locked. npm ci writes node_modules/.package-lock.json; when it is older than the
# committed lock (or package.json), the install is stale and is redone. Install scripts never run.
PEERS=tests/interop-peers
if [ -f "$PEERS/package-lock.json" ]; then
  stamp="$PEERS/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$PEERS/package-lock.json" -nt "$stamp" ] || [ "$PEERS/package.json" -nt "$stamp" ]; then
    (cd "$PEERS" && npm ci --ignore-scripts --no-audit --no-fund)
  fi
fi

# The real Crossbar.io master node for tests/Cfc.Master.Tests: the shared crossbar-master kit beside the clone
# (../shared/crossbar-master, or CFC_MASTER_KIT_DIR). Its setup.sh is idempotent (apt packages + unpack/patch into
# CBM_HOME); the test fixture runs it again (a few seconds) and starts a fresh master + edge per run. With
# CFC_MASTER_URL set the tests use a master you run yourself and nothing is installed here.
if [ -z "${CFC_MASTER_URL:-}" ]; then
  KIT="${CFC_MASTER_KIT_DIR:-../shared/crossbar-master}"
  if [ ! -f "$KIT/setup.sh" ]; then
    echo "setup-test-deps: the crossbar-master kit is missing ($KIT/setup.sh); lay out shared/ beside the clone," >&2
    echo "  set CFC_MASTER_KIT_DIR, or set CFC_MASTER_URL and CFC_MASTER_KEY_FILE (tests/Cfc.TestKit/README.md)" >&2
    exit 1
  fi
  bash "$KIT/setup.sh"
fi
