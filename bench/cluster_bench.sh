#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Cluster indexing, side by side: visitmap-cli bench cluster and npm supercluster (run by node)
# on the same 1,000,000 lon,lat points, radius 60, maxZoom 18, each run REPEAT times.
# Usage: bench/cluster_bench.sh [BUILD_DIR] [POINTS] [REPEAT]
# Needs node and npm (supercluster is installed into BUILD_DIR/bench-node on first use).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
count=${2:-1000000}
repeat=${3:-5}
cli="$build/app/visitmap-cli"
work="$build/bench-cluster"
mkdir -p "$work"
points="$work/points-$count.csv"
[ -f "$points" ] || "$cli" bench points --count "$count" --area seoul --seed 1 --out "$points"
if [ ! -d "$build/bench-node/node_modules/supercluster" ]; then
    mkdir -p "$build/bench-node"
    (cd "$build/bench-node" && npm install --silent --no-audit --no-fund supercluster@8 >/dev/null)
fi
echo "== visitmap-cli bench cluster ($count points, radius 60, maxZoom 18)"
/usr/bin/time -f "process_peak_rss_mb %M" "$cli" bench cluster --input "$points" --radius 60 --max-zoom 18 \
    --repeat "$repeat" 2>&1 | awk '/process_peak_rss_mb/ {printf "process_peak_rss_mb %.1f\n", $2/1024; next} {print}'
echo "== supercluster $(node -p "require('$build/bench-node/node_modules/supercluster/package.json').version") on node $(node --version)"
(cd "$build/bench-node" && /usr/bin/time -f "process_peak_rss_mb %M" node --max-old-space-size=8000 --expose-gc \
    "$here/supercluster_bench.mjs" "$points" 60 18 "$repeat" 2>&1 |
    awk '/process_peak_rss_mb/ {printf "process_peak_rss_mb %.1f\n", $2/1024; next} {print}')
