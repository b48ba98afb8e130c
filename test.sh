#!/usr/bin/env bash
# Builds the solution and runs every test, installing what the tests need first (Debian and npm packages).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup-test-deps.sh
dotnet test Cfc.Client.sln -c Release --logger "console;verbosity=normal" "$@"
