/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-domain.c — what the domain modules share: field checks, one-row writes */

#include "config.h"

#define G_LOG_DOMAIN "mops-domain"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mops-clock.h"
#include "mops-domain-private.h"
#include "mops-error.h"

static const char *const exists_sql[] = {
  [MOPS_ROW_PERSON] = "SELECT 1 FROM people WHERE id = ?",
  [MOPS_ROW_ASSET] = "SELECT 1 FROM assets WHERE id = ?",
  [MOPS_ROW_LICENCE] = "SELECT 1 FROM licences WHERE id = ?",
  [MOPS_ROW_CHANNEL] = "SELECT 1 FROM channels WHERE id = ?",
  [MOPS_ROW_CAMPAIGN] = "SELECT 1 FROM campaigns WHERE id = ?",
  [MOPS_ROW_CONTENT_ITEM] = "SELECT 1 FROM content_items WHERE id = ?",
  [MOPS_ROW_COLLECTION] = "SELECT 1 FROM collections WHERE id = ?",
  [MOPS_ROW_FISCAL_YEAR] = "SELECT 1 FROM fiscal_years WHERE id = ?",
  [MOPS_ROW_TEAM] = "SELECT 1 FROM teams WHERE id = ?",
  [MOPS_ROW_CATEGORY] = "SELECT 1 FROM categories WHERE id = ?",
  [MOPS_ROW_PLAN_SNAPSHOT] = "SELECT 1 FROM plan_snapshots WHERE id = ?",
  [MOPS_ROW_SUBSCRIPTION] = "SELECT 1 FROM subscriptions WHERE id = ?",
  [MOPS_ROW_SPEND_REQUEST] = "SELECT 1 FROM spend_requests WHERE id = ?",
  [MOPS_ROW_BRAND_KIT] = "SELECT 1 FROM brand_kits WHERE id = ?",
};

static void
set_missing_error (GError      **error,
                   MopsRowKind   kind,
                   gint64        id)
{
  long long number = (long long) id;

  switch (kind)
    {
    case MOPS_ROW_PERSON:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no person with id %lld"), number);
      break;
    case MOPS_ROW_ASSET:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no asset with id %lld"), number);
      break;
    case MOPS_ROW_LICENCE:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no licence with id %lld"), number);
      break;
    case MOPS_ROW_CHANNEL:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no channel with id %lld"), number);
      break;
    case MOPS_ROW_CAMPAIGN:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no campaign with id %lld"), number);
      break;
    case MOPS_ROW_CONTENT_ITEM:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no content item with id %lld"), number);
      break;
    case MOPS_ROW_COLLECTION:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no collection with id %lld"), number);
      break;
    case MOPS_ROW_FISCAL_YEAR:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no fiscal year with id %lld"), number);
      break;
    case MOPS_ROW_TEAM:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no team with id %lld"), number);
      break;
    case MOPS_ROW_CATEGORY:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no category with id %lld"), number);
      break;
    case MOPS_ROW_PLAN_SNAPSHOT:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no plan snapshot with id %lld"), number);
      break;
    case MOPS_ROW_SUBSCRIPTION:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no subscription with id %lld"), number);
      break;
    case MOPS_ROW_SPEND_REQUEST:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no spend request with id %lld"), number);
      break;
    case MOPS_ROW_BRAND_KIT:
    default:
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no brand kit with id %lld"), number);
      break;
    }
}

gboolean
mops_domain_check_refs (MopsLibrary       *library,
                        const MopsRowRef  *refs,
                        guint              n_refs,
                        GError           **error)
{
  for (guint i = 0; i < n_refs; i++)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (refs[i].id <= 0)
        continue;

      g_return_val_if_fail (refs[i].kind < G_N_ELEMENTS (exists_sql), FALSE);

      stmt = mops_library_prepare_cached (library, exists_sql[refs[i].kind], error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, refs[i].id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          set_missing_error (error, refs[i].kind, refs[i].id);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return mops_db_set_error (mops_library_get_db (library), error,
                                  _("Could not read the library"));
    }

  return TRUE;
}

