#!/usr/bin/env bash
# Issue 14's speed and memory bars, one after the other, each printed with the machine's load average beside it:
#   free-text FAQ turns where every message differs: saturation (32 connections; on the settled host and in its first
#   seconds of load) and open loop at 300 turns/s;
#   repeated questions and button presses at saturation; a trivial endpoint of the same host at 300/s for comparison;
#   cold start to first answer; host resident memory under each load; in-process, the understanding cascade's CPU per
#   message by stage and the share of messages reaching the embedding model, and the embedding model's own cost.
# Compare against the Bot Framework SDK for JavaScript with bench/compare-with-js-sdk.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${SECONDS_PER_RUN:-15}
run() { dotnet run -c Release --no-build --project bench/B12Bot.LoadTest -- "$@" 2>&1 | grep -v '^host: '; echo; }

dotnet build bench/B12Bot.LoadTest -c Release -nologo -v:q

echo "== Distinct patient-style questions at saturation, settled host (bar: >= 1,000 turns/s, <= 400 MB resident)"
# Saturation is a steady state: the first 20 s of load are run but not counted, while tiered compilation optimises the
# hot methods (a distinct turn cost 1.96 ms of host CPU in the first 11 s of load, 1.71 ms once settled: README, session 19).
run --scenario distinct --connections 32 --warmup 20 --seconds "$seconds"
echo "== The same in the host's first seconds of load (3 s of warm-up): what a freshly started instance gives"
run --scenario distinct --connections 32 --seconds "$seconds"
echo "== Distinct patient-style questions, open loop at 300 turns/s (bar: p99 <= 20 ms)"
run --scenario distinct --rate 300 --seconds "$seconds"
echo "== Trivial endpoint of the same host (GET /healthz), open loop at 300/s: the machine's own floor"
run --scenario healthz --rate 300 --seconds "$seconds"
echo "== Repeated FAQ questions at saturation"
run --scenario repeat --connections 32 --seconds "$seconds"
echo "== Button presses at saturation"
run --scenario buttons --connections 32 --seconds "$seconds"
echo "== Cold start to first answer (bar: <= 1.5 s)"
run --scenario cold-start --repeats 3
echo "== Cold start of the deployed form: a ReadyToRun publish (precompiled, so little JIT at start; see README, Deploying)"
r2r=$(mktemp -d)
dotnet publish src/B12Bot -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$r2r" -nologo -v:q >/dev/null
run --scenario cold-start --repeats 3 --host-dll "$r2r/B12Bot.dll"
rm -rf "$r2r"
echo "== Understanding cascade in-process: CPU per message by stage, share reaching the sentence-embedding model (load-independent)"
run --scenario cascade-profile
echo "== Sentence-embedding model in-process: single messages vs batches vs the service's micro-batching"
run --scenario embedder
