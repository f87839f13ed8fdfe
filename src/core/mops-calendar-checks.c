/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-calendar-checks.c — what the calendar checks when scheduling: assets that do not fit
 * the channel, overdue items, licence and channel warnings, the budget impact of a move */

#include "config.h"

#define G_LOG_DOMAIN "mops-calendar"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mops-calendar-private.h"
#include "mops-calendar-recurrence-private.h"
#include "mops-clock.h"
#include "mops-domain-private.h"
#include "mops-enum-names-private.h"
#include "mops-enums.h"
#include "mops-error.h"
#include "mops-licences-private.h"
#include "mops-search.h"

/* Recurring items are checked on their occurrences this many days ahead. */
#define WARNING_DAYS 90

/* ---- Channel fit ------------------------------------------------------------------------- */

const char *
mops_channel_problem_code_to_name (MopsChannelProblemCode code)
{
  return mops_enum_to_name (MOPS_TYPE_CHANNEL_PROBLEM_CODE, (int) code);
}

void
mops_channel_problem_free (MopsChannelProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray              *problems,
             gint64                  asset_id,
             MopsChannelProblemCode  code,
             char                   *message)
{
  MopsChannelProblem *problem = g_new0 (MopsChannelProblem, 1);

  problem->asset_id = asset_id;
  problem->code = code;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* "1:1;4:5" → "1:1 or 4:5" */
static char *
join_choices (const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list, ";", -1);

  /* Translators: the glue between choices, "1:1 or 4:5", "image or video" */
  return g_strjoinv (_(" or "), parts);
}

static gboolean
fits_a_ratio (const char *ratios,
              gint64      width,
              gint64      height)
{
  g_auto(GStrv) parts = g_strsplit (ratios, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 a = 0, b = 0;
      char *end = NULL;

      a = g_ascii_strtoll (parts[i], &end, 10);
      if (end != NULL && *end == ':')
        b = g_ascii_strtoll (end + 1, NULL, 10);
      if (a <= 0 || b <= 0)
        continue;
      /* width / height = a / b within 1 % */
      if (ABS (width * b - height * a) * 100 <= height * a)
        return TRUE;
    }
  return FALSE;
}

static char *
needed_size (const MopsChannel *channel)
{
  if (channel->min_width > 0 && channel->min_height > 0)
    /* Translators: a minimum size in pixels, width × height */
    return g_strdup_printf (_("%d×%d px"), channel->min_width, channel->min_height);
  if (channel->min_width > 0)
    return g_strdup_printf (_("%d px wide"), channel->min_width);
  return g_strdup_printf (_("%d px high"), channel->min_height);
}

static void
check_asset (const MopsChannel *channel,
             sqlite3_stmt      *asset,
             GPtrArray         *problems)
{
  gint64 id = sqlite3_column_int64 (asset, 0);
  const char *name = (const char *) sqlite3_column_text (asset, 1);
  const char *mime = (const char *) sqlite3_column_text (asset, 2);
  gint64 size = sqlite3_column_int64 (asset, 3);
  gint64 width = sqlite3_column_int64 (asset, 4);
  gint64 height = sqlite3_column_int64 (asset, 5);

  if (channel->allowed_types != NULL)
    {
      const char *type = mops_asset_type_to_name (mops_asset_type_for_mime (mime));
      g_auto(GStrv) allowed = g_strsplit (channel->allowed_types, ";", -1);

      if (type == NULL || !g_strv_contains ((const char * const *) allowed, type))
        {
          g_autofree char *choices = join_choices (channel->allowed_types);

          add_problem (problems, id, MOPS_CHANNEL_PROBLEM_WRONG_TYPE,
                       /* Translators: asset name, its type, channel name, the types it takes */
                       g_strdup_printf (_("“%s” is of type %s, but “%s” takes only %s"), name,
                                        type != NULL ? type : mime, channel->name, choices));
        }
    }

  if (width > 0 && height > 0)
    {
      if ((channel->min_width > 0 && width < channel->min_width)
          || (channel->min_height > 0 && height < channel->min_height))
        {
          g_autofree char *needed = needed_size (channel);

          add_problem (problems, id, MOPS_CHANNEL_PROBLEM_TOO_SMALL,
                       /* Translators: asset name, its width and height, channel name, the size needed */
                       g_strdup_printf (_("“%s” is %lld×%lld px, but “%s” needs at least %s"), name,
                                        (long long) width, (long long) height, channel->name, needed));
        }
      if (channel->aspect_ratios != NULL && !fits_a_ratio (channel->aspect_ratios, width, height))
        {
          g_autofree char *choices = join_choices (channel->aspect_ratios);

          add_problem (problems, id, MOPS_CHANNEL_PROBLEM_WRONG_ASPECT_RATIO,
                       /* Translators: asset name, its width and height, channel name, ratios */
                       g_strdup_printf (_("“%s” is %lld×%lld px, but “%s” asks for the aspect ratio %s"),
                                        name, (long long) width, (long long) height, channel->name,
                                        choices));
        }
    }

  if (channel->max_bytes > 0 && size > channel->max_bytes)
    {
      g_autofree char *has = g_format_size ((guint64) size);
      g_autofree char *limit = g_format_size ((guint64) channel->max_bytes);

      add_problem (problems, id, MOPS_CHANNEL_PROBLEM_TOO_BIG,
                   /* Translators: asset name, its size, channel name, the largest size it takes */
                   g_strdup_printf (_("“%s” is %s, but “%s” takes files of at most %s"), name, has,
                                    channel->name, limit));
    }
}

