#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two or three zicha-cli processes against one database, in random interleavings.

    tests/stress/stress.py BUILD [--rounds N] [--seed S] [--work DIR] [--certificates N]

Not part of the default suite (a round takes about a second). Each round starts, with random
delays of 0-300 ms, two or three of: import of body A, import of body B (A with every
organization's employees cleared: other records, other hits), a refused import (A with a bad
date on the last line of its last file), check, findings. Sometimes the database is removed
first, so that imports race to create it. After each round it checks:

- corrupt: PRAGMA integrity_check is "ok";
- mixed: the records are wholly body A or wholly body B (or none), and the stored hits are
  exactly those that body's check finds; when the last finished run read the current records
  (rule_runs.records_generation), they are the current body's;
- lost: every process that exited 0 left its effect: one more row in imports per successful
  import, one more finished run (with its statistics) per successful check, and when an import
  of one body alone succeeded, the records are that body's;
- deleted: the database file was never removed or replaced while a process ran (it may appear);
- crashed: every process ended with an exit status zicha-cli documents (0, 1, 3).

It prints the counts and exits 1 when any of them is not 0.
"""
import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

AS_OF = "2026-06-30"


def cli(build):
    return os.path.join(build, "src", "cli", "zicha-cli")


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def query(path, sql):
    con = sqlite3.connect("file:%s?mode=rw" % path, uri=True, timeout=30)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def fingerprint(path):
    """'A', 'B', 'none' (no records) or 'mixed:…'."""
    if not os.path.exists(path):
        return "none"
    (certs, orgs, with_employees), = query(
        path, "SELECT (SELECT count(*) FROM certificates), (SELECT count(*) FROM organizations),"
              " (SELECT count(*) FROM organizations WHERE employees IS NOT NULL)")
    if certs == 0 and orgs == 0:
        return "none"
    if with_employees == orgs and orgs > 0:
        return "A"
    if with_employees == 0:
        return "B"
    return "mixed:%d/%d" % (with_employees, orgs)


def open_hits(path):
    return frozenset(r[0] for r in query(
        path, "SELECT rule || '/' || entity_key FROM hits WHERE status <> 'resolved'"))


def counts(path):
    if not os.path.exists(path):
        return 0, 0
    (imports, runs), = query(
        path, "SELECT (SELECT count(*) FROM imports), (SELECT count(*) FROM rule_runs"
              " WHERE status = 'finished' AND id IN (SELECT run FROM rule_run_stats))")
    return imports, runs


def make_bodies(build, work, certificates):
    a = os.path.join(work, "body-a")
    b = os.path.join(work, "body-b")
    bad = os.path.join(work, "body-bad")
    for folder in (a, b):
        r = run([cli(build), "demo", "--export", folder, "--certificates", str(certificates),
                 "--seed", "5", "--today", AS_OF])
        assert r.returncode == 0, r.stderr
    orgs = os.path.join(b, "organizations.csv")
    lines = open(orgs, encoding="utf-8").read().split("\n")
    header = lines[0].split(",")
    col = header.index("employees")
    out = [lines[0]]
    for line in lines[1:]:
        if not line:
            continue
        assert '"' not in line, "a quoted organization row: pick another seed"
        cells = line.split(",")
        cells[col] = ""
        out.append(",".join(cells))
    open(orgs, "w", encoding="utf-8").write("\n".join(out) + "\n")
    shutil.copytree(a, bad)
    with open(os.path.join(bad, "complaints.csv"), "a", encoding="utf-8") as f:
        f.write("X-BAD,2026-13-01,,,,a bad date,\n")
    return {"A": a, "B": b, "bad": bad}


def expected_hits(build, work, bodies):
    hits = {}
    for name in ("A", "B"):
        db = os.path.join(work, "expected-%s.db" % name)
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
        for args in (["import", bodies[name]], ["check", "--as-of", AS_OF]):
            r = run([cli(build), "--db", db] + args)
            assert r.returncode == 0, r.stderr
        hits[name] = open_hits(db)
    assert hits["A"] != hits["B"], "the two bodies must give different hits"
    return hits


class Watcher(threading.Thread):
    """Notices the database file being removed or replaced while processes run."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path = path
        self.stop = False
        self.events = []

    def ino(self):
        try:
            return os.stat(self.path).st_ino
        except FileNotFoundError:
            return None

    def run(self):
        last = self.ino()
        while not self.stop:
            now = self.ino()
            if last is not None and now != last:
                self.events.append("removed" if now is None else "replaced")
            last = now
            time.sleep(0.002)


OPS = ["import-A", "import-B", "import-bad", "check", "findings"]


def command(build, db, bodies, op):
    base = [cli(build), "--db", db]
    if op == "import-A":
        return base + ["import", bodies["A"]]
    if op == "import-B":
        return base + ["import", bodies["B"]]
    if op == "import-bad":
        return base + ["import", bodies["bad"]]
    if op == "check":
        return base + ["check", "--as-of", AS_OF]
    return base + ["findings", "--format", "csv"]


