/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licence-status.c — derived licence status, the licences listing, the calendar check */

#include "config.h"

#define G_LOG_DOMAIN "mops-licences"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mops-clock.h"
#include "mops-csv-writer.h"
#include "mops-db-private.h"
#include "mops-enum-names-private.h"
#include "mops-enums.h"
#include "mops-error.h"
#include "mops-library-private.h"
#include "mops-licences-private.h"
#include "mops-money.h"

/* What the status rules need of one licence, with its dates as day numbers. Strings live in
 * the SpanSet's chunk: the bulk listing reads every licence of the library. */
typedef struct
{
  gint64           id;
  gint32           starts;       /* MOPS_DAY_OPEN_START when open */
  gint32           expires;      /* MOPS_DAY_OPEN_END when perpetual */
  const char      *licensor;
  const char      *starts_on;
  const char      *expires_on;
  const char      *territories;  /* "DE,FR", sorted; NULL when worldwide */
  MopsLicenceKind  kind;
  guint            media;
  gboolean         worldwide;
  gboolean         confirmed;
} Span;

typedef struct
{
  GArray       *spans;           /* Span; ascending id when loaded by load_all_spans() */
  GStringChunk *strings;
} SpanSet;

static SpanSet *
span_set_new (guint reserve)
{
  SpanSet *set = g_new0 (SpanSet, 1);

  set->spans = g_array_sized_new (FALSE, TRUE, sizeof (Span), reserve);
  set->strings = g_string_chunk_new (64 * 1024);
  return set;
}

static void
span_set_free (SpanSet *set)
{
  g_array_unref (set->spans);
  g_string_chunk_free (set->strings);
  g_free (set);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanSet, span_set_free)

static const char *
chunk_column (SpanSet      *set,
              sqlite3_stmt *stmt,
              int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert (set->strings, text) : NULL;
}

/* Exact names as the schema stores them: no folding needed in the hot loop. */
static MopsLicenceKind
kind_from_column (const char *text)
{
  for (MopsLicenceKind kind = MOPS_LICENCE_KIND_OWNED; kind <= MOPS_LICENCE_KIND_OTHER; kind++)
    if (g_strcmp0 (text, mops_licence_kind_to_name (kind)) == 0)
      return kind;

  return MOPS_LICENCE_KIND_OTHER;
}

static guint
medium_from_text (const char *text,
                  gsize       len)
{
  for (guint bit = 0; bit < 6; bit++)
    {
      const char *name = mops_medium_to_name ((MopsMedium) (1u << bit));

      if (strlen (name) == len && strncmp (text, name, len) == 0)
        return 1u << bit;
    }

  return 0;
}

/* "web,print" → bits. */
static guint
parse_joined_media (const char *joined)
{
  guint media = 0;

  while (joined != NULL && *joined != '\0')
    {
      const char *comma = strchr (joined, ',');
      gsize len = comma != NULL ? (gsize) (comma - joined) : strlen (joined);

      media |= medium_from_text (joined, len);
      joined = comma != NULL ? comma + 1 : NULL;
    }

  return media;
}

/* Columns 0–6 of both span queries: id, licensor, kind, starts_on, expires_on, confirmed,
 * worldwide. */
static Span *
append_span (SpanSet      *set,
             sqlite3_stmt *stmt)
{
  Span *span;

  g_array_set_size (set->spans, set->spans->len + 1);
  span = &g_array_index (set->spans, Span, set->spans->len - 1);

  span->id = sqlite3_column_int64 (stmt, 0);
  /* Interned: a library has thousands of licences from a handful of licensors. */
  span->licensor = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? NULL
    : g_string_chunk_insert_const (set->strings, (const char *) sqlite3_column_text (stmt, 1));
  span->kind = kind_from_column ((const char *) sqlite3_column_text (stmt, 2));
  span->starts_on = chunk_column (set, stmt, 3);
  span->expires_on = chunk_column (set, stmt, 4);
  span->confirmed = sqlite3_column_int (stmt, 5) != 0;
  span->worldwide = sqlite3_column_int (stmt, 6) != 0;
  span->starts = mops_licence_day_from_text (span->starts_on, MOPS_DAY_OPEN_START);
  span->expires = mops_licence_day_from_text (span->expires_on, MOPS_DAY_OPEN_END);

  /* The schema checks dates; a day that still does not parse counts as an open end rather
   * than inventing a status. */
  if (span->starts == MOPS_DAY_INVALID)
    span->starts = MOPS_DAY_OPEN_START;
  if (span->expires == MOPS_DAY_INVALID)
    span->expires = MOPS_DAY_OPEN_END;

  return span;
}

/* The licences of one asset (few rows): media and territories joined in the same query. */
static const char asset_spans_sql[] =
  "SELECT l.id, l.licensor, l.kind, l.starts_on, l.expires_on, l.confirmed, l.worldwide,"
  " (SELECT group_concat(medium) FROM licence_media WHERE licence_id = l.id),"
  " (SELECT group_concat(territory) FROM (SELECT territory FROM licence_territories"
  "   WHERE licence_id = l.id ORDER BY territory))"
  " FROM licence_assets la JOIN licences l ON l.id = la.licence_id"
  " WHERE la.asset_id = ?1";

