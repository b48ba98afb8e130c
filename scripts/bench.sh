#!/usr/bin/env bash
# The side-by-side speed table of docs/performance.md, measured in one run on this machine:
#   (a) the socket floor, (b) our client against our router, (c) our client and autobahn-js against fox-wamp,
#   (d) a typed call against the real Crossbar.io master for our client and autobahn-python, (e) a fleet of
#   simulated nodes on the fake CFC; each figure with its ratio to the floor or to the peer of the same run.
# Installs what it needs first (scripts/setup-test-deps.sh: autobahn-python, fox-wamp + autobahn-js, the master kit).
# Usage: scripts/bench.sh [--quick]     (--quick: smoke sizes, every row, well under two minutes once built)
#        BENCH_NO_BUILD=1 skips the build (the test that runs this builds first); BENCH_CONFIGURATION (default Release).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup-test-deps.sh" >&2
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  dotnet build -c "${BENCH_CONFIGURATION:-Release}" "$root/bench/Cfc.Benchmarks/Cfc.Benchmarks.csproj" -nologo -v quiet >&2
fi
exec dotnet "$root/bench/Cfc.Benchmarks/bin/${BENCH_CONFIGURATION:-Release}/net10.0/Cfc.Benchmarks.dll" table "$@"