gboolean
mops_domain_check_refs_in_db (sqlite3           *db,
                              const MopsRowRef  *refs,
                              guint              n_refs,
                              GError           **error)
{
  for (guint i = 0; i < n_refs; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (refs[i].id <= 0)
        continue;

      g_return_val_if_fail (refs[i].kind < G_N_ELEMENTS (exists_sql), FALSE);

      stmt = mops_db_prepare (db, exists_sql[refs[i].kind], error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, refs[i].id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          set_missing_error (error, refs[i].kind, refs[i].id);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return mops_db_set_error (db, error, _("Could not read the library"));
    }

  return TRUE;
}

gboolean
mops_domain_step (MopsLibrary       *library,
                  sqlite3_stmt      *stmt,
                  const MopsRowRef  *refs,
                  guint              n_refs,
                  const char        *exists,
                  const char        *what,
                  GError           **error)
{
  sqlite3 *db = mops_library_get_db (library);
  int rc = sqlite3_step (stmt);
  int extended = sqlite3_extended_errcode (db);
  g_autoptr(GError) failure = NULL;

  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  /* the message before reset, which may replace it */
  mops_db_set_error (db, &failure, what);
  sqlite3_reset (stmt);

  if (extended == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      /* the statement took nothing back: name what is missing */
      if (!mops_domain_check_refs (library, refs, n_refs, error))
        return FALSE;
    }
  else if ((extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
           && exists != NULL)
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_EXISTS, exists);
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&failure));
  return FALSE;
}

gint64
mops_domain_insert (MopsLibrary       *library,
                    sqlite3_stmt      *stmt,
                    const MopsRowRef  *refs,
                    guint              n_refs,
                    const char        *exists,
                    const char        *what,
                    GError           **error)
{
  if (!mops_domain_step (library, stmt, refs, n_refs, exists, what, error))
    return 0;

  return sqlite3_last_insert_rowid (mops_library_get_db (library));
}

char *
mops_domain_clean_name (const char  *name,
                        const char  *empty,
                        GError     **error)
{
  g_autofree char *copy = NULL;

  if (name != NULL && !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                           _("A name must be valid UTF-8 text"));
      return NULL;
    }

  copy = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*copy == '\0')
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID, empty);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

/* @text matches @shape, where '9' stands for any ASCII digit and every other character for
 * itself. */
static gboolean
has_shape (const char *text,
           const char *shape)
{
  for (; *shape != '\0'; text++, shape++)
    {
      if (*text == '\0')
        return FALSE;
      if (*shape == '9' ? !g_ascii_isdigit (*text) : *text != *shape)
        return FALSE;
    }

  return *text == '\0';
}

gboolean
mops_domain_check_date (const char  *date,
                        GError     **error)
{
  GDate parsed;

  if (date == NULL || mops_clock_parse_date (date, &parsed))
    return TRUE;

  /* Translators: %s is what was given as a date */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
               _("“%s” is not a date: write it as YYYY-MM-DD"), date);
  return FALSE;
}

gboolean
mops_domain_check_month (const char  *month,
                         GError     **error)
{
  int number;

  if (month == NULL)
    return TRUE;

  number = has_shape (month, "9999-99") ? atoi (month + 5) : 0;
  if (number >= 1 && number <= 12)
    return TRUE;

  /* Translators: %s is what was given as a month */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
               _("“%s” is not a month: write it as YYYY-MM"), month);
  return FALSE;
}

gboolean
mops_domain_check_wall_time (const char  *wall_time,
                             GError     **error)
{
  g_autofree char *day = NULL;
  GDate parsed;

  if (wall_time == NULL)
    return TRUE;

  day = g_strndup (wall_time, 10);
  if (mops_clock_parse_date (day, &parsed)
      && (wall_time[10] == '\0'
          || (has_shape (wall_time + 10, "T99:99") && atoi (wall_time + 11) < 24
              && atoi (wall_time + 14) < 60)))
    return TRUE;

  /* Translators: %s is what was given as a date or a date and time */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
               _("“%s” is not a date or a time: write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM"),
               wall_time);
  return FALSE;
}

gboolean
mops_domain_check_color (const char  *color,
                         GError     **error)
{
  if (color == NULL)
    return TRUE;

  if (strlen (color) == 7 && color[0] == '#')
    {
      gboolean hex = TRUE;

      for (guint i = 1; i < 7; i++)
        hex = hex && g_ascii_isxdigit (color[i]);
      if (hex)
        return TRUE;
    }

  /* Translators: %s is what was given as a colour */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
               _("“%s” is not a colour: write it as #RRGGBB"), color);
  return FALSE;
}

gboolean
mops_domain_check_order (const char  *starts,
                         const char  *ends,
                         GError     **error)
{
  if (starts == NULL || ends == NULL || strcmp (starts, ends) <= 0)
    return TRUE;

  /* Translators: two dates, YYYY-MM-DD (or with a time) */
  g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("The end, %s, is before the start, %s"),
               ends, starts);
  return FALSE;
}

gint64
mops_domain_instant_or_now (gint64 instant)
{
  return instant > 0 ? instant : mops_clock_now_unix ();
}

void
mops_domain_bind_id (sqlite3_stmt *stmt,
                     int           index,
                     gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

void
mops_domain_bind_int_or_null (sqlite3_stmt *stmt,
                              int           index,
                              gint64        value)
{
  if (value != 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}
