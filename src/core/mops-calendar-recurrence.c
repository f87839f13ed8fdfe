/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-calendar-recurrence.c — recurring content items through libical: the RRULE subset,
 * expansion for a range with overrides (RECURRENCE-ID) and cancelled occurrences (EXDATE) */

#include "config.h"

#define G_LOG_DOMAIN "mops-calendar"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mops-calendar-private.h"
#include "mops-calendar-recurrence-private.h"
#include "mops-domain-private.h"
#include "mops-error.h"

/* An open end of a range stops the expansion after this many occurrences, and no rule is
 * walked further than this many steps (a daily rule over 270 years). */
#define MAX_OPEN_OCCURRENCES 1000
#define MAX_STEPS            100000

static gboolean
by_part_is_empty (const short *part)
{
  return part[0] == ICAL_RECURRENCE_ARRAY_MAX;
}

gboolean
mops_calendar_check_rrule (const char  *rrule,
                           const char  *title,
                           GError     **error)
{
  struct icalrecurrencetype recur;
  gboolean fits;

  if (rrule == NULL)
    return TRUE;

  icalerror_clear_errno ();
  recur = icalrecurrencetype_from_string (rrule);
  fits = icalerrno == ICAL_NO_ERROR
         && (recur.freq == ICAL_DAILY_RECURRENCE || recur.freq == ICAL_WEEKLY_RECURRENCE
             || recur.freq == ICAL_MONTHLY_RECURRENCE)
         && recur.interval >= 1 && recur.count >= 0
         && !(recur.count > 0 && !icaltime_is_null_time (recur.until))
         && by_part_is_empty (recur.by_second) && by_part_is_empty (recur.by_minute)
         && by_part_is_empty (recur.by_hour) && by_part_is_empty (recur.by_year_day)
         && by_part_is_empty (recur.by_week_no) && by_part_is_empty (recur.by_month)
         && by_part_is_empty (recur.by_set_pos) && recur.rscale == NULL;
  g_free (recur.rscale);
  icalerror_clear_errno ();

  if (!fits)
    {
      if (title != NULL)
        /* Translators: the rule as given, then the item's title */
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                     _("“%s” is not a rule Mops can repeat “%s” by: use FREQ=DAILY, WEEKLY or "
                       "MONTHLY with INTERVAL, BYDAY, BYMONTHDAY and UNTIL or COUNT"),
                     rrule, title);
      else
        /* Translators: the rule as given */
        g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                     _("“%s” is not a rule Mops can repeat by: use FREQ=DAILY, WEEKLY or "
                       "MONTHLY with INTERVAL, BYDAY, BYMONTHDAY and UNTIL or COUNT"),
                     rrule);
      return FALSE;
    }
  return TRUE;
}

struct icaltimetype
mops_calendar_time_from_wall (const char *wall_time)
{
  struct icaltimetype time = icaltime_null_time ();
  int year, month, day, hour, minute;
  char tail;

  if (wall_time == NULL)
    return time;

  if (sscanf (wall_time, "%4d-%2d-%2dT%2d:%2d%c", &year, &month, &day, &hour, &minute, &tail) == 5)
    {
      time.year = year;
      time.month = month;
      time.day = day;
      time.hour = hour;
      time.minute = minute;
      return time;
    }
  if (sscanf (wall_time, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3)
    {
      time.year = year;
      time.month = month;
      time.day = day;
      time.is_date = 1;
      return time;
    }
  return time;
}

char *
mops_calendar_time_to_wall (struct icaltimetype time)
{
  if (icaltime_is_null_time (time))
    return NULL;
  if (time.is_date)
    return g_strdup_printf ("%04d-%02d-%02d", time.year, time.month, time.day);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", time.year, time.month, time.day,
                          time.hour, time.minute);
}

/* One override row. */
typedef struct
{
  char     *recurrence_id;
  gboolean  cancelled;
  char     *title;
  char     *status;
  char     *publish_at;
  gboolean  used;
} Override;

static void
override_free (Override *override)
{
  g_free (override->recurrence_id);
  g_free (override->title);
  g_free (override->status);
  g_free (override->publish_at);
  g_free (override);
}

