/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-uninstalled.c — an executable run from its build tree uses that tree's files */

#include "config.h"

#define G_LOG_DOMAIN "mops-uninstalled"

#include "mops-uninstalled.h"

static void
set_default (const char *variable,
             const char *path)
{
  const char *value = g_getenv (variable);

  if (value == NULL || *value == '\0')
    g_setenv (variable, path, TRUE);
}

void
mops_uninstalled_setup (void)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);

  /* Without this, an uninstalled mops-cli looks for LIBEXECDIR/mops-probe, finds nothing
   * and marks every imported file "cannot preview". */
  if (executable == NULL || !g_str_has_prefix (executable, MOPS_BUILD_ROOT G_DIR_SEPARATOR_S))
    return;

  set_default ("MOPS_PROBE", MOPS_BUILD_ROOT G_DIR_SEPARATOR_S "src" G_DIR_SEPARATOR_S "probe"
                             G_DIR_SEPARATOR_S "mops-probe");
  set_default ("MOPS_LOCALEDIR", MOPS_BUILD_ROOT G_DIR_SEPARATOR_S "po");
  set_default ("GSETTINGS_SCHEMA_DIR", MOPS_BUILD_ROOT G_DIR_SEPARATOR_S "data");
}
