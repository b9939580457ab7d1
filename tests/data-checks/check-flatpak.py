#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Zicha developers
"""Checks the Flatpak manifest offline and prints the results as TAP.

Usage: check-flatpak.py MANIFEST [FLATPAK_BUILDER]

The GNOME runtime cannot be downloaded where the tests run, so nothing is
built: this checks what the sandbox needs (app id, command, permissions),
that every downloaded source is pinned by a sha256, and, when
flatpak-builder is given, that it parses the manifest.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

APP_ID = "io.github.zicha.Zicha"
REQUIRED_FINISH_ARGS = [
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
    # SQLite cannot open databases through the document portal.
    "--filesystem=home",
    # Printing through GtkPrintJob.
    "--socket=cups",
]
DOWNLOADED_TYPES = {"archive", "file"}
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def check(self, ok, name, diag=None):
        self.count += 1
        if not ok:
            self.failed += 1
        print(f"{'ok' if ok else 'not ok'} {self.count} - {name}")
        if not ok and diag:
            for line in str(diag).splitlines():
                print(f"# {line}")
        return ok

    def finish(self):
        print(f"1..{self.count}")
        return 1 if self.failed else 0


def walk_modules(modules, path=()):
    """Yields (module path, module) for modules given inline, nested too."""
    for module in modules:
        if isinstance(module, str):
            # A module in a file of its own: not used by this manifest.
            yield path + (module,), None
            continue
        name = module.get("name", "?")
        yield path + (name,), module
        yield from walk_modules(module.get("modules", []), path + (name,))


def main(argv):
    if len(argv) < 2:
        print("usage: check-flatpak.py MANIFEST [FLATPAK_BUILDER]", file=sys.stderr)
        return 2
    manifest_path = os.path.abspath(argv[1])
    builder = argv[2] if len(argv) > 2 and argv[2] else None
    tap = Tap()

    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        tap.check(False, "manifest parses as JSON", e)
        return tap.finish()
    tap.check(isinstance(manifest, dict), "manifest parses as a JSON object")
    if not isinstance(manifest, dict):
        return tap.finish()

    app_id = manifest.get("app-id", manifest.get("id"))
    tap.check(app_id == APP_ID, f"app-id is {APP_ID}", f"found {app_id!r}")
    tap.check(os.path.basename(manifest_path) == APP_ID + ".json",
              "manifest file is named after the app id")
    tap.check(manifest.get("command") == "zicha", "command is zicha",
              f"found {manifest.get('command')!r}")
    for key in ("runtime", "sdk"):
        value = manifest.get(key, "")
        tap.check(isinstance(value, str) and value.startswith("org.gnome."),
                  f"{key} is a GNOME one", f"found {value!r}")
    tap.check(bool(manifest.get("runtime-version")), "runtime-version is set")

    finish_args = manifest.get("finish-args", [])
    for arg in REQUIRED_FINISH_ARGS:
        tap.check(arg in finish_args, f"finish-args include {arg}")
    tap.check(len(finish_args) == len(set(finish_args)), "finish-args have no duplicates")

    modules = list(walk_modules(manifest.get("modules", [])))
    tap.check(all(m is not None for _, m in modules), "every module is given inline")
    names = [p[-1] for p, _ in modules]
    tap.check(bool(names) and names[-1] == "zicha", "the app module comes last",
              f"modules: {names}")
    tap.check("libharu" in names, "libharu is built as a module")
    for font in ("fonts-wqy-zenhei", "fonts-arphic-ukai", "fonts-arphic-uming"):
        tap.check(font in names, f"{font} is bundled")

    bad_sources = []
    downloaded = 0
    for path, module in modules:
        if module is None:
            continue
        for source in module.get("sources", []):
            if isinstance(source, str):
                continue
            if source.get("type") not in DOWNLOADED_TYPES or "url" not in source:
                continue
            downloaded += 1
            sha = source.get("sha256")
            if not isinstance(sha, str) or not SHA256_RE.match(sha):
                bad_sources.append(f"{'/'.join(path)}: {source.get('url')}: sha256 {sha!r}")
            if not source["url"].startswith("https://"):
                bad_sources.append(f"{'/'.join(path)}: {source['url']}: not https")
    tap.check(downloaded > 0 and not bad_sources,
              "every downloaded source is https and pinned by a 64-hex sha256",
              "\n".join(bad_sources) or "no downloaded sources")

    app = modules[-1][1] if modules else None
    if app is not None:
        tap.check(app.get("buildsystem") == "meson", "the app module builds with meson")
        tap.check(app.get("builddir") is True, "the app module builds in a separate builddir")
        tap.check("-Dui_tests=false" in app.get("config-opts", []),
                  "the app module turns off the UI tests")
        dir_sources = [s for s in app.get("sources", [])
                       if isinstance(s, dict) and s.get("type") == "dir"]
        ok = bool(dir_sources) and all(
            os.path.isfile(os.path.join(os.path.dirname(manifest_path), s.get("path", ""),
                                        "meson.build"))
            for s in dir_sources)
        tap.check(ok, "the app module's dir source is the project root")

    if builder:
        # flatpak-builder leaves a .flatpak-builder folder in its working
        # directory: run it in a throw-away one.
        with tempfile.TemporaryDirectory(prefix="zicha-flatpak-") as tmp:
            proc = subprocess.run([builder, "--show-manifest", manifest_path],
                                  cwd=tmp, capture_output=True, text=True)
        ok = proc.returncode == 0
        shown = None
        if ok:
            try:
                shown = json.loads(proc.stdout)
            except ValueError as e:
                ok = False
                proc.stderr += f"\n--show-manifest printed no JSON: {e}"
        tap.check(ok, "flatpak-builder --show-manifest accepts the manifest",
                  f"exit {proc.returncode}\n{proc.stderr}")
        if shown is not None:
            tap.check(shown.get("id", shown.get("app-id")) == APP_ID,
                      "flatpak-builder reads the app id")
    else:
        print("# flatpak-builder not found: --show-manifest not run")

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
