#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The layering of HACKING.md: only src/core sees SQLite. Widgets and the CLI hold no database
# connection and run no SQL (core's _async/_finish calls own the workers and their
# connections); core includes no GTK; public core headers do not expose SQLite, so a second
# store could sit behind them.
cd "${1:?source root}" || exit 2
status=0

hits=$(grep -rnE 'sqlite3|mops_library_get_db|mops_library_open_(task_)?connection|mops_db_|mops_library_run_job|core/[a-z-]+-private\.h' \
         src/ui src/cli src/demo src/main.c 2>/dev/null)
if [ -n "$hits" ]; then
  echo "Outside src/core, only core's public API (no SQLite, connections or private headers):"
  echo "$hits"
  status=1
fi

hits=$(grep -rlE '#include +<(gtk|adwaita|gdk|cairo|pango)' src/core 2>/dev/null)
if [ -n "$hits" ]; then
  echo "src/core includes GTK, cairo or pango (drawing is src/demo's, src/charts' and src/probe's): $hits"
  status=1
fi
if grep -nE "^ *(cairo|pango|pangocairo)_dep,|dependency\('(cairo|pango|pangocairo|gtk4)" src/core/meson.build; then
  echo "src/core/meson.build links cairo, pango or GTK"
  status=1
fi

for header in $(find src/core -name '*.h' ! -name '*-private.h' | sort); do
  if grep -nE '#include +<sqlite3\.h>|sqlite3(_stmt)? *\*|-private\.h"' "$header"; then
    echo "$header: a public core header exposes SQLite or a private header"
    status=1
  fi
done

[ $status -eq 0 ] && echo "The layers hold: SQLite stays inside src/core"
exit $status
