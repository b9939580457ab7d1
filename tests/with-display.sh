#!/bin/sh
# with-display.sh PROGRAM [ARGS…] — runs a GTK test with a display: the one of the session
# when there is one (the README's test command runs meson under xvfb-run), else its own
# Xvfb, so that a plain `meson test` works on a headless machine too.
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$@"
fi
exec xvfb-run -a -s "-screen 0 1280x800x24" "$@"
