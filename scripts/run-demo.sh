#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what VisitMap needs, builds it and opens the app on the bundled demo district.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# Hangul input in the app (fcitx5 with its Qt 6 frontend) and a desktop session's basics.
install_packages fcitx5 fcitx5-hangul fcitx5-frontend-qt6
build
echo "== opening the demo district (synthetic data; demo accounts are listed in README.md)"
exec "$BUILD_DIR/app/visitmap" --demo "$@"
