#!/usr/bin/env bash
# build-aux/screenshots.sh [DATABASE] [OUTPUT-FOLDER]
# Renders every page of Zicha in zh_CN under Xvfb into OUTPUT-FOLDER (default
# _build/screenshots) and copies the overview to data/screenshots/overview.png.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
db=${1:-_build/screenshots.db}
out=${2:-_build/screenshots}
meson compile -C _build zicha-screenshots >/dev/null
env LANG=zh_CN.UTF-8 LANGUAGE=zh_CN GTK_A11Y=none GSETTINGS_BACKEND=memory \
  GSETTINGS_SCHEMA_DIR="$PWD/_build/data" ZICHA_LOCALEDIR="$PWD/_build/po" \
  xvfb-run -a -s "-screen 0 1280x800x24" _build/build-aux/zicha-screenshots "$db" "$out"
cp "$out/overview.png" data/screenshots/overview.png