static GHashTable *
load_overrides (sqlite3  *db,
                gint64    item_id,
                GError  **error)
{
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) override_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = mops_db_prepare (db,
                          "SELECT recurrence_id, cancelled, title, status, publish_at"
                          " FROM content_overrides WHERE content_item_id = ?",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Override *override = g_new0 (Override, 1);

      override->recurrence_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      override->cancelled = sqlite3_column_int (stmt, 1) != 0;
      override->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      override->status = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      override->publish_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_hash_table_insert (overrides, override->recurrence_id, override);
    }
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the calendar"));
      return NULL;
    }
  return g_steal_pointer (&overrides);
}

/* Whether the day of wall time @when lies between @from and @to (dates; NULL = open). */
static gboolean
in_range (const char *when,
          const char *from,
          const char *to)
{
  return (from == NULL || strncmp (when, from, 10) >= 0)
         && (to == NULL || strncmp (when, to, 10) <= 0);
}

/* The occurrence of @item at @recurrence_id, changed by @override (may be NULL). */
static MopsContentItem *
make_occurrence (const MopsContentItem *item,
                 const char            *recurrence_id,
                 const Override        *override)
{
  MopsContentItem *occurrence = mops_content_item_copy (item);

  occurrence->recurrence_id = g_strdup (recurrence_id);
  g_free (occurrence->publish_at);
  occurrence->publish_at = g_strdup (override != NULL && override->publish_at != NULL
                                     ? override->publish_at : recurrence_id);
  if (override != NULL)
    {
      occurrence->overridden = TRUE;
      if (override->title != NULL)
        {
          g_free (occurrence->title);
          occurrence->title = g_strdup (override->title);
        }
      if (override->status != NULL)
        mops_content_status_from_name (override->status, &occurrence->status);
    }
  return occurrence;
}

gboolean
mops_calendar_expand_in_db (sqlite3                *db,
                            const MopsContentItem  *item,
                            const char             *from,
                            const char             *to,
                            GPtrArray              *out,
                            GError                **error)
{
  g_autoptr(GHashTable) overrides = NULL;
  struct icalrecurrencetype recur;
  struct icaltimetype start, next;
  icalrecur_iterator *iterator;
  GHashTableIter iter;
  Override *override;
  guint steps = 0, shown = 0;

  g_return_val_if_fail (item->rrule != NULL, FALSE);

  start = mops_calendar_time_from_wall (item->publish_at);
  if (icaltime_is_null_time (start))
    return TRUE;  /* the schema keeps a rule with a start; nothing to show */

  overrides = load_overrides (db, item->id, error);
  if (overrides == NULL)
    return FALSE;

  icalerror_clear_errno ();
  recur = icalrecurrencetype_from_string (item->rrule);
  iterator = icalrecur_iterator_new (recur, start);
  g_free (recur.rscale);
  if (iterator == NULL)
    {
      icalerror_clear_errno ();
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("The rule “%s” of “%s” cannot be repeated"), item->rrule, item->title);
      return FALSE;
    }

  for (next = icalrecur_iterator_next (iterator);
       !icaltime_is_null_time (next) && steps < MAX_STEPS;
       next = icalrecur_iterator_next (iterator), steps++)
    {
      g_autofree char *recurrence_id = NULL;

      /* the rule keeps the start's kind: a date or a time of day */
      next.is_date = start.is_date;
      recurrence_id = mops_calendar_time_to_wall (next);
      if (to != NULL && strncmp (recurrence_id, to, 10) > 0)
        break;
      if (to == NULL && shown >= MAX_OPEN_OCCURRENCES)
        break;

      override = g_hash_table_lookup (overrides, recurrence_id);
      if (override != NULL)
        override->used = TRUE;
      if (override != NULL && override->cancelled)
        continue;
      if (!in_range (override != NULL && override->publish_at != NULL ? override->publish_at
                                                                      : recurrence_id,
                     from, to))
        continue;

      g_ptr_array_add (out, make_occurrence (item, recurrence_id, override));
      shown++;
    }
  icalrecur_iterator_free (iterator);
  icalerror_clear_errno ();

  /* Occurrences of the rule outside the range that were moved into it. */
  g_hash_table_iter_init (&iter, overrides);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &override))
    if (!override->used && !override->cancelled && override->publish_at != NULL
        && in_range (override->publish_at, from, to))
      g_ptr_array_add (out, make_occurrence (item, override->recurrence_id, override));

  return TRUE;
}

gboolean
mops_content_rrule_check (const char  *rrule,
                          GError     **error)
{
  g_return_val_if_fail (rrule != NULL, FALSE);

  return mops_calendar_check_rrule (rrule, NULL, error);
}
