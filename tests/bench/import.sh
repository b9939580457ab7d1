#!/bin/sh
# import.sh — how fast zicha-cli imports a big body, against the sqlite3 shell's bare .import
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/import.sh [BUILD_DIR [CERTIFICATES [WORK_DIR]]]
#   BUILD_DIR     a configured meson build folder (default: _build)
#   CERTIFICATES  size of the demo body (default: 1000000)
#   WORK_DIR      where the folder and the databases go (default: a new folder under
#                 ${TMPDIR:-/tmp}); kept afterwards, and WORK_DIR/body-N.db is reused by
#                 tests/bench/rules.sh given the same WORK_DIR
#
# Writes the demo body of CERTIFICATES certificates (zicha-cli demo --export), then times
#   1. zicha-cli import of that folder into a new database (every check of the format);
#   2. one sqlite3 shell process that creates a bare table per file (columns named as the
#      CSV header, no types, keys or checks) and runs .import --csv --skip 1 FILE TABLE, with
#      the same page size (16 KiB), journal mode (WAL) and synchronous = NORMAL as Zicha's
#      databases;
# and prints both times (wall clock and CPU), their ratio (target: at most 2.0) and
# zicha-cli's peak resident set size (target: at most 300 MB), then the time the certificates
# list of the Records page takes to show its first rows on that database
# (build-aux/bench-records).
#
# Needs /usr/bin/time (Debian package time) and sqlite3. Not part of the test suite.
set -eu

build=${1:-_build}
n=${2:-1000000}
work=${3:-}
seed=1
today=2026-06-30

cli=$build/src/cli/zicha-cli
[ -x "$cli" ] || { echo "no $cli: build first (meson compile -C $build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }

if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/zicha-bench-XXXXXX")
fi
mkdir -p "$work"
folder=$work/folder-$n
db=$work/body-$n.db
bare=$work/bare-$n.db

# seconds and peak RSS in KiB of a command: run_timed OUT_PREFIX COMMAND…
run_timed () {
  prefix=$1
  shift
  /usr/bin/time -f '%e %M %U %S' -o "$prefix.time" "$@" >"$prefix.out" 2>"$prefix.err" || {
    echo "failed: $*" >&2
    cat "$prefix.err" >&2
    exit 1
  }
}

echo "work folder: $work"
echo "demo body: $n certificates, seed $seed, as of $today"

if [ ! -f "$folder/certificates.csv" ]; then
  run_timed "$work/generate" "$cli" demo --export "$folder" --certificates "$n" \
    --seed "$seed" --today "$today"
  echo "generated in $(cut -d' ' -f1 "$work/generate.time") s"
fi
rows=0
for f in "$folder"/*.csv; do
  rows=$((rows + $(wc -l <"$f") - 1))
done
echo "files: $(du -sh "$folder" | cut -f1), $rows data lines"

# 1. zicha-cli import into a new database
rm -f "$db" "$db-wal" "$db-shm"
sync
run_timed "$work/zicha" "$cli" --db "$db" import "$folder"
read -r zicha_s zicha_kb zicha_u zicha_sy <"$work/zicha.time"

# 2. the sqlite3 shell, no checks
script=$work/bare-$n.sql
{
  echo "PRAGMA page_size = 16384;"
  echo "PRAGMA journal_mode = WAL;"
  echo "PRAGMA synchronous = NORMAL;"
  for f in "$folder"/*.csv; do
    table=$(basename "$f" .csv)
    # the header line without a BOM or CR; column names quoted as identifiers
    cols=$(head -n 1 "$f" | sed -e 's/^\xef\xbb\xbf//' -e 's/\r$//' \
             -e 's/"/""/g' -e 's/,/", "/g' -e 's/^/"/' -e 's/$/"/')
    echo "CREATE TABLE \"$table\" ($cols);"
    echo ".import --csv --skip 1 '$f' \"$table\""
  done
} >"$script"
rm -f "$bare" "$bare-wal" "$bare-shm"
sync
run_timed "$work/bare" sqlite3 -bail "$bare" ".read '$script'"
read -r bare_s bare_kb bare_u bare_sy <"$work/bare.time"
count="SELECT (SELECT count(*) FROM certificates) + (SELECT count(*) FROM audits)"
bare_rows=$(sqlite3 "$bare" "$count")
zicha_rows=$(sqlite3 "$db" "$count")
[ "$bare_rows" = "$zicha_rows" ] \
  || echo "warning: certificates + audits differ: $zicha_rows / $bare_rows" >&2

zicha_cpu=$(awk -v u="$zicha_u" -v s="$zicha_sy" 'BEGIN { printf "%.2f", u + s }')
bare_cpu=$(awk -v u="$bare_u" -v s="$bare_sy" 'BEGIN { printf "%.2f", u + s }')
echo
printf '%-34s %10s %10s %12s\n' "" "seconds" "CPU s" "peak RSS MB"
printf '%-34s %10s %10s %12d\n' "zicha-cli import" "$zicha_s" "$zicha_cpu" $((zicha_kb / 1024))
printf '%-34s %10s %10s %12d\n' "sqlite3 .import (bare tables)" "$bare_s" "$bare_cpu" \
  $((bare_kb / 1024))
awk -v z="$zicha_s" -v b="$bare_s" -v zc="$zicha_cpu" -v bc="$bare_cpu" -v kb="$zicha_kb" 'BEGIN {
  r = z / b
  printf "ratio zicha/sqlite3: %.2f (CPU time: %.2f) (target <= 2.0: %s)\n", r, zc / bc,
         r <= 2.0 ? "met" : "NOT met"
  printf "zicha-cli peak RSS: %.0f MB (target <= 300 MB: %s)\n", kb / 1024,
         kb / 1024 <= 300 ? "met" : "NOT met"
}'
echo "database: $(du -h "$db" | cut -f1) (bare tables: $(du -h "$bare" | cut -f1))"

# 3. the Records page of certificates on that database
echo
echo "Records page (build-aux/bench-records $db certificates):"
if ninja -C "$build" build-aux/bench-records >/dev/null 2>&1 \
   || meson compile -C "$build" bench-records >/dev/null 2>&1; then
  "$build/build-aux/bench-records" "$db" certificates
else
  echo "could not build build-aux/bench-records" >&2
fi
