/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-error.h — the MOPS_ERROR domain shared by every core module */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MOPS_ERROR (mops_error_quark ())

typedef enum
{
  MOPS_ERROR_FAILED,
  MOPS_ERROR_NO_LIBRARY,      /* nothing that looks like a library at the path */
  MOPS_ERROR_NOT_A_LIBRARY,   /* a folder or database that is not a Mops library */
  MOPS_ERROR_NOT_A_DATABASE,  /* library.db exists but is not an SQLite database */
  MOPS_ERROR_CORRUPT,         /* the database is damaged */
  MOPS_ERROR_TOO_NEW,         /* made by a newer Mops */
  MOPS_ERROR_LOCKED,          /* open in another Mops */
  MOPS_ERROR_IO,              /* a file could not be read or written */
  MOPS_ERROR_DATABASE,        /* an SQLite call failed */
  MOPS_ERROR_INVALID,         /* user input that is malformed */
  MOPS_ERROR_NOT_FOUND,       /* an id or name that does not exist */
  MOPS_ERROR_NOT_EMPTY,       /* the demo needs an empty library */
  MOPS_ERROR_EXISTS,          /* a name or row that is already there */
} MopsError;

GQuark mops_error_quark (void);

G_END_DECLS
