#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Times `visitmap-cli demo` at several sizes (wall time and peak memory), three runs each.
set -euo pipefail
CLI="${1:-$(dirname "$0")/../build/app/visitmap-cli}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
for n in 3000 100000 1000000; do
    for run in 1 2 3; do
        rm -f "$OUT/demo.visitmap"
        /usr/bin/time -f "households $n run $run wall_s %e peak_rss_kb %M" \
            "$CLI" demo --db "$OUT/demo.visitmap" --households "$n" --today 2026-11-23 >/dev/null
    done
    ls -l "$OUT/demo.visitmap" | awk -v n="$n" '{print "households " n " store_bytes " $5}'
done
