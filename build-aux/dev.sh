#!/usr/bin/env bash
# build-aux/dev.sh — the two commands of the README.
#
#   build-aux/dev.sh run [ARGS…]   install what is needed, build, open the app
#   build-aux/dev.sh test          install what is needed, build, run every test
#
# Works on a fresh Debian 12 machine, as root or through sudo. Idempotent: a
# second run installs nothing and rebuilds only what changed.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
top=$PWD

# Debian 12 packages (see src/DESIGN.md for what each layer uses).
packages=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsqlite3-dev sqlite3 libhpdf-dev libcsv-dev libjson-glib-dev
  appstream desktop-file-utils flatpak-builder python3 libxml2-utils time
  xvfb xauth locales
  fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai poppler-utils
)

as_root () {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

install_packages () {
  local missing=() p
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  # The zh_CN locale: the app and its tests run in Chinese.
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    echo "== Generating the zh_CN.UTF-8 locale"
    as_root sed -i 's/^# *zh_CN.UTF-8/zh_CN.UTF-8/' /etc/locale.gen
    as_root locale-gen >/dev/null
  fi
}

build () {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
}

xvfb () {
  xvfb-run -a -s "-screen 0 1280x800x24" "$@"
}

cmd_run () {
  install_packages
  build _build
  export GSETTINGS_SCHEMA_DIR="$top/_build/data"
  export ZICHA_LOCALEDIR="$top/_build/po"
  # Zicha's users read Chinese: the app (and the demo's risk-lead texts, written when the rules
  # run) are in Chinese unless the session already is, or ZICHA_LANG names another locale.
  case "${LC_ALL:-${LANG:-}}" in
    zh_CN*) ;;
    *) export LANG="${ZICHA_LANG:-zh_CN.UTF-8}"; unset LC_ALL LANGUAGE ;;
  esac
  # First run: a ready demo body (about 5,000 certificates, made by the built-in
  # generator and imported through the real importer), its risk rules run, and a
  # self-inspection under way (plan, checklist, sample, triage, problems), so there is work
  # on every page.
  local db="${XDG_DATA_HOME:-$HOME/.local/share}/zicha/zicha.db"
  if [ $# -eq 0 ] && [ ! -s "$db" ]; then
    echo "== Creating the demo database $db (about 5,000 certificates)"
    mkdir -p -m 700 "$(dirname "$db")"
    rm -f "$db.new"
    "$top/_build/src/cli/zicha-cli" --db "$db.new" demo --certificates 5000
    "$top/_build/src/cli/zicha-cli" --db "$db.new" check >/dev/null
    "$top/_build/src/cli/zicha-cli" --db "$db.new" demo-work
    mv "$db.new" "$db"
  fi
  if [ $# -eq 0 ]; then
    set -- --db "$db"
  fi
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "== No display: running under Xvfb (set DISPLAY to see the window)"
    exec xvfb-run -a -s "-screen 0 1280x800x24" "$top/_build/src/app/zicha" "$@"
  fi
  exec "$top/_build/src/app/zicha" "$@"
}

cmd_test () {
  install_packages
  local status=0
  test_log=$(mktemp)
  trap 'rm -f "$test_log"' EXIT

  echo "== Build"
  build _build
  echo "== Build with AddressSanitizer and UndefinedBehaviorSanitizer"
  build _build-asan -Db_sanitize=address,undefined

  echo "== Tests"
  xvfb meson test -C _build --print-errorlogs 2>&1 | tee -a "$test_log" || status=1
  echo "== Tests under sanitizers (core, CLI and UI)"
  xvfb meson test -C _build-asan --print-errorlogs --suite core --suite cli --suite ui \
    2>&1 | tee -a "$test_log" || status=1

  # One closing line over both runs.
  local ok fail
  ok=$(awk '/^Ok:/ { s += $2 } END { print s + 0 }' "$test_log")
  fail=$(awk '/^(Fail|Unexpected Pass|Timeout):/ { s += $NF } END { print s + 0 }' "$test_log")
  echo "tests: $ok passed, $fail failed"
  return $status
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
