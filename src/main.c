/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — the mops executable: set up translations, run MopsApplication */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "core/mops-uninstalled.h"
#include "ui/shell/mops-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MopsApplication) application = NULL;
  const char *localedir;

  mops_uninstalled_setup ();
  localedir = g_getenv ("MOPS_LOCALEDIR");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = mops_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
