#!/usr/bin/env bash
# Runs the hostile-router suite (tests/Cfc.Wamp.Tests/Hostile) and prints the figures it measured, one per line:
# the counts, bytes and fake-clock times that docs/security.md quotes. The tests themselves assert the bounds.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/Cfc.Wamp.Tests/Cfc.Wamp.Tests.csproj -c Release --filter "FullyQualifiedName~Cfc.Wamp.Tests.Hostile" \
  --logger "console;verbosity=detailed" "$@" \
  | awk '/Standard Output Messages:/ { getline; sub(/^ +/, ""); print; next } /^ +(Passed|Failed|Total tests):/ { sub(/^ +/, ""); print }'
