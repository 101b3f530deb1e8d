#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what VisitMap needs, builds it and runs every test (the integration tests start their
# own throwaway PostgreSQL on loopback).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_packages
build
echo "== running the tests"
export QT_QPA_PLATFORM=offscreen
cd "$BUILD_DIR"
ctest --output-on-failure -j "$(nproc)" --timeout 600