def one_round(build, db, bodies, hits, rng, totals, verbose):
    if rng.random() < 0.25:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
    before_fp = fingerprint(db)
    before_imports, before_runs = counts(db)
    ops = [rng.choice(OPS) for _ in range(rng.choice((2, 3)))]
    delays = [rng.uniform(0, 0.3) for _ in ops]

    watcher = Watcher(db)
    watcher.start()
    procs = []
    t0 = time.monotonic()
    for op, delay in sorted(zip(ops, delays), key=lambda x: x[1]):
        while time.monotonic() - t0 < delay:
            time.sleep(0.002)
        procs.append((op, subprocess.Popen(command(build, db, bodies, op),
                                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                           text=True)))
    results = []
    for op, p in procs:
        _, err = p.communicate(timeout=600)
        results.append((op, p.returncode, err))
    watcher.stop = True
    watcher.join()

    problems = []
    for op, code, err in results:
        if code not in (0, 1, 3):
            totals["crashed"] += 1
            problems.append("crashed: %s exited %s: %s" % (op, code, err.strip()[:200]))
        if op == "import-bad" and code != 3 and not (code == 1 and "busy" in err):
            problems.append("lost: the refused import exited %d" % code)
            totals["lost"] += 1
        if op != "import-bad" and op.startswith("import") and code != 0:
            totals["busy"] += 1
        if op == "check" and code != 0:
            totals["busy"] += 1
    if watcher.events:
        totals["deleted"] += 1
        problems.append("deleted: the database was %s while processes ran" % watcher.events[0])

    if os.path.exists(db):
        (integrity,), = query(db, "PRAGMA integrity_check")
        if integrity != "ok":
            totals["corrupt"] += 1
            problems.append("corrupt: %s" % integrity)
            return problems, ops, results

    fp = fingerprint(db)
    ok_imports = [op for op, code, _ in results if op in ("import-A", "import-B") and code == 0]
    ok_checks = [op for op, code, _ in results if op == "check" and code == 0]
    after_imports, after_runs = counts(db)
    if fp.startswith("mixed"):
        totals["mixed"] += 1
        problems.append("mixed: records %s" % fp)
    if after_imports - before_imports != len(ok_imports):
        totals["lost"] += 1
        problems.append("lost: %d imports exited 0, %d recorded" %
                        (len(ok_imports), after_imports - before_imports))
    if after_runs - before_runs != len(ok_checks):
        totals["lost"] += 1
        problems.append("lost: %d checks exited 0, %d runs finished" %
                        (len(ok_checks), after_runs - before_runs))
    bodies_ok = {op[-1] for op in ok_imports}
    if len(bodies_ok) == 1 and fp not in bodies_ok:
        totals["lost"] += 1
        problems.append("lost: only import-%s succeeded but the records are %s" %
                        (bodies_ok.pop(), fp))
    if not ok_imports and fp != before_fp:
        totals["lost"] += 1
        problems.append("lost: no import succeeded but the records went from %s to %s" %
                        (before_fp, fp))

    if os.path.exists(db) and fp in ("A", "B"):
        stored = open_hits(db)
        try:
            latest = query(db, "SELECT records_generation, (SELECT coalesce (max (CAST (value"
                               " AS INTEGER)), 0) FROM settings WHERE key = 'records-generation')"
                               " FROM rule_runs WHERE status = 'finished' ORDER BY id DESC"
                               " LIMIT 1")
        except sqlite3.OperationalError:   # (a build from before runs recorded it)
            latest = query(db, "SELECT NULL, 0 FROM rule_runs WHERE status = 'finished'"
                               " LIMIT 1")
        if latest:
            run_generation, now_generation = latest[0]
            if run_generation == now_generation and stored != hits[fp]:
                totals["mixed"] += 1
                problems.append("mixed: the last run read the current records (%s) but the"
                                " hits differ by %d" % (fp, len(stored ^ hits[fp])))
            elif stored not in (hits["A"], hits["B"]):
                totals["mixed"] += 1
                problems.append("mixed: the hits are neither body's")
    return problems, ops, results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("build")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--certificates", type=int, default=300)
    parser.add_argument("--work")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="zicha-stress-")
    os.makedirs(work, exist_ok=True)
    rng = random.Random(args.seed)
    print("work folder %s, seed %d, %d certificates" % (work, args.seed, args.certificates))
    bodies = make_bodies(args.build, work, args.certificates)
    hits = expected_hits(args.build, work, bodies)
    print("body A: %d hits, body B: %d hits" % (len(hits["A"]), len(hits["B"])))

    db = os.path.join(work, "stress.db")
    totals = {"lost": 0, "mixed": 0, "corrupt": 0, "deleted": 0, "crashed": 0, "busy": 0}
    started = time.monotonic()
    processes = 0
    for n in range(1, args.rounds + 1):
        problems, ops, results = one_round(args.build, db, bodies, hits, rng, totals,
                                           args.verbose)
        processes += len(ops)
        line = "round %d: %s" % (n, ", ".join("%s=%d" % (op, code) for op, code, _ in results))
        if problems or args.verbose:
            print(line)
            for p in problems:
                print("  " + p)
    print("%d rounds, %d processes in %.0f s" % (args.rounds, processes,
                                                 time.monotonic() - started))
    print("lost commits %d, mixed states %d, corrupt databases %d, files deleted under a"
          " running process %d, crashes %d (refused as busy, by design: %d)" %
          (totals["lost"], totals["mixed"], totals["corrupt"], totals["deleted"],
           totals["crashed"], totals["busy"]))
    if not args.work:
        shutil.rmtree(work)
    bad = sum(totals[k] for k in ("lost", "mixed", "corrupt", "deleted", "crashed"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
