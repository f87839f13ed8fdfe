/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-application.h — the Mops application: command line, libraries and their windows */

#pragma once

#include <adwaita.h>

#include "mops-window.h"

G_BEGIN_DECLS

#define MOPS_TYPE_APPLICATION (mops_application_get_type ())

G_DECLARE_FINAL_TYPE (MopsApplication, mops_application, MOPS, APPLICATION, AdwApplication)

typedef enum
{
  MOPS_OPEN_DEFAULT    = 0,
  MOPS_OPEN_IN_WINDOW  = 1 << 0,  /* replace the library of the given window */
  MOPS_OPEN_REMEMBER   = 1 << 1,  /* make it the library Mops opens on start-up */
  MOPS_OPEN_MUST_EXIST = 1 << 2,  /* a missing folder is an error, not a new library */
} MopsOpenFlags;

MopsApplication *mops_application_new                (void);

/* The window that has the library in @path open, or NULL. */
MopsWindow      *mops_application_find_window        (MopsApplication *self,
                                                      const char      *path);

/* Opens the library in @path (created when the folder is missing or empty) and presents the
 * window showing it: the window that already has it, else @window when it has no library
 * with data in it or MOPS_OPEN_IN_WINDOW is given, else a new window. When the library cannot
 * be opened, @window (or a new window) shows why and offers another folder. Returns the
 * window that was presented (owned by the application). */
MopsWindow      *mops_application_open_library       (MopsApplication *self,
                                                      const char      *path,
                                                      MopsWindow      *window,
                                                      MopsOpenFlags    flags);

/* Opens the demo library ($XDG_DATA_HOME/mops/demo), generating it first when needed, in
 * @window when that has no library with data in it, else in a new window. */
void             mops_application_open_demo          (MopsApplication *self,
                                                      MopsWindow      *window);

/* The library Mops opens when none is named: the library-path setting, else the default
 * folder. Free with g_free(). */
char            *mops_application_dup_startup_path   (MopsApplication *self);

G_END_DECLS
