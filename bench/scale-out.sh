#!/usr/bin/env bash
# Issue 16's load figures, each printed with the machine's load average beside it: FAQ turns from returning and from
# new conversations, and whole symptom walkthroughs (a new conversation of several turns each), through /api/messages
# and through Direct Line, on
#   - one instance with the embedded SQLite store,
#   - one instance on PostgreSQL, and two instances on the same PostgreSQL with every conversation's turns alternating
#     between them.
# PostgreSQL (Debian's postgresql package) is started here on a free loopback port with its own data folder in /tmp,
# default durability settings (fsync on, synchronous commit), and stopped and deleted at the end.
# Direct Line over two instances runs once the instances share its history; until then the tool says it skipped it.
#   SECONDS_PER_RUN (default 10), CONNECTIONS (default 32)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${SECONDS_PER_RUN:-10}
connections=${CONNECTIONS:-32}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$pg_bin" || ! -x "$pg_bin/initdb" ]]; then
  echo "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: apt-get install -y postgresql" >&2
  exit 1
fi

dotnet build bench/B12Bot.LoadTest -c Release -nologo -v:q

# PostgreSQL refuses to run as root: under root it runs as the postgres user the Debian package creates.
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_folder=$(mktemp -d /tmp/b12-bench-pg-XXXXXX)
mkdir "$pg_folder/sockets"
[[ $(id -u) == 0 ]] && chown -R postgres:postgres "$pg_folder"
stop_postgres() {
  as_postgres "$pg_bin/pg_ctl" -D "$pg_folder/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_folder"
}
trap stop_postgres EXIT
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_postgres "$pg_bin/initdb" -D "$pg_folder/data" -U postgres -A trust -E UTF8 --no-instructions >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$pg_folder/data" -l "$pg_folder/server.log" \
  -o "-p $pg_port -k $pg_folder/sockets -c listen_addresses=127.0.0.1 -c max_connections=300" -w -t 60 start >/dev/null
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (fsync on, synchronous_commit on)"

postmaster=$(head -1 "$pg_folder/data/postmaster.pid")
# CPU per turn of the hosts and of PostgreSQL (the postmaster and its backends): on a shared machine it compares
# before/after far better than turns/s, which the other load moves.
run() { dotnet run -c Release --no-build --project bench/B12Bot.LoadTest -- --seconds "$seconds" --connections "$connections" --cpu-of "$postmaster" "$@" 2>&1 | grep -v '^host: ' || true; echo; }
table=0
next_postgres_table() {
  # A table of its own per run, so no run starts on another's rows.
  table=$((table + 1))
  postgres=(--host-arg --BotState:Provider=PostgreSql
    --host-arg --BotState:PostgreSql:ConnectionString --host-arg "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
    --host-arg --BotState:PostgreSql:Table --host-arg "bench_state_$table")
}

for channel in messages directline; do
  echo "######## $channel"
  echo "== SQLite, one instance: FAQ, returning conversations"
  run --channel "$channel" --scenario repeat --conversations returning
  echo "== SQLite, one instance: FAQ, every turn a new conversation"
  run --channel "$channel" --scenario repeat --conversations new
  echo "== SQLite, one instance: symptom walkthroughs"
  run --channel "$channel" --scenario walkthrough

  for instances in 1 2; do
    echo "== PostgreSQL, $instances instance(s): FAQ, returning conversations"
    next_postgres_table; run --channel "$channel" --instances "$instances" --scenario repeat --conversations returning "${postgres[@]}"
    echo "== PostgreSQL, $instances instance(s): FAQ, every turn a new conversation"
    next_postgres_table; run --channel "$channel" --instances "$instances" --scenario repeat --conversations new "${postgres[@]}"
    echo "== PostgreSQL, $instances instance(s): symptom walkthroughs"
    next_postgres_table; run --channel "$channel" --instances "$instances" --scenario walkthrough "${postgres[@]}"
  done
done
