#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with user-visible strings must be in po/POTFILES.in, and every listed file must
# exist, or its strings silently never reach the translators.
cd "${1:?source root}" || exit 2
status=0
for f in $(grep -rlE '(^|[^a-zA-Z_])(_|N_|C_|g_dngettext|ngettext)\(' src --include='*.c' | sort) \
         $(grep -rl 'translatable="yes"' src --include='*.ui' | sort); do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "po/POTFILES.in lacks $f"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in | grep -v '^$'); do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/POTFILES.in is complete"
exit $status
