#!/usr/bin/env bash
# The long fuzz run (issue 11): FUZZ_REQUESTS generated hostile requests (default 10,000) against /api/messages and the
# Direct Line channel of the real host on loopback; prints the counts by status and by kind, fails on any 5xx, hung
# request or inconsistent store. The normal test run sends a fixed-seed subset of 2,500.
#   bench/fuzz.sh                 # 10,000 requests, seed 1311
#   FUZZ_REQUESTS=50000 FUZZ_SEED=7 bench/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_REQUESTS="${FUZZ_REQUESTS:-10000}"
export FUZZ_SEED="${FUZZ_SEED:-1311}"
dotnet build tests/B12Bot.Tests -c Release -v:q -nologo
dotnet test tests/B12Bot.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~Security.FuzzTests" --logger "console;verbosity=detailed"
