#!/usr/bin/env bash
# Throughput of the same FAQ turn: B12Bot (its own runtime, .NET) against the Bot Framework SDK for JavaScript
# (bench/js-baseline). Both are driven by the same load generator, one after the other, on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${CONNECTIONS:-32}
seconds=${SECONDS_PER_RUN:-15}

dotnet build bench/B12Bot.LoadTest -c Release -nologo -v:q
(cd bench/js-baseline && { [ -d node_modules ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; })

echo "== B12Bot (.NET runtime)"
dotnet run -c Release --no-build --project bench/B12Bot.LoadTest -- --connections "$connections" --seconds "$seconds"

echo
echo "== Bot Framework SDK for JavaScript 4.23.3 (same content, state, dialog turn, expectReplies)"
node bench/js-baseline/index.js 3979 &
js=$!
trap 'kill $js 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -s -o /dev/null http://127.0.0.1:3979/ && break; sleep 0.2; done
dotnet run -c Release --no-build --project bench/B12Bot.LoadTest -- --url http://127.0.0.1:3979 --connections "$connections" --seconds "$seconds"
