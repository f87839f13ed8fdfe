/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-people.c — the team members a library records: looking up and adding them */

#include "config.h"

#define G_LOG_DOMAIN "mops-people"

#include <glib/gi18n-lib.h>

#include "mops-db-private.h"
#include "mops-domain-private.h"
#include "mops-error.h"
#include "mops-library-private.h"
#include "mops-people.h"

static gint64
lookup_id (sqlite3    *db,
           const char *name,
           gboolean   *out_archived)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = mops_db_prepare (db, "SELECT id, archived FROM people WHERE name = ?", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  if (out_archived != NULL)
    *out_archived = sqlite3_column_int (stmt, 1) != 0;
  return sqlite3_column_int64 (stmt, 0);
}

gint64
mops_people_lookup (MopsLibrary *library,
                    const char  *name)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (name != NULL, 0);

  trimmed = g_strstrip (g_strdup (name));
  return lookup_id (mops_library_get_db (library), trimmed, NULL);
}

gint64
mops_people_ensure (MopsLibrary  *library,
                    const char   *name,
                    GError      **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean archived = FALSE;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                           _("A person’s name must be valid UTF-8 text"));
      return 0;
    }

  trimmed = g_strstrip (g_strdup (name));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                           _("A person’s name cannot be empty"));
      return 0;
    }

  db = mops_library_get_db (library);
  id = lookup_id (db, trimmed, &archived);
  if (id > 0 && !archived)
    return id;

  if (id > 0)
    stmt = mops_db_prepare (db, "UPDATE people SET archived = 0 WHERE id = ?", error);
  else
    stmt = mops_db_prepare (db, "INSERT INTO people (name) VALUES (?)", error);
  if (stmt == NULL)
    return 0;

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_autofree char *what = NULL;

      what = g_strdup_printf (_("Could not add “%s” to the people of the library"), trimmed);
      mops_db_set_error (db, error, what);
      return 0;
    }

  return id > 0 ? id : sqlite3_last_insert_rowid (db);
}

gint64
mops_people_add (MopsLibrary           *library,
                 const MopsPersonInfo  *info,
                 GError               **error)
{
  g_autofree char *name = NULL;
  g_autofree char *exists = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);
  g_return_val_if_fail (info != NULL, 0);

  name = mops_domain_clean_name (info->name, _("A person’s name cannot be empty"), error);
  if (name == NULL)
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO people (name, role, email) VALUES (?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 2, info->role);
  mops_db_bind_text_or_null (stmt, 3, info->email);

  exists = g_strdup_printf (_("“%s” is already one of the people of the library"), name);
  what = g_strdup_printf (_("Could not add “%s” to the people of the library"), name);
  return mops_domain_insert (library, stmt, NULL, 0, exists, what, error);
}
