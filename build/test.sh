#!/usr/bin/env bash
# Runs every test of B12Bot. On a fresh machine it first installs what the tests need:
# Debian's chromium (for the Web Chat browser tests), Debian's postgresql (the state provider tests start their own
# server from its binaries), and the npm packages the build and tests use (Azurite for the Azure Blob provider tests).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian chromium for the browser tests"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== installing Debian postgresql for the state provider tests"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi

for dir in src/B12Bot/ClientApp appPackage tests/B12Bot.Teams.Tests/playground tests/tools; do
  if [ -f "$dir/package-lock.json" ] && [ ! -d "$dir/node_modules" ]; then
    echo "== npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

echo "== building"
dotnet build B12Bot.sln -c Release -nologo -v:q

# Test projects run one after another: browser and host tests are steadier on a 2-core machine that way.
log=$(mktemp)
status=0
for project in tests/*/*.csproj; do
  echo "== $project"
  if ! dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=minimal" --results-directory TestResults 2>&1 | tee -a "$log"; then
    status=1
  fi
done

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