static GPtrArray *
check_channel_fit_in_db (sqlite3                *db,
                         const MopsContentItem  *item,
                         GError                **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_channel_problem_free);
  g_autoptr(MopsChannel) channel = NULL;
  g_autoptr(sqlite3_stmt) assets = NULL;
  int rc;

  if (item->channel_id <= 0)
    return g_steal_pointer (&problems);
  channel = mops_channels_load_in_db (db, item->channel_id, error);
  if (channel == NULL)
    return NULL;

  assets = mops_db_prepare (db,
                            "SELECT a.id, coalesce (a.title, a.original_name), a.mime, a.size,"
                            " a.width, a.height FROM content_assets ca JOIN assets a ON a.id = ca.asset_id"
                            " WHERE ca.content_item_id = ? AND a.role = 'asset' AND a.trashed_at IS NULL"
                            " ORDER BY ca.position, a.id",
                            error);
  if (assets == NULL)
    return NULL;
  sqlite3_bind_int64 (assets, 1, item->id);
  while ((rc = sqlite3_step (assets)) == SQLITE_ROW)
    check_asset (channel, assets, problems);
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the calendar"));
      return NULL;
    }
  return g_steal_pointer (&problems);
}

GPtrArray *
mops_calendar_check_channel_fit (MopsLibrary  *library,
                                 gint64        id,
                                 GError      **error)
{
  sqlite3 *db;
  g_autoptr(MopsContentItem) item = NULL;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  db = mops_library_get_db (library);
  item = mops_content_items_load_in_db (db, id, error);
  if (item == NULL)
    return NULL;
  return check_channel_fit_in_db (db, item, error);
}

/* ---- Overdue ----------------------------------------------------------------------------- */

/* Whether wall time @when has passed at @now_wall ("YYYY-MM-DDTHH:MM"): a whole day when it
 * has ended. */
static gboolean
has_passed (const char *when,
            const char *now_wall)
{
  if (when == NULL)
    return FALSE;
  if (strlen (when) == 10)
    return strncmp (when, now_wall, 10) < 0;
  return strcmp (when, now_wall) < 0;
}

MopsOverdue
mops_content_item_get_overdue (const MopsContentItem *item,
                               GDateTime             *now)
{
  g_autofree char *now_wall = NULL;

  g_return_val_if_fail (item != NULL, MOPS_OVERDUE_NONE);
  g_return_val_if_fail (now != NULL, MOPS_OVERDUE_NONE);

  now_wall = g_date_time_format (now, "%Y-%m-%dT%H:%M");
  if (item->status < MOPS_CONTENT_STATUS_PUBLISHED && has_passed (item->publish_at, now_wall))
    return MOPS_OVERDUE_PUBLISH;
  if (item->status < MOPS_CONTENT_STATUS_APPROVED && has_passed (item->due_at, now_wall))
    return MOPS_OVERDUE_DUE;
  return MOPS_OVERDUE_NONE;
}

/* ---- Warnings ---------------------------------------------------------------------------- */

void
mops_calendar_warning_free (MopsCalendarWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->title);
  g_free (warning->publish_at);
  g_free (warning->kind);
  g_free (warning->code);
  g_free (warning->message);
  g_free (warning);
}

