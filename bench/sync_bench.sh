#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sync against a throwaway local PostgreSQL 15:
#  1. a team lead publishes the 3,000-household demo district;
#  2. 10,000 visits logged on one workstation are pushed, then pulled on a second workstation;
#  3. 50 workstations (each its own process and store, one visit each) sync at once:
#     throughput and p95 of the sync itself (sign-in, an Argon2id check, is reported apart).
# Usage: bench/sync_bench.sh [BUILD_DIR]   (needs postgresql-15; run as root or postgres)
set -euo pipefail
BUILD=${1:-build}
CLI=$(realpath "$BUILD/app/visitmap-cli")
WORK=$(mktemp -d)
PGBIN=/usr/lib/postgresql/15/bin
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
RUN=(); [ "$(id -u)" = 0 ] && RUN=(runuser -u postgres --)
chown postgres "$WORK" 2>/dev/null || true
echo bench-admin > "$WORK/pw"
"${RUN[@]}" $PGBIN/initdb -D "$WORK/data" -A scram-sha-256 --pwfile="$WORK/pw" -U postgres >/dev/null
"${RUN[@]}" $PGBIN/pg_ctl -D "$WORK/data" -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=120" \
    -l "$WORK/log" start >/dev/null
trap '"${RUN[@]}" $PGBIN/pg_ctl -D "$WORK/data" stop -m fast >/dev/null; rm -rf "$WORK"' EXIT
export PGPASSWORD=bench-admin
ADMIN="host=127.0.0.1 port=$PORT dbname=postgres user=postgres"
SERVER="host=127.0.0.1 port=$PORT dbname=postgres"
"$CLI" server-init --server "$ADMIN" >/dev/null
LEAD=visitmap-lead-demo
VISITMAP_NEW_PASSWORD=$LEAD "$CLI" server-user --server "$ADMIN" --name demo-lead --role team_lead --office 11410 >/dev/null
"$CLI" demo --db "$WORK/lead.visitmap" --area seodaemun --households 3000 --seed 1 >/dev/null

echo "== publish the 3,000-household district (first sync of the team lead)"
VISITMAP_PASSWORD=$LEAD "$CLI" sync --db "$WORK/lead.visitmap" --server "$SERVER" --user demo-lead | grep -E "published|pushed|_ms"

echo "== second workstation of the same account: first sync pulls the district"
"$CLI" init --db "$WORK/second.visitmap" >/dev/null
VISITMAP_PASSWORD=$LEAD "$CLI" sync --db "$WORK/second.visitmap" --server "$SERVER" --user demo-lead | grep -E "pulled|_ms"

echo "== 10,000 visits: push from the first, pull on the second"
python3 - "$WORK/lead.visitmap" "$WORK/visits.csv" <<'PY'
import sqlite3, sys, random
ids = [r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT id FROM households ORDER BY id")]
random.seed(5)
with open(sys.argv[2], "w") as f:
    f.write("household,kind,outcome,at,note\n")
    for i in range(10000):
        f.write(f"{random.choice(ids)},visit,met,2026-11-{1 + i % 20:02d} {9 + i % 8:02d}:{i % 60:02d},bench {i}\n")
PY
VISITMAP_PASSWORD=$LEAD "$CLI" visit import --db "$WORK/lead.visitmap" --user demo-lead "$WORK/visits.csv" >/dev/null
VISITMAP_PASSWORD=$LEAD "$CLI" sync --db "$WORK/lead.visitmap" --user demo-lead | grep -E "^pushed|_ms" | sed 's/^/push: /'
VISITMAP_PASSWORD=$LEAD "$CLI" sync --db "$WORK/second.visitmap" --user demo-lead | grep -E "^pulled|_ms" | sed 's/^/pull: /'

echo "== 50 workstations syncing at once (one per caseworker, one visit each)"
OFFICES=($(sqlite3 "$WORK/lead.visitmap" "SELECT code FROM offices ORDER BY code"))
for i in $(seq 1 50); do
    office=${OFFICES[$(( (i - 1) % ${#OFFICES[@]} ))]}
    VISITMAP_NEW_PASSWORD=Bench-pass-2026 "$CLI" server-user --server "$ADMIN" --name "cw$i" --role caseworker --office "$office" >/dev/null
done
VISITMAP_PASSWORD=$LEAD "$CLI" sync --db "$WORK/lead.visitmap" --user demo-lead >/dev/null   # seal office keys to them
for i in $(seq 1 50); do
    "$CLI" init --db "$WORK/cw$i.visitmap" >/dev/null
    VISITMAP_PASSWORD=Bench-pass-2026 "$CLI" sync --db "$WORK/cw$i.visitmap" --server "$SERVER" --user "cw$i" >/dev/null
    hh=$(sqlite3 "$WORK/cw$i.visitmap" "SELECT id FROM households LIMIT 1")
    VISITMAP_PASSWORD=Bench-pass-2026 "$CLI" visit add --db "$WORK/cw$i.visitmap" --user "cw$i" --household "$hh" \
        --kind phone --outcome met --note "bench" >/dev/null
done
start=$(date +%s.%N)
for i in $(seq 1 50); do
    ( VISITMAP_PASSWORD=Bench-pass-2026 "$CLI" sync --db "$WORK/cw$i.visitmap" --user "cw$i" > "$WORK/out$i" 2>&1 ) &
done
wait
end=$(date +%s.%N)
grep -h sync_ms "$WORK"/out* | awk '{print $2}' | sort -n > "$WORK/ms"
ok=$(grep -l "^pushed 1 " "$WORK"/out* | wc -l)
python3 - "$WORK/ms" "$start" "$end" "$ok" <<'PY'
import sys, math
ms = [int(x) for x in open(sys.argv[1]) if x.strip()]
wall = float(sys.argv[3]) - float(sys.argv[2])
p95 = ms[min(len(ms) - 1, math.ceil(0.95 * len(ms)) - 1)]
print(f"clients {len(ms)} pushed_ok {sys.argv[4]} wall_s {wall:.2f} throughput_syncs_per_s {len(ms) / wall:.1f} "
      f"sync_ms_median {ms[len(ms) // 2]} sync_ms_p95 {p95} sync_ms_max {ms[-1]}")
PY
