#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-ui-test.sh — runs one UI test program under Xvfb (when there is no display), in a D-Bus
# session of its own with a fake notification daemon, and exits with the test's status.
# Usage: run-ui-test.sh TEST-PROGRAM [ARGUMENTS…]
set -u

if [ -z "${DISPLAY:-}" ]; then
  # -a picks a free display; starting the search at a number drawn from our PID keeps UI
  # tests that meson runs side by side from racing for the same one.
  exec xvfb-run -a -n $((100 + $$ % 400)) -s "-screen 0 1366x768x24 -nolisten tcp" \
    sh "$0" "$@"
fi

if [ -z "${MOPS_UI_TEST_SESSION:-}" ]; then
  # The bus and the services it starts write to stderr (the accessibility registry prints a
  # line); the test's TAP stream keeps the real stdout, as fd 3 inside the session.
  MOPS_UI_TEST_SESSION=1 exec dbus-run-session -- sh "$0" "$@" 3>&1 1>&2
fi

# Without a notification server, GApplication warns, and warnings are fatal in tests.
/usr/bin/python3 -m dbusmock --template notification_daemon &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null; wait "$mock_pid" 2>/dev/null' EXIT

tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null |
      grep -q "boolean true"; do
  tries=$((tries + 1))
  if [ "$tries" -gt 100 ] || ! kill -0 "$mock_pid" 2>/dev/null; then
    echo "Bail out! the fake notification daemon (python3-dbusmock) did not start" >&3
    exit 1
  fi
  sleep 0.1
done

# Sanitizer builds: GTK's stack leaves a few deliberate allocations behind (GLib's first quark
# block, made in its constructor and dropped when the table grows) that LSan can only tell
# apart from ours with full stacks; tests/lsan.supp names them by those frames.
case "${ASAN_OPTIONS:-}" in
  *detect_leaks=1*) export ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0:malloc_context_size=8" ;;
esac

"$@" >&3
status=$?
exit "$status"