static void
add_warning (GPtrArray             *warnings,
             GHashTable            *seen,
             const MopsContentItem *item,
             const char            *publish_at,
             gint64                 asset_id,
             const char            *kind,
             const char            *code,
             const char            *message)
{
  char *key = g_strdup_printf ("%lld/%lld/%s", (long long) item->id, (long long) asset_id, code);
  MopsCalendarWarning *warning;

  if (!g_hash_table_add (seen, key))
    return;

  warning = g_new0 (MopsCalendarWarning, 1);
  warning->item_id = item->id;
  warning->title = g_strdup (item->title);
  warning->publish_at = g_strdup (publish_at);
  warning->asset_id = asset_id;
  warning->kind = g_strdup (kind);
  warning->code = g_strdup (code);
  warning->message = g_strdup (message);
  g_ptr_array_add (warnings, warning);
}

static gboolean
add_licence_warnings (sqlite3               *db,
                      const MopsContentItem *item,
                      const char            *publish_at,
                      const GDate           *date,
                      GPtrArray             *warnings,
                      GHashTable            *seen,
                      GError               **error)
{
  g_autoptr(GPtrArray) problems = mops_licences_check_content_item_in_db (db, item->id, date, error);

  if (problems == NULL)
    return FALSE;
  for (guint i = 0; i < problems->len; i++)
    {
      const MopsLicenceProblem *problem = g_ptr_array_index (problems, i);

      add_warning (warnings, seen, item, publish_at, problem->asset_id, "licence",
                   mops_licence_problem_code_to_name (problem->code), problem->message);
    }
  return TRUE;
}

static gboolean
day_of (const char *wall_time,
        GDate      *out_date)
{
  g_autofree char *day = wall_time != NULL ? g_strndup (wall_time, 10) : NULL;

  return day != NULL && mops_clock_parse_date (day, out_date);
}

/* The occurrences of @item to check: (publish_at, date) pairs in @out_whens. */
static gboolean
dates_to_check (sqlite3               *db,
                const MopsContentItem *item,
                const char            *today,
                const char            *horizon,
                GPtrArray             *out_whens,
                GError               **error)
{
  if (item->status == MOPS_CONTENT_STATUS_PUBLISHED)
    g_ptr_array_add (out_whens, g_strdup (item->publish_at != NULL ? item->publish_at : today));
  else if (item->rrule != NULL)
    {
      g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_content_item_free);

      if (!mops_calendar_expand_in_db (db, item, today, horizon, occurrences, error))
        return FALSE;
      for (guint i = 0; i < occurrences->len; i++)
        g_ptr_array_add (out_whens, g_strdup (((MopsContentItem *) g_ptr_array_index (occurrences, i))->publish_at));
    }
  else if (item->publish_at != NULL)
    g_ptr_array_add (out_whens, g_strdup (item->publish_at));
  return TRUE;
}

static int
compare_warnings (gconstpointer a,
                  gconstpointer b)
{
  const MopsCalendarWarning *x = *(const MopsCalendarWarning * const *) a;
  const MopsCalendarWarning *y = *(const MopsCalendarWarning * const *) b;
  int order = g_strcmp0 (x->publish_at, y->publish_at);

  if (order != 0)
    return order;
  if (x->item_id != y->item_id)
    return x->item_id < y->item_id ? -1 : 1;
  if (x->asset_id != y->asset_id)
    return x->asset_id < y->asset_id ? -1 : 1;
  return g_strcmp0 (x->code, y->code);
}

