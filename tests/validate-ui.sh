#!/bin/sh
# validate-ui.sh — checks every ui/*.ui with gtk4-builder-tool validate
#
# Copyright 2026 The Zicha developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: validate-ui.sh TYPES_MODULE UI_FILE...
#
# What gtk4-builder-tool 4.8 needs, and how it gets it here:
#   - A display. meson test runs under xvfb-run; without a display the script
#     starts itself under xvfb-run, or skips (exit 77) when there is none.
#   - Known types. A template's parent (AdwApplicationWindow) is looked up with
#     g_type_from_name(), so it must be registered before the tool runs; objects
#     inside templates are found through their *_get_type symbols, so libadwaita
#     must be loaded; our own widgets live in no loadable library. TYPES_MODULE
#     (tests/validate-ui-types.c, loaded with LD_PRELOAD together with
#     libadwaita-1.so.0) registers the template parents and a stand-in for each
#     of our template classes (same name, same parent, no code) before main().
#     So each Zicha widget is checked against its own template file, and where
#     another template uses it, as an instance of its parent class.
#   - No template callbacks: the tool cannot resolve handler names, so a copy
#     without the <signal> elements is validated (tests/test-ui-*.c cover the
#     callbacks: a missing one fails there when the template is instantiated).
#   - It stops at the first error of a file, so fix and run again.
#   - It passes a file cut off in the middle, so xmllint checks that each file
#     is well-formed first.
#   - Stand-ins have no properties of their own: a template may not set
#     properties of another Zicha widget it contains (bind them in code).
# On top of that, every label, title, subtitle, description, tooltip or
# placeholder with text must be translatable="yes" (or carry
# translatable="no" on purpose).
set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 TYPES_MODULE UI_FILE..." >&2
  exit 2
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${ZICHA_VALIDATE_UNDER_XVFB:-}" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then
    ZICHA_VALIDATE_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
  fi
  echo "1..0 # SKIP no display and no xvfb-run"
  exit 77
fi

types_module=$1
shift

tool=$(command -v gtk4-builder-tool) || {
  echo "gtk4-builder-tool not found (package libgtk-4-bin)" >&2
  exit 1
}
command -v xmllint >/dev/null 2>&1 || {
  echo "xmllint not found (package libxml2-utils)" >&2
  exit 1
}

tmpdir=$(mktemp -d) || exit 1
trap 'rm -rf "$tmpdir"' EXIT

# Template classes and their parents, from all files: "Class:Parent ...".
standins=""
parents=""
for ui in "$@"; do
  pair=$(sed -n 's/.*<template class="\([A-Za-z0-9_]*\)" parent="\([A-Za-z0-9_]*\)".*/\1:\2/p' "$ui")
  if [ -n "$pair" ]; then
    standins="$standins $pair"
    parents="$parents ${pair#*:}"
  fi
done

# Libraries and tools print to the terminal only; keep the GTK noise out.
export GTK_A11Y=none NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory
export ZICHA_VALIDATE_ENSURE="$parents" ZICHA_VALIDATE_STANDINS="$standins"

failed=0
n=0
for ui in "$@"; do
  n=$((n + 1))
done
echo "1..$((n * 2))"

i=0
for ui in "$@"; do
  name=$(basename "$ui")
  copy="$tmpdir/$name"

  # <signal .../> may span lines: remove them from the whole file at once.
  perl -0777 -pe 's{<signal\b[^>]*/>}{}gs' "$ui" > "$copy"

  i=$((i + 1))
  # The tool accepts a file cut off in the middle: check well-formedness first.
  if ! out=$(xmllint --noout "$ui" 2>&1); then
    rc=1
  else
    out=$(LD_PRELOAD="$types_module libadwaita-1.so.0${LD_PRELOAD:+ $LD_PRELOAD}" \
          G_DEBUG=fatal-criticals "$tool" validate "$copy" 2>&1)
    rc=$?
  fi
  # A warning about the session bus is the only output allowed.
  noise=$(printf '%s\n' "$out" | grep -v -e '^$' -e 'Unable to acquire session bus')
  if [ $rc -eq 0 ] && [ -z "$noise" ]; then
    echo "ok $i - $name is valid"
  else
    echo "not ok $i - $name is valid"
    printf '%s\n' "$out" | sed 's/^/# /'
    failed=1
  fi

  i=$((i + 1))
  untranslated=$(grep -n -E '<(property|attribute) name="(label|title|subtitle|description|tooltip-text|placeholder-text|text|heading|body)"[^>]*>[^<]*[A-Za-z][^<]*<' "$ui" \
                 | grep -v 'translatable=')
  if [ -z "$untranslated" ]; then
    echo "ok $i - $name marks its texts translatable"
  else
    echo "not ok $i - $name marks its texts translatable"
    printf '%s\n' "$untranslated" | sed "s|^|# $name:|"
    failed=1
  fi
done

exit $failed
