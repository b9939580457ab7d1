#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Zicha developers
#
# Checks that the Chinese translation is complete.
#
# Usage: check-po.sh SOURCE_ROOT [LANG]
#
# 1. Every entry of po/POTFILES.in exists.
# 2. Every .c, .h and .ui file under src/ and ui/ that holds a string marked
#    for translation (_(), N_(), C_(), NC_(), translatable="yes"; found by
#    xgettext, so a _() in a comment does not count) is listed in
#    po/POTFILES.in, so no file is forgotten.
# 3. The template is made afresh with xgettext, with the arguments of meson's
#    i18n 'glib' preset (mesonbuild/modules/i18n.py, PRESET_ARGS['glib']) and
#    the way meson's gettext script calls it (-D SOURCE_ROOT -f POTFILES.in
#    -k_), then po/LANG.po is merged with it: so a string that is missing from
#    the .po file counts as untranslated even before anyone runs update-po.
# 4. msgfmt --check --statistics on the merged file: any format error, any
#    untranslated or fuzzy message fails, and the offending messages are
#    printed as .po entries, ready to be translated.
#
# Nothing in the source tree is written.

set -u

srcroot=${1:?usage: check-po.sh SOURCE_ROOT [LANG]}
lang=${2:-zh_CN}
package=zicha

cd "$srcroot" || exit 1

for tool in xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check-po: $tool not found (install gettext)" >&2
    exit 1
  fi
done

potfiles=po/POTFILES.in
pofile=po/$lang.po
status=0

if [ ! -f "$potfiles" ] || [ ! -f "$pofile" ]; then
  echo "check-po: $potfiles or $pofile is missing" >&2
  exit 1
fi

