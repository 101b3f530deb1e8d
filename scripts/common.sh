#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the set-up scripts: install Debian 12 packages and build.
set -euo pipefail

VISITMAP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$VISITMAP_ROOT/build}"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Build and test dependencies (Debian 12 "bookworm").
VISITMAP_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-positioning-dev qt6-charts-dev qt6-svg-dev qtkeychain-qt6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libqt6sql6-psql
    libgl-dev catch2 libsqlite3-dev sqlite3 libproj-dev proj-data libsodium-dev libssl-dev libgeos-dev
    fonts-noto-cjk postgresql postgresql-15-postgis-3 postgresql-15-pgrouting
    clang-16 libclang-rt-16-dev clang-format-16 libbenchmark-dev
    libxlsxwriter-dev
    qt6-translations-l10n
)

install_packages() {
    local missing=()
    for p in "${VISITMAP_PACKAGES[@]}" "$@"; do
        [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == "install ok installed" ]] \
            || missing+=("$p")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "== installing ${#missing[@]} Debian packages"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    fi
}

build() {
    echo "== building in $BUILD_DIR"
    cmake -S "$VISITMAP_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -Wno-dev >/dev/null
    cmake --build "$BUILD_DIR" -j "$(nproc)"
}