static SpanSet *
load_asset_spans (sqlite3       *db,
                  sqlite3_stmt  *stmt,
                  gint64         asset_id,
                  GError       **error)
{
  g_autoptr(SpanSet) set = span_set_new (0);
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, asset_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Span *span = append_span (set, stmt);

      span->media = parse_joined_media ((const char *) sqlite3_column_text (stmt, 7));
      if (!span->worldwide)
        span->territories = chunk_column (set, stmt, 8);
    }

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the licences"));
      return NULL;
    }

  return g_steal_pointer (&set);
}

/* Pointers to every span of @set, for judge(). */
static GPtrArray *
span_pointers (SpanSet *set)
{
  GPtrArray *pointers = g_ptr_array_sized_new (set->spans->len);

  for (guint i = 0; i < set->spans->len; i++)
    g_ptr_array_add (pointers, &g_array_index (set->spans, Span, i));

  return pointers;
}

/* The span with licence id @id in a set sorted by id, or NULL. */
static const Span *
find_span (SpanSet *set,
           gint64   id)
{
  const Span *spans = (const Span *) (gpointer) set->spans->data;
  guint lo = 0, hi = set->spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (spans[mid].id < id)
        lo = mid + 1;
      else if (spans[mid].id > id)
        hi = mid;
      else
        return &spans[mid];
    }

  return NULL;
}

static gboolean
step_failed (sqlite3  *db,
             int       rc,
             GError  **error)
{
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return FALSE;

  mops_db_set_error (db, error, _("Could not read the licences"));
  return TRUE;
}

/* Every licence of the library, sorted by id, with media and territories: three scans in
 * primary-key order merged here, much cheaper than a subquery per licence. */