# The entries of POTFILES.in, without comments and blank lines.
listed=$(sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$potfiles" | grep -v '^$')

# Keep in step with PRESET_ARGS['glib'] in mesonbuild/modules/i18n.py.
glib_preset=(
  --from-code=UTF-8
  --add-comments
  --keyword=_
  --keyword=N_
  --keyword=C_:1c,2
  --keyword=NC_:1c,2
  --keyword=g_dcgettext:2
  --keyword=g_dngettext:2,3
  --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format
  --flag=C_:2:pass-c-format
  --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format
  --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format
  --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format
  --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format
  --flag=g_log:3:c-format
  --flag=g_print:1:c-format
  --flag=g_printerr:1:c-format
  --flag=g_printf:1:c-format
  --flag=g_fprintf:2:c-format
  --flag=g_sprintf:2:c-format
  --flag=g_snprintf:3:c-format
)

# --- 1. listed files exist
missing=""
while IFS= read -r f; do
  [ -f "$f" ] || missing="$missing  $f"$'\n'
done <<< "$listed"
if [ -n "$missing" ]; then
  echo "FAIL: files listed in $potfiles that do not exist:"
  printf '%s' "$missing"
  status=1
fi

# --- 2. files with translatable strings are listed
# xgettext itself finds the files that hold translatable strings (see step 3
# for the arguments): a mention of _() in a comment does not count.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zicha-check-po.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

find src ui \( -name '*.c' -o -name '*.h' -o -name '*.ui' \) -type f 2>/dev/null \
  | LC_ALL=C sort > "$tmp/all-sources"
unlisted=""
if [ -s "$tmp/all-sources" ]; then
  if xgettext -f "$tmp/all-sources" -k_ -o "$tmp/all.pot" --no-wrap "${glib_preset[@]}" \
       2> "$tmp/all.log"; then
    if [ -f "$tmp/all.pot" ]; then
      while IFS= read -r f; do
        if ! grep -Fxq -- "$f" <<< "$listed"; then
          unlisted="$unlisted  $f"$'\n'
        fi
      done < <(sed -n 's/^#: //p' "$tmp/all.pot" | tr ' ' '\n' | sed 's/:[0-9]*$//' \
                 | grep -v '^$' | LC_ALL=C sort -u)
    fi
  else
    echo "FAIL: xgettext could not read the files under src/ and ui/:"
    sed 's/^/  /' "$tmp/all.log"
    status=1
  fi
fi
if [ -n "$unlisted" ]; then
  echo "FAIL: files with translatable strings that are not listed in $potfiles:"
  printf '%s' "$unlisted"
  status=1
fi

# --- 3. a fresh template, merged with the translation

# POTFILES.in may hold comments: give xgettext the cleaned list, of the
# files that exist (the missing ones are reported above).
while IFS= read -r f; do
  [ -f "$f" ] && printf '%s\n' "$f"
done <<< "$listed" > "$tmp/POTFILES"
if ! xgettext --package-name="$package" -f "$tmp/POTFILES" -D . -k_ \
     -o "$tmp/$package.pot" "${glib_preset[@]}" 2> "$tmp/xgettext.log"; then
  echo "FAIL: xgettext could not extract the strings:"
  sed 's/^/  /' "$tmp/xgettext.log"
  exit 1
fi
if [ -s "$tmp/xgettext.log" ]; then
  echo "xgettext said:"
  sed 's/^/  /' "$tmp/xgettext.log"
fi
if [ ! -f "$tmp/$package.pot" ]; then
  # xgettext writes nothing when there is no string at all.
  echo "FAIL: no translatable string was found in the files of $potfiles"
  exit 1
fi

if ! msgmerge --quiet --previous -o "$tmp/$lang.po" "$pofile" "$tmp/$package.pot" \
     2> "$tmp/msgmerge.log"; then
  echo "FAIL: msgmerge could not merge $pofile:"
  sed 's/^/  /' "$tmp/msgmerge.log"
  exit 1
fi

# --- 4. statistics and format checks

# Prints the entries of the merged file that msgattrib selects with $1,
# without the header entry (the only one whose msgid is empty).
print_entries ()
{
  msgattrib "$1" --no-obsolete --no-wrap "$tmp/$lang.po" \
    | awk 'BEGIN { RS = ""; ORS = "\n\n" } !/(^|\n)msgid ""\nmsgstr/'
}

LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2> "$tmp/msgfmt.log"
msgfmt_status=$?
# The last line is the statistics; the lines before it are msgfmt's findings
# (missing header fields are only warned about and do not fail the check).
stats=$(tail -n 1 "$tmp/msgfmt.log")
head -n -1 "$tmp/msgfmt.log" | sed "s|$tmp/$lang.po|$pofile (merged)|" > "$tmp/msgfmt-findings"
if grep -qv 'warning: header field' "$tmp/msgfmt-findings"; then
  echo "msgfmt --check said:"
  sed 's/^/  /' "$tmp/msgfmt-findings"
fi
echo "$pofile merged with the sources: $stats"
if [ $msgfmt_status -ne 0 ]; then
  echo "FAIL: msgfmt --check found errors (see above)"
  status=1
fi

if grep -q 'untranslated' <<< "$stats"; then
  n=$(grep -oE '[0-9]+ untranslated' <<< "$stats" | grep -oE '^[0-9]+')
  echo
  echo "FAIL: $n untranslated message(s) (missing from $pofile or with an empty msgstr):"
  print_entries --untranslated
  status=1
fi

if grep -q 'fuzzy' <<< "$stats"; then
  n=$(grep -oE '[0-9]+ fuzzy' <<< "$stats" | grep -oE '^[0-9]+')
  echo
  echo "FAIL: $n fuzzy message(s) (check the translation, then remove the fuzzy flag):"
  print_entries --only-fuzzy
  status=1
fi

obsolete=$(msgattrib --only-obsolete "$tmp/$lang.po" | grep -c '^#~ msgid ' || true)
if [ "${obsolete:-0}" -gt 0 ]; then
  echo "note: $obsolete message(s) of $pofile are no longer used in the sources"
fi

if [ $status -eq 0 ]; then
  echo "PASS: $pofile translates every message of the sources"
fi
exit $status
