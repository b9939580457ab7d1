#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every #include in src/ follows the arrows of src/DESIGN.md.

    check-layers.py SRC DESIGN.md          exit 0 when all arrows are allowed, else 1
    check-layers.py --expect FILE SRC DESIGN.md
                                           exit 0 when the violations found are exactly
                                           the lines of FILE (the fixture's self-test)

The tables "Inside core" and "Inside app" of DESIGN.md say which folder may use which: each
row names folders in backticks (`.` is the layer's top folder), then what they may use:
folders, single headers (names ending in .h), `*` for everything of their layer, or nothing.
A file may always include a header of its own folder. On top of the tables:

- core never includes app or cli; cli and app never include each other;
- app and cli never include a core *-private.h, <sqlite3.h> or <hpdf.h>;
- in core, <sqlite3.h> is included by store/zicha-db-private.h alone, and <hpdf.h> only by
  report/zicha-pdf*.c;
- app and cli may use every public header of core.

Headers that are not in SRC (config.h, generated resources and enums) are not checked.
"""
import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
LAYERS = ("core", "app", "cli")


def parse_tables(design):
    """{'core': {folder: (set of folders, set of headers, star)}, 'app': {...}}"""
    tables = {}
    current = None
    for line in open(design, encoding="utf-8"):
        heading = re.match(r"^#+\s*Inside (core|app)\b", line)
        if heading:
            current = heading.group(1)
            tables[current] = {}
            continue
        if line.startswith("#"):
            current = None
            continue
        if current is None or not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2:
            continue
        folders = re.findall(r"`([^`]+)`", cells[0])
        if not folders:
            continue   # the header row and the |---| line
        uses = re.findall(r"`([^`]+)`", cells[1])
        allowed_folders = {u for u in uses if not u.endswith(".h") and u != "*"}
        allowed_headers = {u for u in uses if u.endswith(".h")}
        star = "*" in uses
        for f in folders:
            tables[current][f] = (allowed_folders, allowed_headers, star)
    for layer in ("core", "app"):
        if layer not in tables or not tables[layer]:
            sys.exit("check-layers: %s has no table 'Inside %s'" % (design, layer))
    return tables


def where(src, path):
    """(layer, folder) of a file under SRC: folder '.' for the layer's top."""
    rel = os.path.relpath(path, src).split(os.sep)
    layer = rel[0]
    folder = rel[1] if len(rel) > 2 else "."
    return layer, folder


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--expect")
    parser.add_argument("src")
    parser.add_argument("design")
    args = parser.parse_args()

    tables = parse_tables(args.design)
    headers = {}   # name -> (layer, folder)
    sources = []
    for root, _, names in os.walk(args.src):
        for name in names:
            if name.endswith((".c", ".h")):
                path = os.path.join(root, name)
                if where(args.src, path)[0] in LAYERS:
                    sources.append(path)
                    if name.endswith(".h"):
                        headers[name] = where(args.src, path)

    violations = []
    for path in sorted(sources):
        layer, folder = where(args.src, path)
        rel = os.path.relpath(path, args.src)
        text = open(path, encoding="utf-8").read()
        if layer in tables and folder not in tables[layer]:
            violations.append("%s: the folder %s/%s is not in DESIGN.md's table"
                              % (rel, layer, folder))
        for kind, name in INCLUDE.findall(text):
            line = "%s: includes %s" % (rel, name)
            if kind == "<":
                if name == "sqlite3.h" and rel != os.path.join("core", "store",
                                                                "zicha-db-private.h"):
                    violations.append(line + ": only store/zicha-db-private.h includes it")
                if name == "hpdf.h" and not (layer == "core" and folder == "report"
                                             and os.path.basename(rel).startswith("zicha-pdf")):
                    violations.append(line + ": only report/zicha-pdf*.c includes it")
                continue
            if name not in headers:
                continue   # config.h, generated headers
            to_layer, to_folder = headers[name]
            if to_layer != layer:
                if layer == "core":
                    violations.append(line + ": core never uses %s" % to_layer)
                elif to_layer != "core":
                    violations.append(line + ": %s never uses %s" % (layer, to_layer))
                elif name.endswith("-private.h"):
                    violations.append(line + ": a private header of core")
                continue
            if layer == "cli" or to_folder == folder:
                continue
            allowed_folders, allowed_headers, star = tables[layer].get(folder,
                                                                       (set(), set(), False))
            if star or to_folder in allowed_folders or name in allowed_headers:
                continue
            violations.append(line + ": %s/%s may not use %s/%s"
                              % (layer, folder, layer, to_folder))

    if args.expect:
        expected = [l.rstrip("\n") for l in open(args.expect, encoding="utf-8") if l.strip()]
        if sorted(expected) != sorted(violations):
            print("check-layers: the fixture's violations are not the expected ones")
            for v in sorted(set(expected) - set(violations)):
                print("  missed:     " + v)
            for v in sorted(set(violations) - set(expected)):
                print("  unexpected: " + v)
            return 1
        print("check-layers: the fixture's %d forbidden includes were all caught"
              % len(violations))
        return 0
    for v in violations:
        print(v)
    if violations:
        print("check-layers: %d forbidden include(s); see the arrows in %s"
              % (len(violations), args.design))
        return 1
    print("check-layers: %d files follow the arrows of %s" % (len(sources), args.design))
    return 0


if __name__ == "__main__":
    sys.exit(main())