static SpanSet *
load_all_spans (sqlite3  *db,
                GError  **error)
{
  g_autoptr(SpanSet) set = NULL;
  g_autoptr(sqlite3_stmt) licences = NULL;
  g_autoptr(sqlite3_stmt) media = NULL;
  g_autoptr(sqlite3_stmt) territories = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);
  Span *spans;
  Span *collecting = NULL;
  gint64 n_licences;
  guint at = 0;
  int rc;

  /* Sized once: growing a 100,000-element array by doubling costs more than this query. */
  n_licences = mops_db_query_int (db, "SELECT count(*) FROM licences", error);
  if (n_licences < 0)
    return NULL;
  set = span_set_new ((guint) MIN (n_licences, G_MAXUINT / 2));

  licences = mops_db_prepare (db,
                              "SELECT id, licensor, kind, starts_on, expires_on, confirmed, worldwide"
                              " FROM licences ORDER BY id",
                              error);
  media = licences == NULL ? NULL
    : mops_db_prepare (db, "SELECT licence_id, medium FROM licence_media ORDER BY licence_id", error);
  territories = media == NULL ? NULL
    : mops_db_prepare (db,
                       "SELECT licence_id, territory FROM licence_territories"
                       " ORDER BY licence_id, territory",
                       error);
  if (territories == NULL)
    return NULL;

  while ((rc = sqlite3_step (licences)) == SQLITE_ROW)
    append_span (set, licences);
  if (step_failed (db, rc, error))
    return NULL;

  spans = (Span *) (gpointer) set->spans->data;

  while ((rc = sqlite3_step (media)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (media, 0);
      const char *medium = (const char *) sqlite3_column_text (media, 1);

      while (at < set->spans->len && spans[at].id < id)
        at++;
      if (at < set->spans->len && spans[at].id == id && medium != NULL)
        spans[at].media |= medium_from_text (medium, strlen (medium));
    }
  if (step_failed (db, rc, error))
    return NULL;

  at = 0;
  while ((rc = sqlite3_step (territories)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (territories, 0);

      while (at < set->spans->len && spans[at].id < id)
        at++;
      if (at >= set->spans->len || spans[at].id != id || spans[at].worldwide)
        continue;

      if (&spans[at] != collecting)
        {
          if (collecting != NULL)
            collecting->territories = g_string_chunk_insert (set->strings, codes->str);
          collecting = &spans[at];
          g_string_truncate (codes, 0);
        }
      if (codes->len > 0)
        g_string_append_c (codes, ',');
      g_string_append (codes, (const char *) sqlite3_column_text (territories, 1));
    }
  if (step_failed (db, rc, error))
    return NULL;
  if (collecting != NULL)
    collecting->territories = g_string_chunk_insert (set->strings, codes->str);

  return g_steal_pointer (&set);
}

static gboolean
span_covers (const Span *span,
             gint32      day)
{
  return span->starts <= day && day <= span->expires;
}

/* The outcome of the status rules for one asset on one day. */
typedef struct
{
  MopsLicenceStatus  status;
  const Span        *shown;          /* the licence the row describes; NULL when missing */
  const Span        *chain_end;      /* its expires_on is covered_until; NULL = perpetual */
  gboolean           has_days_left;
  gint64             days_left;
} Verdict;

/* The end of the unbroken chain from @current: a licence starting by the day after the
 * covered end (a renewal, or an overlapping one) and ending later extends it. Returns the
 * licence whose expiry ends the chain; its expires is MOPS_DAY_OPEN_END when perpetual. */
static const Span *
follow_chain (const Span * const *spans,
              guint               n_spans,
              const Span         *current)
{
  const Span *end = current;
  gboolean extended = TRUE;

  while (extended && end->expires != MOPS_DAY_OPEN_END)
    {
      extended = FALSE;
      for (guint i = 0; i < n_spans && end->expires != MOPS_DAY_OPEN_END; i++)
        {
          const Span *span = spans[i];

          if ((gint64) span->starts <= (gint64) end->expires + 1 && span->expires > end->expires)
            {
              end = span;
              extended = TRUE;
            }
        }
    }

  return end;
}

/* Design §12 "Licence status, exactly", for the licences @spans of one asset on @day. */
static void
judge (const Span * const *spans,
       guint               n_spans,
       gint32              day,
       int                 within,
       Verdict            *out)
{
  const Span *current = NULL;
  const Span *next = NULL;
  const Span *last = NULL;

  memset (out, 0, sizeof *out);

  for (guint i = 0; i < n_spans; i++)
    {
      const Span *span = spans[i];

      if (span_covers (span, day))
        {
          /* Latest expiry wins (perpetual latest); a tie goes to the higher id. */
          if (current == NULL || span->expires > current->expires
              || (span->expires == current->expires && span->id > current->id))
            current = span;
        }
      else if (span->starts > day)
        {
          /* Pending: the one starting soonest, then the longest, then the higher id. */
          if (next == NULL || span->starts < next->starts
              || (span->starts == next->starts
                  && (span->expires > next->expires
                      || (span->expires == next->expires && span->id > next->id))))
            next = span;
        }
      else
        {
          /* Ended before @day: the one that ended last, then the higher id. */
          if (last == NULL || span->expires > last->expires
              || (span->expires == last->expires && span->id > last->id))
            last = span;
        }
    }

  if (current != NULL)
    {
      const Span *end = follow_chain (spans, n_spans, current);

      out->shown = current;
      if (end->expires == MOPS_DAY_OPEN_END)
        out->status = MOPS_LICENCE_STATUS_ACTIVE;
      else
        {
          out->chain_end = end;
          out->has_days_left = TRUE;
          out->days_left = (gint64) end->expires - day;
          out->status = out->days_left <= within ? MOPS_LICENCE_STATUS_EXPIRING
                                                 : MOPS_LICENCE_STATUS_ACTIVE;
        }
    }
  else if (next != NULL)
    {
      out->shown = next;
      out->status = MOPS_LICENCE_STATUS_PENDING;
    }
  else if (last != NULL)
    {
      out->shown = last;
      out->status = MOPS_LICENCE_STATUS_EXPIRED;
      out->has_days_left = TRUE;
      out->days_left = (gint64) last->expires - day;
    }
  else
    out->status = MOPS_LICENCE_STATUS_MISSING;
}

/* TRUE when some licence covering @day allows @medium (one naming no media allows all). */
static gboolean
medium_covered (const Span * const *spans,
                guint               n_spans,
                gint32              day,
                guint               medium)
{
  for (guint i = 0; i < n_spans; i++)
    if (span_covers (spans[i], day) && (spans[i]->media == 0 || (spans[i]->media & medium) != 0))
      return TRUE;

  return FALSE;
}

static gint32
resolve_day (const GDate *date)
{
  g_autoptr(GDate) today = NULL;

  if (date != NULL)
    return mops_licence_day_from_date (date);

  today = mops_clock_today ();
  return mops_licence_day_from_date (today);
}

/* ---- A licence on its own ---------------------------------------------------------------- */

MopsLicenceStatus
mops_licence_get_status (const MopsLicence *licence,
                         const GDate       *date,
                         int                within,
                         gboolean          *out_has_days_left,
                         gint64            *out_days_left)
{
  gint32 day, starts, expires;
  MopsLicenceStatus status;

  g_return_val_if_fail (licence != NULL, MOPS_LICENCE_STATUS_NONE);

  day = resolve_day (date);
  if (within < 0)
    within = MOPS_DEFAULT_EXPIRY_WARNING_DAYS;

  starts = mops_licence_day_from_text (licence->starts_on, MOPS_DAY_OPEN_START);
  expires = mops_licence_day_from_text (licence->expires_on, MOPS_DAY_OPEN_END);
  if (starts == MOPS_DAY_INVALID)
    starts = MOPS_DAY_OPEN_START;
  if (expires == MOPS_DAY_INVALID)
    expires = MOPS_DAY_OPEN_END;

  if (day < starts)
    status = MOPS_LICENCE_STATUS_PENDING;
  else if (day > expires)
    status = MOPS_LICENCE_STATUS_EXPIRED;
  else if (expires != MOPS_DAY_OPEN_END && (gint64) expires - day <= within)
    status = MOPS_LICENCE_STATUS_EXPIRING;
  else
    status = MOPS_LICENCE_STATUS_ACTIVE;

  if (out_has_days_left != NULL)
    *out_has_days_left = expires != MOPS_DAY_OPEN_END;
  if (out_days_left != NULL)
    *out_days_left = expires != MOPS_DAY_OPEN_END ? (gint64) expires - day : 0;

  return status;
}

/* ---- Rows -------------------------------------------------------------------------------- */

void
mops_licence_row_clear (MopsLicenceRow *row)
{
  if (row == NULL)
    return;

  g_clear_pointer (&row->licensor, g_free);
  g_clear_pointer (&row->starts_on, g_free);
  g_clear_pointer (&row->expires_on, g_free);
  g_clear_pointer (&row->covered_until, g_free);
  g_clear_pointer (&row->territories, g_strfreev);
  memset (row, 0, sizeof *row);
}

void
mops_licence_row_free (MopsLicenceRow *row)
{
  if (row == NULL)
    return;

  mops_licence_row_clear (row);
  g_free (row);
}

static void
fill_row (MopsLicenceRow *row,
          gint64          asset_id,
          const Verdict  *verdict)
{
  const Span *shown = verdict->shown;

  memset (row, 0, sizeof *row);
  row->asset_id = asset_id;
  row->status = verdict->status;
  row->worldwide = TRUE;

  if (shown == NULL)
    return;

  row->licence_id = shown->id;
  row->licensor = g_strdup (shown->licensor);
  row->kind = shown->kind;
  row->starts_on = g_strdup (shown->starts_on);
  row->expires_on = g_strdup (shown->expires_on);
  row->covered_until = verdict->chain_end != NULL ? g_strdup (verdict->chain_end->expires_on) : NULL;
  row->has_days_left = verdict->has_days_left;
  row->days_left = verdict->days_left;
  row->media = shown->media;
  row->worldwide = shown->worldwide || shown->territories == NULL;
  row->territories = row->worldwide ? NULL : g_strsplit (shown->territories, ",", -1);
  row->to_confirm = !shown->confirmed;
}

/* Called with each asset's verdict, in asset id order. */
typedef void (*AssetVerdictFunc) (gint64         asset_id,
                                  const Verdict *verdict,
                                  gpointer       user_data);

/* Judges every asset that has or needs a licence — not records (they never need one), not
 * trashed assets (no status) — from five scans in index order merged here: no query per
 * asset or per licence. */
static gboolean
judge_all_assets (sqlite3           *db,
                  gint32             day,
                  int                within,
                  AssetVerdictFunc   func,
                  gpointer           user_data,
                  GError           **error)
{
  g_autoptr(SpanSet) set = NULL;
  g_autoptr(sqlite3_stmt) assets = NULL;
  g_autoptr(sqlite3_stmt) links = NULL;
  g_autoptr(GPtrArray) current = g_ptr_array_new ();
  Verdict verdict;
  int rc, link_rc;

  set = load_all_spans (db, error);
  if (set == NULL)
    return FALSE;

  assets = mops_db_prepare (db,
                            "SELECT id FROM assets WHERE role = 'asset' AND trashed_at IS NULL"
                            " ORDER BY id",
                            error);
  links = assets == NULL ? NULL
    : mops_db_prepare (db, "SELECT asset_id, licence_id FROM licence_assets ORDER BY asset_id", error);
  if (links == NULL)
    return FALSE;

  link_rc = sqlite3_step (links);
  while ((rc = sqlite3_step (assets)) == SQLITE_ROW)
    {
      gint64 asset_id = sqlite3_column_int64 (assets, 0);

      g_ptr_array_set_size (current, 0);
      while (link_rc == SQLITE_ROW && sqlite3_column_int64 (links, 0) < asset_id)
        link_rc = sqlite3_step (links);
      while (link_rc == SQLITE_ROW && sqlite3_column_int64 (links, 0) == asset_id)
        {
          const Span *span = find_span (set, sqlite3_column_int64 (links, 1));

          if (span != NULL)
            g_ptr_array_add (current, (gpointer) span);
          link_rc = sqlite3_step (links);
        }
      if (step_failed (db, link_rc, error))
        return FALSE;

      judge ((const Span * const *) current->pdata, current->len, day, within, &verdict);
      func (asset_id, &verdict, user_data);
    }

  return !step_failed (db, rc, error);
}

/* A row and its sort key: the shown licence's expiry day (none sorts last). */
typedef struct
{
  gint32          expires;
  MopsLicenceRow *row;
} SortItem;

typedef struct
{
  GArray            *items;   /* SortItem */
  MopsLicenceStatus  filter;
} CollectRows;

static void
collect_row (gint64         asset_id,
             const Verdict *verdict,
             gpointer       user_data)
{
  CollectRows *collect = user_data;
  SortItem item;

  if (collect->filter != MOPS_LICENCE_STATUS_NONE && verdict->status != collect->filter)
    return;

  item.expires = verdict->shown != NULL ? verdict->shown->expires : MOPS_DAY_OPEN_END;
  item.row = g_new (MopsLicenceRow, 1);
  fill_row (item.row, asset_id, verdict);
  g_array_append_val (collect->items, item);
}

/* expires_on ascending with NULL last, then asset id. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SortItem *ia = a;
  const SortItem *ib = b;

  if (ia->expires != ib->expires)
    return ia->expires < ib->expires ? -1 : 1;

  return ia->row->asset_id < ib->row->asset_id ? -1 : ia->row->asset_id > ib->row->asset_id;
}

GPtrArray *
mops_licences_list_rows_in_db (sqlite3            *db,
                               const GDate        *date,
                               int                 within,
                               MopsLicenceStatus   filter_status,
                               GError            **error)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  CollectRows collect = { items, filter_status };
  GPtrArray *rows;

  g_return_val_if_fail (db != NULL, NULL);

  if (within < 0)
    within = mops_licences_read_warning_days (db);

  if (!judge_all_assets (db, resolve_day (date), within, collect_row, &collect, error))
    {
      for (guint i = 0; i < items->len; i++)
        mops_licence_row_free (g_array_index (items, SortItem, i).row);
      return NULL;
    }

  g_array_sort (items, compare_items);

  rows = g_ptr_array_new_full (items->len, (GDestroyNotify) mops_licence_row_free);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (rows, g_array_index (items, SortItem, i).row);

  return rows;
}

GPtrArray *
mops_licences_list_rows (MopsLibrary        *library,
                         const GDate        *date,
                         int                 within,
                         MopsLicenceStatus   filter_status,
                         GError            **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  if (within < 0)
    within = mops_library_get_expiry_warning_days (library);

  return mops_licences_list_rows_in_db (mops_library_get_db (library), date, within,
                                        filter_status, error);
}

typedef struct
{
  int                within;
  MopsLicenceStatus  filter_status;
  guint              status_mask;
} RowsJob;

static gpointer
list_rows_job (MopsLibrary   *library,
               sqlite3       *db,
               gpointer       job_data,
               GCancellable  *cancellable,
               GError       **error)
{
  RowsJob *job = job_data;

  return mops_licences_list_rows_in_db (db, NULL, job->within, job->filter_status, error);
}

void
mops_licences_list_rows_async (MopsLibrary         *library,
                               int                  within,
                               MopsLicenceStatus    filter_status,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  RowsJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = g_new0 (RowsJob, 1);
  job->within = within;
  job->filter_status = filter_status;
  mops_library_run_job (library, mops_licences_list_rows_async, list_rows_job, job, g_free,
                        (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
mops_licences_list_rows_finish (MopsLibrary   *library,
                                GAsyncResult  *result,
                                GError       **error)
{
  return mops_library_job_finish (library, result, mops_licences_list_rows_async, error);
}

static gpointer
list_attention_job (MopsLibrary   *library,
                    sqlite3       *db,
                    gpointer       job_data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GPtrArray) rows = mops_licences_list_rows_in_db (db, NULL, -1, MOPS_LICENCE_STATUS_NONE, error);
  GHashTable *attention;

  if (rows == NULL)
    return NULL;

  attention = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const MopsLicenceRow *row = g_ptr_array_index (rows, i);
      guint value = row->status;

      if (row->status == MOPS_LICENCE_STATUS_NONE)
        continue;
      if (row->to_confirm)
        value |= MOPS_LICENCE_ATTENTION_TO_CONFIRM;
      if (row->status != MOPS_LICENCE_STATUS_ACTIVE || row->to_confirm)
        g_hash_table_insert (attention, g_memdup2 (&row->asset_id, sizeof row->asset_id), GUINT_TO_POINTER (value));
    }

  return attention;
}

void
mops_licences_list_attention_async (MopsLibrary         *library,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_licences_list_attention_async, list_attention_job, NULL, NULL,
                        (GDestroyNotify) g_hash_table_unref, cancellable, callback, user_data);
}

GHashTable *
mops_licences_list_attention_finish (MopsLibrary   *library,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return mops_library_job_finish (library, result, mops_licences_list_attention_async, error);
}

GArray *
mops_licences_assets_with_status (MopsLibrary  *library,
                                  guint         status_mask,
                                  const GDate  *date,
                                  int           within,
                                  GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_licences_assets_with_status_in_db (mops_library_get_db (library), status_mask, date,
                                                 within, error);
}

static gpointer
assets_with_status_job (MopsLibrary   *library,
                        sqlite3       *db,
                        gpointer       job_data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  RowsJob *job = job_data;

  return mops_licences_assets_with_status_in_db (db, job->status_mask, NULL, job->within, error);
}

void
mops_licences_assets_with_status_async (MopsLibrary         *library,
                                        guint                status_mask,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  RowsJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = g_new0 (RowsJob, 1);
  job->within = -1;
  job->status_mask = status_mask;
  mops_library_run_job (library, mops_licences_assets_with_status_async, assets_with_status_job, job,
                        g_free, (GDestroyNotify) g_array_unref, cancellable, callback, user_data);
}

GArray *
mops_licences_assets_with_status_finish (MopsLibrary   *library,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return mops_library_job_finish (library, result, mops_licences_assets_with_status_async, error);
}

typedef struct
{
  GArray *ids;
  guint   mask;
} CollectIds;

static void
collect_id (gint64         asset_id,
            const Verdict *verdict,
            gpointer       user_data)
{
  CollectIds *collect = user_data;

  if (collect->mask & (1u << verdict->status))
    g_array_append_val (collect->ids, asset_id);
}

GArray *
mops_licences_assets_with_status_in_db (sqlite3      *db,
                                        guint         status_mask,
                                        const GDate  *date,
                                        int           within,
                                        GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CollectIds collect = { ids, status_mask & ~(1u << MOPS_LICENCE_STATUS_NONE) };

  g_return_val_if_fail (db != NULL, NULL);

  if (within < 0)
    within = mops_licences_read_warning_days (db);

  if (!judge_all_assets (db, resolve_day (date), within, collect_id, &collect, error))
    return NULL;

  return g_steal_pointer (&ids);
}

gboolean
mops_licences_status_for_asset (MopsLibrary     *library,
                                gint64           asset_id,
                                const GDate     *date,
                                int              within,
                                MopsLicenceRow  *out_row,
                                GError         **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (out_row != NULL, FALSE);

  if (within < 0)
    within = mops_library_get_expiry_warning_days (library);

  return mops_licences_status_for_asset_in_db (mops_library_get_db (library), asset_id, date, within,
                                               out_row, error);
}

gboolean
mops_licences_status_for_asset_in_db (sqlite3         *db,
                                      gint64           asset_id,
                                      const GDate     *date,
                                      int              within,
                                      MopsLicenceRow  *out_row,
                                      GError         **error)
{
  g_autoptr(sqlite3_stmt) asset = NULL;
  g_autoptr(sqlite3_stmt) licences = NULL;
  g_autoptr(SpanSet) set = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  Verdict verdict;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (out_row != NULL, FALSE);

  memset (out_row, 0, sizeof *out_row);
  if (within < 0)
    within = mops_licences_read_warning_days (db);

  asset = mops_db_prepare (db,
                           "SELECT role = 'record' OR trashed_at IS NOT NULL FROM assets WHERE id = ?",
                           error);
  if (asset == NULL)
    return FALSE;

  sqlite3_bind_int64 (asset, 1, asset_id);
  rc = sqlite3_step (asset);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
                   _("There is no asset with id %lld"), (long long) asset_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return mops_db_set_error (db, error, _("Could not read the library"));

  if (sqlite3_column_int (asset, 0) != 0)
    {
      out_row->asset_id = asset_id;
      out_row->status = MOPS_LICENCE_STATUS_NONE;
      out_row->worldwide = TRUE;
      return TRUE;
    }

  licences = mops_db_prepare (db, asset_spans_sql, error);
  if (licences == NULL)
    return FALSE;

  set = load_asset_spans (db, licences, asset_id, error);
  if (set == NULL)
    return FALSE;

  spans = span_pointers (set);
  judge ((const Span * const *) spans->pdata, spans->len, resolve_day (date), within, &verdict);
  fill_row (out_row, asset_id, &verdict);
  return TRUE;
}

/* ---- JSON and CSV ------------------------------------------------------------------------ */

static const char * const row_keys[] = {
  "asset_id", "licence_id", "licensor", "kind", "starts_on", "expires_on", "covered_until",
  "days_left", "channels", "territories", "status", "to_confirm",
};

const char * const *
mops_licence_row_get_json_keys (guint *out_n_keys)
{
  if (out_n_keys != NULL)
    *out_n_keys = G_N_ELEMENTS (row_keys);
  return row_keys;
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *key,
                    const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
build_row (JsonBuilder          *builder,
           const MopsLicenceRow *row)
{
  gboolean has_licence = row->licence_id != 0;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "asset_id");
  json_builder_add_int_value (builder, row->asset_id);

  json_builder_set_member_name (builder, "licence_id");
  if (has_licence)
    json_builder_add_int_value (builder, row->licence_id);
  else
    json_builder_add_null_value (builder);

  add_string_or_null (builder, "licensor", row->licensor);
  add_string_or_null (builder, "kind", has_licence ? mops_licence_kind_to_name (row->kind) : NULL);
  add_string_or_null (builder, "starts_on", row->starts_on);
  add_string_or_null (builder, "expires_on", row->expires_on);
  add_string_or_null (builder, "covered_until", row->covered_until);

  json_builder_set_member_name (builder, "days_left");
  if (row->has_days_left)
    json_builder_add_int_value (builder, row->days_left);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "channels");
  if (has_licence)
    {
      json_builder_begin_array (builder);
      for (guint bit = 0; bit < 6; bit++)
        if (row->media & (1u << bit))
          json_builder_add_string_value (builder, mops_medium_to_name ((MopsMedium) (1u << bit)));
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "territories");
  if (has_licence)
    {
      json_builder_begin_array (builder);
      if (row->worldwide || row->territories == NULL)
        json_builder_add_string_value (builder, MOPS_TERRITORY_WORLDWIDE);
      else
        for (guint i = 0; row->territories[i] != NULL; i++)
          json_builder_add_string_value (builder, row->territories[i]);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);

  add_string_or_null (builder, "status", mops_licence_status_to_name (row->status));

  json_builder_set_member_name (builder, "to_confirm");
  json_builder_add_boolean_value (builder, row->to_confirm);

  json_builder_end_object (builder);
}

