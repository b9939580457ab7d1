#!/bin/sh
# rules.sh — how long the risk rules take on demo bodies of growing size
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/rules.sh [BUILD_DIR [WORK_DIR [CERTIFICATES…]]]
#   BUILD_DIR     a configured meson build folder (default: _build)
#   WORK_DIR      where the databases go (default: a new folder under ${TMPDIR:-/tmp});
#                 WORK_DIR/body-N.db is made with zicha-cli demo --db when missing, and
#                 reused when there (tests/bench/import.sh leaves the same body there)
#   CERTIFICATES  the sizes (default: 100000 300000 1000000)
#
# For each size prints the time of a full run of the rules (zicha-cli check, first run on
# the body, then a second run that finds the same hits again), the time of each rule in the
# first run, and zicha-cli's peak resident set size; at the end the ratio of the largest
# body's full run to the smallest's. Target: a full run of 1,000,000 certificates in at most
# 30 s.
#
# Needs /usr/bin/time (Debian package time). Not part of the test suite.
set -eu

build=${1:-_build}
work=${2:-}
[ $# -gt 2 ] && shift 2 || set -- 100000 300000 1000000
seed=1
today=2026-06-30

cli=$build/src/cli/zicha-cli
[ -x "$cli" ] || { echo "no $cli: build first (meson compile -C $build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/zicha-bench-XXXXXX")
fi
mkdir -p "$work"
echo "work folder: $work"

run_timed () {
  prefix=$1
  shift
  /usr/bin/time -f '%e %M %U %S' -o "$prefix.time" "$@" >"$prefix.out" 2>"$prefix.err" || {
    echo "failed: $*" >&2
    cat "$prefix.err" >&2
    exit 1
  }
}

summary=$work/rules-summary.txt
: >"$summary"
for n in "$@"; do
  db=$work/body-$n.db
  if [ ! -f "$db" ]; then
    run_timed "$work/demo-$n" "$cli" --db "$db" demo --certificates "$n" --seed "$seed" \
      --today "$today"
    echo "$n: demo body made in $(cut -d' ' -f1 "$work/demo-$n.time") s"
  fi
  # a body from import.sh has no hits yet; one from an earlier run of this script has:
  # start from none, so that the first run stores every hit
  sqlite3 "$db" "DELETE FROM hit_records; DELETE FROM hits;" 2>/dev/null || true

  run_timed "$work/check-$n" "$cli" --db "$db" check --as-of "$today" --format csv
  run_timed "$work/recheck-$n" "$cli" --db "$db" check --as-of "$today" --format csv
  read -r first_s first_kb first_u first_sy <"$work/check-$n.time"
  read -r second_s second_kb second_u second_sy <"$work/recheck-$n.time"
  first_cpu=$(awk -v u="$first_u" -v s="$first_sy" 'BEGIN { printf "%.1f", u + s }')

  echo
  echo "== $n certificates =="
  # rule,area,hits,ms … total,,HITS,MS
  awk -F, 'NR > 1 { sub(/\r$/, ""); printf "  %-28s %9s hits %8.2f s\n", $1, $3, $4 / 1000 }' \
    "$work/check-$n.out"
  echo "  full run: $first_s s, CPU $first_cpu s (second run: $second_s s)," \
       "peak RSS $((first_kb / 1024)) MB ($((second_kb / 1024)) MB)"
  echo "$n $first_s $second_s $first_kb" >>"$summary"
done

echo
awk 'NR == 1 { n0 = $1; t0 = $2 }
     { n = $1; t = $2; printf "%9d certificates: %7.1f s full run\n", $1, $2 }
     END {
       if (NR > 1 && t0 > 0)
         printf "ratio %d/%d certificates: %.1f (sizes %.1f times)\n", n, n0, t / t0, n / n0
       if (n == 1000000)
         printf "target full run at 1,000,000 <= 30 s: %s\n", t <= 30 ? "met" : "NOT met"
     }' "$summary"