static GPtrArray *
list_warnings_in_db (sqlite3  *db,
                     GError  **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_calendar_warning_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDate) today_date = mops_clock_today ();
  g_autofree char *today = mops_clock_format_date (today_date);
  g_autofree char *horizon = NULL;
  GDate horizon_date = *today_date;
  int rc;

  g_date_add_days (&horizon_date, WARNING_DAYS);
  horizon = mops_clock_format_date (&horizon_date);

  stmt = mops_db_prepare (db,
                          "SELECT " MOPS_CONTENT_ITEM_COLUMNS " FROM content_items i"
                          " WHERE i.publish_at IS NOT NULL OR i.status = 'published' ORDER BY i.id",
                          error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MopsContentItem) item = mops_content_item_from_row (stmt);
      g_autoptr(GPtrArray) whens = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) fit = NULL;

      if (!dates_to_check (db, item, today, horizon, whens, error))
        return NULL;
      for (guint i = 0; i < whens->len; i++)
        {
          const char *when = g_ptr_array_index (whens, i);
          GDate date;

          g_date_clear (&date, 1);
          if (item->status == MOPS_CONTENT_STATUS_PUBLISHED)
            date = *today_date;
          else if (!day_of (when, &date))
            continue;
          if (!add_licence_warnings (db, item, when, &date, warnings, seen, error))
            return NULL;
        }

      /* what is out is out: only content still to go is held to its channel */
      if (item->status == MOPS_CONTENT_STATUS_PUBLISHED)
        continue;
      fit = check_channel_fit_in_db (db, item, error);
      if (fit == NULL)
        return NULL;
      for (guint i = 0; i < fit->len && whens->len > 0; i++)
        {
          const MopsChannelProblem *problem = g_ptr_array_index (fit, i);

          add_warning (warnings, seen, item, g_ptr_array_index (whens, 0), problem->asset_id, "channel",
                       mops_channel_problem_code_to_name (problem->code), problem->message);
        }
    }
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the calendar"));
      return NULL;
    }

  g_ptr_array_sort (warnings, compare_warnings);
  return g_steal_pointer (&warnings);
}

GPtrArray *
mops_calendar_list_warnings (MopsLibrary  *library,
                             GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return list_warnings_in_db (mops_library_get_db (library), error);
}

static gpointer
warnings_job (MopsLibrary   *library,
              sqlite3       *db,
              gpointer       job_data,
              GCancellable  *cancellable,
              GError       **error)
{
  return list_warnings_in_db (db, error);
}

