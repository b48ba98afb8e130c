#!/usr/bin/env bash
# Builds the solution and runs every test project, installing what the tests need first
# (autobahn-python from Debian, fox-wamp and autobahn-js from the committed npm lock file).
# Ends with one summary line, "tests: N passed, N failed, N skipped", and fails when a test failed or none ran.
set -uo pipefail
cd "$(dirname "$0")"
bash scripts/setup-test-deps.sh || exit 1

results=artifacts/test-results
rm -rf "$results"
dotnet test Cfc.Client.sln -c Release --logger "console;verbosity=minimal" --logger trx --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
# The packages: pack every packable project and run the consumer smoke test (a new app outside the solution
# restores them with Microsoft.Extensions.* 10.0.0, builds with warnings as errors, runs against the fake CFC).
# It counts as one test.
if bash scripts/pack-and-smoke.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: scripts/pack-and-smoke.sh" >&2; fi

echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
if [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
