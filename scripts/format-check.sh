#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that every C++ line changed since .ci/format-base (or since BASE, if given) is formatted
# as .clang-format says. Only changed lines are checked: older code is reformatted when it is next
# touched, not in one sweep that would bury its history.
#   scripts/format-check.sh [BASE]     exit 0 clean, 1 with the diff that would fix it
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
base=${1:-$(tr -d '[:space:]' < .ci/format-base)}
if ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
    # A shallow clone lacks the base: check what the newest commit changed instead.
    echo "format-check: the base commit ${base:0:10} is not in this clone (shallow?); checking HEAD's own change" >&2
    base=$(git rev-parse -q --verify HEAD^ || true)
    if [ -z "$base" ]; then
        echo "format-check: HEAD has no parent in this clone; nothing to compare with" >&2
        exit 0
    fi
fi
formatter=$(command -v git-clang-format-16 || true)
if [ -z "$formatter" ]; then
    echo "format-check: git-clang-format-16 not found (apt-get install clang-format-16)" >&2
    exit 2
fi
files=$(git diff --name-only --diff-filter=AMR "$base" -- '*.cpp' '*.h' | grep -v '^tests/fuzz/corpus/' || true)
if [ -z "$files" ]; then
    echo "format-check: no C++ file changed since ${base:0:10}"
    exit 0
fi
# --diff prints what clang-format would change on the changed lines; nothing means clean.
out=$("$formatter" --binary "$(command -v clang-format-16)" --diff "$base" -- $files || true)
if [ -z "$out" ] || printf '%s' "$out" | grep -q '^no modified files to format$' \
    || printf '%s' "$out" | grep -q '^clang-format did not modify any files$'; then
    echo "format-check: every changed line since ${base:0:10} is formatted"
    exit 0
fi
echo "format-check: these changed lines are not formatted as .clang-format says" >&2
echo "(fix with: git clang-format-16 $base)" >&2
printf '%s\n' "$out" >&2
exit 1