JsonNode *
mops_licence_row_to_json (const MopsLicenceRow *row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (row != NULL, NULL);

  build_row (builder, row);
  return json_builder_get_root (builder);
}

JsonNode *
mops_licence_rows_to_json (GPtrArray *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (rows != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    build_row (builder, g_ptr_array_index (rows, i));
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* Written straight from the rows, not through a JSON tree: a big library's export is twice
 * as fast this way. The cells follow build_row() exactly. */
static void
write_csv_cells (MopsCsvWriter        *writer,
                 const MopsLicenceRow *row)
{
  gboolean has_licence = row->licence_id != 0;
  g_autoptr(GString) list = g_string_new (NULL);

  mops_csv_writer_add_int (writer, row->asset_id);
  if (has_licence)
    mops_csv_writer_add_int (writer, row->licence_id);
  else
    mops_csv_writer_add_empty (writer);
  mops_csv_writer_add_text (writer, row->licensor);
  mops_csv_writer_add_text (writer, has_licence ? mops_licence_kind_to_name (row->kind) : NULL);
  mops_csv_writer_add_text (writer, row->starts_on);
  mops_csv_writer_add_text (writer, row->expires_on);
  mops_csv_writer_add_text (writer, row->covered_until);
  if (row->has_days_left)
    mops_csv_writer_add_int (writer, row->days_left);
  else
    mops_csv_writer_add_empty (writer);

  for (guint bit = 0; has_licence && bit < 6; bit++)
    if (row->media & (1u << bit))
      {
        if (list->len > 0)
          g_string_append_c (list, ';');
        g_string_append (list, mops_medium_to_name ((MopsMedium) (1u << bit)));
      }
  mops_csv_writer_add_text (writer, list->str);

  g_string_truncate (list, 0);
  if (has_licence && (row->worldwide || row->territories == NULL))
    g_string_append (list, MOPS_TERRITORY_WORLDWIDE);
  else if (has_licence)
    for (guint i = 0; row->territories[i] != NULL; i++)
      {
        if (i > 0)
          g_string_append_c (list, ';');
        g_string_append (list, row->territories[i]);
      }
  mops_csv_writer_add_text (writer, list->str);

  mops_csv_writer_add_text (writer, mops_licence_status_to_name (row->status));
  mops_csv_writer_add_text (writer, row->to_confirm ? "true" : "false");
}

static void
write_csv_row (MopsCsvWriter        *writer,
               const MopsLicenceRow *row)
{
  write_csv_cells (writer, row);
  mops_csv_writer_end_row (writer);
}

char *
mops_licence_rows_to_csv (GPtrArray *rows)
{
  MopsCsvWriter *writer;

  g_return_val_if_fail (rows != NULL, NULL);

  writer = mops_csv_writer_new ();
  mops_csv_writer_add_row (writer, row_keys, G_N_ELEMENTS (row_keys));
  for (guint i = 0; i < rows->len; i++)
    write_csv_row (writer, g_ptr_array_index (rows, i));

  return mops_csv_writer_free_to_text (writer, NULL);
}

/* What finance and legal need beside the CLI's columns, in this order. */
static const char * const table_extra_keys[] = {
  "asset_title", "file_name", "cost", "currency", "status_label", "days_left_label",
};

char *
mops_licence_table_to_csv (GPtrArray *table)
{
  MopsCsvWriter *writer;

  g_return_val_if_fail (table != NULL, NULL);

  writer = mops_csv_writer_new ();
  for (guint i = 0; i < G_N_ELEMENTS (row_keys); i++)
    mops_csv_writer_add_text (writer, row_keys[i]);
  for (guint i = 0; i < G_N_ELEMENTS (table_extra_keys); i++)
    mops_csv_writer_add_text (writer, table_extra_keys[i]);
  mops_csv_writer_end_row (writer);

  for (guint i = 0; i < table->len; i++)
    {
      const MopsLicenceTableRow *row = g_ptr_array_index (table, i);
      g_autofree char *cost = row->has_cost ? mops_money_to_decimal (row->cost, row->currency) : NULL;
      g_autofree char *days = row->row->has_days_left ? mops_clock_format_days_from_today (row->row->days_left)
                                                       : NULL;

      write_csv_cells (writer, row->row);
      mops_csv_writer_add_text (writer, row->asset_title);
      mops_csv_writer_add_text (writer, row->original_name);
      mops_csv_writer_add_text (writer, cost);
      mops_csv_writer_add_text (writer, row->has_cost ? row->currency : NULL);
      mops_csv_writer_add_text (writer, mops_licence_status_get_label (row->row->status));
      mops_csv_writer_add_text (writer, days);
      mops_csv_writer_end_row (writer);
    }

  return mops_csv_writer_free_to_text (writer, NULL);
}

/* ---- Calendar cross-check ---------------------------------------------------------------- */

const char *
mops_licence_problem_code_to_name (MopsLicenceProblemCode code)
{
  return mops_enum_to_name (MOPS_TYPE_LICENCE_PROBLEM_CODE, (int) code);
}

void
mops_licence_problem_free (MopsLicenceProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

/* The item's own day: publish_at's date, else the local day it was published; FALSE when it
 * has neither. */
static gboolean
item_date (sqlite3_stmt *item,
           GDate        *out_date)
{
  const char *publish_at = (const char *) sqlite3_column_text (item, 0);

  if (publish_at != NULL && strlen (publish_at) >= 10)
    {
      char day[11];

      memcpy (day, publish_at, 10);
      day[10] = '\0';
      if (mops_clock_parse_date (day, out_date))
        return TRUE;
    }

  if (sqlite3_column_type (item, 1) != SQLITE_NULL)
    {
      g_autoptr(GDateTime) published = g_date_time_new_from_unix_local (sqlite3_column_int64 (item, 1));

      if (published != NULL)
        {
          g_date_set_dmy (out_date, g_date_time_get_day_of_month (published),
                          g_date_time_get_month (published), g_date_time_get_year (published));
          return TRUE;
        }
    }

  return FALSE;
}

static MopsLicenceProblem *
new_problem (gint64                  asset_id,
             gint64                  licence_id,
             MopsLicenceProblemCode  code,
             char                   *message)
{
  MopsLicenceProblem *problem = g_new0 (MopsLicenceProblem, 1);

  problem->asset_id = asset_id;
  problem->licence_id = licence_id;
  problem->code = code;
  problem->message = message;
  return problem;
}

/* The problem of one asset on @day, or NULL when it may be used. */
static MopsLicenceProblem *
judge_asset_for_item (gint64         asset_id,
                      const char    *asset_name,
                      GPtrArray     *spans,    /* const Span * */
                      gint32         day,
                      const char    *day_text,
                      guint          medium,
                      const char    *channel_name)
{
  Verdict verdict;

  judge ((const Span * const *) spans->pdata, spans->len, day, 0, &verdict);

  switch (verdict.status)
    {
    case MOPS_LICENCE_STATUS_EXPIRED:
      return new_problem (asset_id, verdict.shown->id, MOPS_LICENCE_PROBLEM_EXPIRED,
                          g_strdup_printf (_("“%s” cannot be used on %s: its licence ended on %s"),
                                           asset_name, day_text, verdict.shown->expires_on));

    case MOPS_LICENCE_STATUS_PENDING:
      return new_problem (asset_id, verdict.shown->id, MOPS_LICENCE_PROBLEM_NOT_STARTED,
                          g_strdup_printf (_("“%s” cannot be used on %s: its licence only "
                                             "starts on %s"),
                                           asset_name, day_text, verdict.shown->starts_on));

    case MOPS_LICENCE_STATUS_MISSING:
      return new_problem (asset_id, 0, MOPS_LICENCE_PROBLEM_MISSING,
                          g_strdup_printf (_("“%s” has no licence for use on %s"),
                                           asset_name, day_text));

    case MOPS_LICENCE_STATUS_ACTIVE:
    case MOPS_LICENCE_STATUS_EXPIRING:
      if (medium == 0 || medium_covered ((const Span * const *) spans->pdata, spans->len, day, medium))
        return NULL;
      return new_problem (asset_id, verdict.shown->id, MOPS_LICENCE_PROBLEM_MEDIUM_NOT_COVERED,
                          /* Translators: asset name, medium ("Print"), channel name, date */
                          g_strdup_printf (_("The licence of “%s” does not cover the medium %s, "
                                             "used by channel “%s” on %s"),
                                           asset_name, mops_medium_get_label ((MopsMedium) medium),
                                           channel_name, day_text));

    case MOPS_LICENCE_STATUS_NONE:
    default:
      return NULL;
    }
}

GPtrArray *
mops_licences_check_content_item (MopsLibrary  *library,
                                  gint64        content_item_id,
                                  const GDate  *date,
                                  GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  return mops_licences_check_content_item_in_db (mops_library_get_db (library), content_item_id,
                                                 date, error);
}

GPtrArray *
mops_licences_check_content_item_in_db (sqlite3      *db,
                                        gint64        content_item_id,
                                        const GDate  *date,
                                        GError      **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(sqlite3_stmt) item = NULL;
  g_autoptr(sqlite3_stmt) assets = NULL;
  g_autoptr(sqlite3_stmt) licences = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *channel_name = NULL;
  MopsMedium medium = 0;
  GDate day_date;
  gint32 day;
  int rc;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_licence_problem_free);
  item = mops_db_prepare (db,
                          "SELECT i.publish_at, i.published_at, c.medium, c.name FROM content_items i"
                          " LEFT JOIN channels c ON c.id = i.channel_id WHERE i.id = ?",
                          error);
  if (item == NULL)
    return NULL;

  sqlite3_bind_int64 (item, 1, content_item_id);
  rc = sqlite3_step (item);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND,
                   _("There is no content item with id %lld"), (long long) content_item_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      mops_db_set_error (db, error, _("Could not read the calendar"));
      return NULL;
    }

  g_date_clear (&day_date, 1);
  if (date != NULL)
    day_date = *date;
  else if (!item_date (item, &day_date))
    return g_steal_pointer (&problems);  /* unscheduled: nothing to check */

  if (sqlite3_column_type (item, 2) != SQLITE_NULL)
    {
      mops_medium_from_name ((const char *) sqlite3_column_text (item, 2), &medium);
      channel_name = g_strdup ((const char *) sqlite3_column_text (item, 3));
    }

  day = mops_licence_day_from_date (&day_date);
  day_text = mops_clock_format_date (&day_date);

  assets = mops_db_prepare (db,
                            "SELECT a.id, coalesce(a.title, a.original_name) FROM content_assets ca"
                            " JOIN assets a ON a.id = ca.asset_id"
                            " WHERE ca.content_item_id = ? AND a.role = 'asset' AND a.trashed_at IS NULL"
                            " ORDER BY ca.position, a.id",
                            error);
  licences = assets == NULL ? NULL : mops_db_prepare (db, asset_spans_sql, error);
  if (licences == NULL)
    return NULL;

  sqlite3_bind_int64 (assets, 1, content_item_id);
  while ((rc = sqlite3_step (assets)) == SQLITE_ROW)
    {
      gint64 asset_id = sqlite3_column_int64 (assets, 0);
      const char *name = (const char *) sqlite3_column_text (assets, 1);
      g_autoptr(SpanSet) set = load_asset_spans (db, licences, asset_id, error);
      g_autoptr(GPtrArray) spans = NULL;
      MopsLicenceProblem *problem;

      if (set == NULL)
        return NULL;

      spans = span_pointers (set);

      problem = judge_asset_for_item (asset_id, name, spans, day, day_text, medium, channel_name);
      if (problem != NULL)
        g_ptr_array_add (problems, problem);
    }
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the calendar"));
      return NULL;
    }

  return g_steal_pointer (&problems);
}