void
mops_calendar_list_warnings_async (MopsLibrary          *library,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_calendar_list_warnings_async, warnings_job, NULL, NULL,
                        (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
mops_calendar_list_warnings_finish (MopsLibrary   *library,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return mops_library_job_finish (library, result, mops_calendar_list_warnings_async, error);
}

/* ---- Budget impact ----------------------------------------------------------------------- */

void
mops_budget_impact_free (MopsBudgetImpact *impact)
{
  if (impact == NULL)
    return;

  g_free (impact->from_month);
  g_free (impact->to_month);
  g_free (impact->from_year);
  g_free (impact->to_year);
  g_free (impact->currency);
  g_clear_pointer (&impact->teams, g_ptr_array_unref);
  g_free (impact);
}

static void
impact_team_free (MopsBudgetImpactTeam *team)
{
  g_free (team->team);
  g_free (team);
}

/* The fiscal year covering the day of @wall_time: its id (0 = none), name, currency and first
 * day. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *currency;
  char   *starts_on;
} Year;

static void
year_clear (Year *year)
{
  g_clear_pointer (&year->name, g_free);
  g_clear_pointer (&year->currency, g_free);
  g_clear_pointer (&year->starts_on, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Year, year_clear)

static gboolean
find_year (sqlite3     *db,
           const char  *wall_time,
           Year        *year,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  int rc;

  if (wall_time == NULL)
    return TRUE;
  day = g_strndup (wall_time, 10);
  stmt = mops_db_prepare (db,
                          "SELECT id, name, currency, starts_on FROM fiscal_years"
                          " WHERE starts_on <= ?1 AND date (starts_on, '+12 months') > ?1"
                          " ORDER BY starts_on DESC LIMIT 1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      year->id = sqlite3_column_int64 (stmt, 0);
      year->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      year->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      year->starts_on = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    }
  else if (rc != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not read the budget"));
  return TRUE;
}

static gint64
query_sum (sqlite3       *db,
           sqlite3_stmt  *stmt,
           gboolean      *ok)
{
  gint64 sum = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    sum = sqlite3_column_int64 (stmt, 0);
  else
    *ok = FALSE;
  sqlite3_reset (stmt);
  return sum;
}

/* The team's plan and what it has spent or committed in [@start, @end) of @year, @month
 * ("YYYY-MM") or the whole year when NULL. */
static gboolean
measure_team (sqlite3               *db,
              const Year            *year,
              const char            *month,
              const char            *start,
              const char            *end,
              MopsBudgetImpactTeam  *team,
              GError               **error)
{
  g_autoptr(sqlite3_stmt) plan = NULL;
  g_autoptr(sqlite3_stmt) spent = NULL;
  gboolean ok = TRUE;

  plan = mops_db_prepare (db,
                          "SELECT ifnull (sum (planned), 0) FROM budget_lines"
                          " WHERE fiscal_year_id = ?1 AND team_id = ?2 AND (?3 IS NULL OR month = ?3)",
                          error);
  spent = plan == NULL ? NULL
          : mops_db_prepare (db,
                             "SELECT (SELECT ifnull (sum (base_amount), 0) FROM expenses"
                             "        WHERE team_id = ?1 AND date >= ?2 AND date < ?3)"
                             "     + (SELECT ifnull (sum (amount), 0) FROM spend_requests r"
                             "        WHERE r.team_id = ?1 AND r.status = 'approved' AND r.currency = ?4"
                             "          AND r.needed_by >= ?2 AND r.needed_by < ?3"
                             "          AND NOT EXISTS (SELECT 1 FROM expenses e WHERE e.request_id = r.id))",
                             error);
  if (spent == NULL)
    return FALSE;

  sqlite3_bind_int64 (plan, 1, year->id);
  sqlite3_bind_int64 (plan, 2, team->team_id);
  mops_db_bind_text_or_null (plan, 3, month);
  team->planned = query_sum (db, plan, &ok);

  sqlite3_bind_int64 (spent, 1, team->team_id);
  sqlite3_bind_text (spent, 2, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (spent, 3, end, -1, SQLITE_STATIC);
  sqlite3_bind_text (spent, 4, year->currency, -1, SQLITE_STATIC);
  team->spent = query_sum (db, spent, &ok);
  if (!ok)
    return mops_db_set_error (db, error, _("Could not read the budget"));

  team->over_plan = team->spent + team->amount > team->planned;
  return TRUE;
}

/* First and last-plus-one day of the destination: the month, or the whole year. */
static void
destination_range (const MopsBudgetImpact  *impact,
                   const Year              *year,
                   char                   **out_start,
                   char                   **out_end)
{
  GDate date;

  g_date_clear (&date, 1);
  if (impact->changes_year)
    mops_clock_parse_date (year->starts_on, &date);
  else
    {
      g_autofree char *first = g_strconcat (impact->to_month, "-01", NULL);

      mops_clock_parse_date (first, &date);
    }
  *out_start = mops_clock_format_date (&date);
  g_date_add_months (&date, impact->changes_year ? 12 : 1);
  *out_end = mops_clock_format_date (&date);
}

static MopsBudgetImpact *
budget_impact_in_db (sqlite3     *db,
                     gint64       id,
                     const char  *publish_at,
                     GError     **error)
{
  g_autoptr(MopsBudgetImpact) impact = g_new0 (MopsBudgetImpact, 1);
  g_autoptr(MopsContentItem) item = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(Year) from = { 0 };
  g_auto(Year) to = { 0 };
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  int rc;

  if (publish_at == NULL)
    {
      g_set_error_literal (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                           _("A move needs the date it moves to"));
      return NULL;
    }
  if (!mops_domain_check_wall_time (publish_at, error))
    return NULL;
  item = mops_content_items_load_in_db (db, id, error);
  if (item == NULL || !find_year (db, item->publish_at, &from, error) || !find_year (db, publish_at, &to, error))
    return NULL;

  impact->item_id = id;
  impact->campaign_id = item->campaign_id;
  impact->teams = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_team_free);
  impact->from_month = item->publish_at != NULL ? g_strndup (item->publish_at, 7) : NULL;
  impact->to_month = g_strndup (publish_at, 7);
  impact->from_year = g_strdup (from.name);
  impact->to_year = g_strdup (to.name);
  impact->currency = g_strdup (to.currency);
  impact->changes_month = g_strcmp0 (impact->from_month, impact->to_month) != 0;
  impact->changes_year = from.id != to.id;

  if (item->campaign_id <= 0 || !impact->changes_month || to.id == 0)
    return g_steal_pointer (&impact);

  stmt = mops_db_prepare (db,
                          "SELECT r.team_id, t.name, sum (r.amount) FROM spend_requests r"
                          " JOIN teams t ON t.id = r.team_id"
                          " WHERE r.campaign_id = ?1 AND r.status IN ('pending', 'approved')"
                          "   AND r.currency = ?3"
                          "   AND NOT EXISTS (SELECT 1 FROM expenses e WHERE e.request_id = r.id)"
                          "   AND (r.needed_by IS NULL OR substr (r.needed_by, 1, 7) = ?2)"
                          " GROUP BY r.team_id ORDER BY t.name, r.team_id",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item->campaign_id);
  mops_db_bind_text_or_null (stmt, 2, impact->from_month);
  sqlite3_bind_text (stmt, 3, to.currency, -1, SQLITE_STATIC);

  destination_range (impact, &to, &start, &end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MopsBudgetImpactTeam *team = g_new0 (MopsBudgetImpactTeam, 1);

      team->team_id = sqlite3_column_int64 (stmt, 0);
      team->team = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      team->amount = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (impact->teams, team);
      impact->amount += team->amount;
      if (!measure_team (db, &to, impact->changes_year ? NULL : impact->to_month, start, end, team, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the budget"));
      return NULL;
    }
  return g_steal_pointer (&impact);
}

MopsBudgetImpact *
mops_calendar_budget_impact (MopsLibrary  *library,
                             gint64        id,
                             const char   *publish_at,
                             GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return budget_impact_in_db (mops_library_get_db (library), id, publish_at, error);
}

typedef struct
{
  gint64  id;
  char   *publish_at;
} ImpactJob;

static void
impact_job_free (ImpactJob *job)
{
  g_free (job->publish_at);
  g_free (job);
}

static gpointer
impact_job (MopsLibrary   *library,
            sqlite3       *db,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  ImpactJob *job = job_data;

  return budget_impact_in_db (db, job->id, job->publish_at, error);
}

void
mops_calendar_budget_impact_async (MopsLibrary          *library,
                                   gint64                id,
                                   const char           *publish_at,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  ImpactJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = g_new0 (ImpactJob, 1);
  job->id = id;
  job->publish_at = g_strdup (publish_at);
  mops_library_run_job (library, mops_calendar_budget_impact_async, impact_job, job,
                        (GDestroyNotify) impact_job_free, (GDestroyNotify) mops_budget_impact_free,
                        cancellable, callback, user_data);
}

MopsBudgetImpact *
mops_calendar_budget_impact_finish (MopsLibrary   *library,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return mops_library_job_finish (library, result, mops_calendar_budget_impact_async, error);
}

/* ---- Before a move ----------------------------------------------------------------------- */

void
mops_move_check_free (MopsMoveCheck *check)
{
  if (check == NULL)
    return;

  g_clear_pointer (&check->licence_problems, g_ptr_array_unref);
  g_clear_pointer (&check->channel_problems, g_ptr_array_unref);
  g_clear_pointer (&check->budget, mops_budget_impact_free);
  g_free (check);
}

static MopsMoveCheck *
check_move_in_db (sqlite3     *db,
                  gint64       id,
                  const char  *publish_at,
                  GError     **error)
{
  g_autoptr(MopsMoveCheck) check = g_new0 (MopsMoveCheck, 1);
  g_autoptr(MopsContentItem) item = NULL;
  GDate date;

  /* the budget first: it checks the time and the item */
  check->budget = budget_impact_in_db (db, id, publish_at, error);
  if (check->budget == NULL)
    return NULL;
  item = mops_content_items_load_in_db (db, id, error);
  if (item == NULL)
    return NULL;

  g_date_clear (&date, 1);
  day_of (publish_at, &date);
  check->licence_problems = mops_licences_check_content_item_in_db (db, id, &date, error);
  if (check->licence_problems == NULL)
    return NULL;
  check->channel_problems = check_channel_fit_in_db (db, item, error);
  if (check->channel_problems == NULL)
    return NULL;
  return g_steal_pointer (&check);
}

MopsMoveCheck *
mops_calendar_check_move (MopsLibrary  *library,
                          gint64        id,
                          const char   *publish_at,
                          GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return check_move_in_db (mops_library_get_db (library), id, publish_at, error);
}

static gpointer
move_job (MopsLibrary   *library,
          sqlite3       *db,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  ImpactJob *job = job_data;

  return check_move_in_db (db, job->id, job->publish_at, error);
}

void
mops_calendar_check_move_async (MopsLibrary          *library,
                                gint64                id,
                                const char           *publish_at,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  ImpactJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = g_new0 (ImpactJob, 1);
  job->id = id;
  job->publish_at = g_strdup (publish_at);
  mops_library_run_job (library, mops_calendar_check_move_async, move_job, job,
                        (GDestroyNotify) impact_job_free, (GDestroyNotify) mops_move_check_free,
                        cancellable, callback, user_data);
}

MopsMoveCheck *
mops_calendar_check_move_finish (MopsLibrary   *library,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return mops_library_job_finish (library, result, mops_calendar_check_move_async, error);
}
