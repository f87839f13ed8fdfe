/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-uninstalled.h — an executable run from its build tree uses that tree's files */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When the running executable lies in the build tree it was compiled in (`meson compile`,
 * no install), points MOPS_PROBE, MOPS_LOCALEDIR and GSETTINGS_SCHEMA_DIR at that tree's
 * preview helper, catalogs and compiled schemas, each unless already set; an installed
 * executable is left alone. Call it first thing in main(), before any thread starts. */
void mops_uninstalled_setup (void);

G_END_DECLS
