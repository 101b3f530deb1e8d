#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The route solver on the standard benchmarks, side by side with pgRouting's pgr_TSP.
#   bench/route_bench.sh [SECONDS]      (default 2 s per instance)
# Prints, per TSPLIB instance: the optimum, our length and gap, pgr_TSP's length, gap and time on
# the same rounded matrix; per Solomon instance: vehicles and distance against the best known, and
# the mean gap per class. Starts a throwaway PostgreSQL (with pgRouting) on a free loopback port.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI="${CLI:-$ROOT/build/app/visitmap-cli}"
SECONDS_EACH="${1:-2}"
DATA="$ROOT/bench/data"
PGBIN=/usr/lib/postgresql/15/bin

work="$(mktemp -d)"
chmod 755 "$work"
cleanup() {
    if [ -f "$work/pg/postmaster.pid" ]; then
        runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/pg" "$work/sock"
chown postgres "$work/pg" "$work/sock"
runuser -u postgres -- "$PGBIN/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -l "$work/pg/log" -w \
    -o "-h 127.0.0.1 -p $port -k $work/sock" start >/dev/null
export PGOPTIONS="-c client_min_messages=warning"
psql_() { psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
psql_ -c "CREATE EXTENSION pgrouting CASCADE" >/dev/null

echo "== TSPLIB (${SECONDS_EACH} s per instance for ours; pgr_TSP with its defaults)"
printf '%-9s %5s %9s | %9s %7s | %9s %7s %7s | %9s %7s\n' instance n optimum ours gap pgr_TSP gap pgr_s "ours@pgr_s" gap
tail -n +2 "$DATA/tsplib/optima.csv" | while IFS=, read -r name n optimum _; do
    ours=$("$CLI" route --tsplib "$DATA/tsplib/$name.tsp" --seconds "$SECONDS_EACH" 2>/dev/null | head -1 | cut -d' ' -f2)
    # The same matrix for pgr_TSP: TSPLIB's rounded EUC_2D distances, every pair both ways.
    python3 - "$DATA/tsplib/$name.tsp" > "$work/$name.csv" <<'PY'
import sys, math
pts = {}
section = False
for line in open(sys.argv[1]):
    s = line.strip()
    if not s or s == 'EOF':
        continue
    if s.startswith('NODE_COORD_SECTION'):
        section = True
        continue
    if section and (s[0].isdigit() or s[0] in '+-'):
        i, x, y = s.split()[:3]
        pts[int(i)] = (float(x), float(y))
ids = sorted(pts)
for a in ids:
    for b in ids:
        if a < b:
            d = int(math.sqrt((pts[a][0] - pts[b][0]) ** 2 + (pts[a][1] - pts[b][1]) ** 2) + 0.5)
            print(f"{a},{b},{d}")
PY
    psql_ -c "DROP TABLE IF EXISTS m; CREATE TABLE m (start_vid bigint, end_vid bigint, agg_cost float8)" \
          -c "\\copy m FROM '$work/$name.csv' WITH (FORMAT csv)" >/dev/null
    start=$(date +%s.%N)
    pgr=$(psql_ -At -c "SELECT max(agg_cost)::bigint FROM pgr_TSP('SELECT start_vid, end_vid, agg_cost FROM m')")
    end=$(date +%s.%N)
    # Ours again, given only the time pgr_TSP took.
    same=$(python3 -c "print(max(0.01, round($end - $start, 3)))")
    quick=$("$CLI" route --tsplib "$DATA/tsplib/$name.tsp" --seconds "$same" 2>/dev/null | head -1 | cut -d' ' -f2)
    python3 -c "
o=$optimum; a=$ours; p=$pgr; q=$quick
print(f'%-9s %5s %9d | %9d %+6.2f%% | %9d %+6.2f%% %7.2f | %9d %+6.2f%%' % ('$name', '$n', o, a, 100*(a-o)/o, p, 100*(p-o)/o, $end-$start, q, 100*(q-o)/o))"
done

echo
echo "== Solomon VRPTW (${SECONDS_EACH} s per instance; distance against the best known, which minimises vehicles first)"
python3 - "$CLI" "$DATA/solomon" "$SECONDS_EACH" <<'PY'
import csv, os, re, subprocess, sys, collections
cli, data, secs = sys.argv[1:4]
best = {r['file']: (int(r['vehicles']), float(r['distance'])) for r in csv.DictReader(open(os.path.join(data, 'bestknown.csv')))}
gaps = collections.defaultdict(list)
vehicles = collections.defaultdict(list)
infeasible = 0
for f in sorted(os.listdir(os.path.join(data, 'instances'))):
    name = f[:-4]
    run = subprocess.run([cli, 'route', '--solomon', os.path.join(data, 'instances', f), '--seconds', secs],
                         capture_output=True, text=True)
    m = re.search(r'vehicles (\d+) distance ([\d.]+)', run.stdout)
    v, d = int(m.group(1)), float(m.group(2))
    infeasible += run.returncode != 0
    cls = re.match(r'[a-z]+\d', name).group(0).upper()
    if name in best:
        bv, bd = best[name]
        gaps[cls].append(100 * (d - bd) / bd)
        vehicles[cls].append(v - bv)
        print(f'{name:6} {v:3} {d:9.2f}   best {bv:3} {bd:9.2f}   gap {gaps[cls][-1]:+6.2f}%{"  INFEASIBLE" if run.returncode else ""}')
    else:
        print(f'{name:6} {v:3} {d:9.2f}   (no best known){"  INFEASIBLE" if run.returncode else ""}')
print()
allg = []
for cls in sorted(gaps):
    g = gaps[cls]
    allg += g
    print(f'{cls:4} {len(g):2} instances  mean gap {sum(g)/len(g):+6.2f}%  worst {max(g):+6.2f}%  vehicles vs best {sum(vehicles[cls])/len(g):+.1f}')
print(f'all  {len(allg)} instances  mean gap {sum(allg)/len(allg):+6.2f}%  worst {max(allg):+6.2f}%  infeasible answers: {infeasible}')
PY

echo
echo "== A day plan: 40 households, 3 teams (3,000-household demo 동 district, five runs)"
store="$work/demo.visitmap"
"$CLI" demo --db "$store" --households 3000 --today 2026-11-23 >/dev/null
ids=$(sqlite3 "$store" "WITH c AS (SELECT avg(lon) x, avg(lat) y FROM households WHERE office_code = (SELECT office_code FROM households GROUP BY office_code ORDER BY count(*) DESC LIMIT 1)) SELECT group_concat(id) FROM (SELECT h.id FROM households h, c ORDER BY (h.lon - c.x) * (h.lon - c.x) + (h.lat - c.y) * (h.lat - c.y) LIMIT 40)")
for run in 1 2 3 4 5; do
    VISITMAP_PASSWORD=visitmap-lead-demo "$CLI" route --db "$store" --user demo-lead --households "$ids" --teams 3 --date 2026-11-24 2>&1 >/dev/null | grep planned
done
