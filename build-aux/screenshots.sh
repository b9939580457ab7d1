#!/usr/bin/env bash
# build-aux/screenshots.sh [DATABASE] [OUTPUT-FOLDER]
# Renders every page of Zicha in zh_CN under Xvfb into OUTPUT-FOLDER (default
# _build/screenshots) and copies the risk leads and certificates views to data/screenshots/.
# Without DATABASE it makes a demo body (5,000 certificates) first.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
db=${1:-_build/screenshots.db}
out=${2:-_build/screenshots}
meson compile -C _build zicha-screenshots:executable zicha-cli:executable >/dev/null
if [ ! -s "$db" ]; then
  _build/src/cli/zicha-cli --db "$db" demo --certificates 5000 --today 2026-11-27
fi
env LANG=zh_CN.UTF-8 LANGUAGE=zh_CN GTK_A11Y=none GSETTINGS_BACKEND=memory \
  GSETTINGS_SCHEMA_DIR="$PWD/_build/data" ZICHA_LOCALEDIR="$PWD/_build/po" \
  xvfb-run -a -s "-screen 0 1280x800x24" _build/build-aux/zicha-screenshots "$db" "$out"
cp "$out/risk-leads.png" "$out/records-certificates.png" data/screenshots/
