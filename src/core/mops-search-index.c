/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-search-index.c — the asset search held in memory */

#include "config.h"

#define G_LOG_DOMAIN "mops-search-index"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mops-db-private.h"
#include "mops-library-private.h"
#include "mops-search-index-private.h"
#include "mops-search-index.h"
#include "mops-search-private.h"
#include "mops-tags.h"

#define N_SORTS (MOPS_SEARCH_SORT_RATING + 1)

typedef struct
{
  gint64       id;
  char        *text;          /* folded search_text */
  char        *name;          /* coalesce(title, original_name): the name order's key */
  const char  *color_label;   /* interned */
  gint64       imported_at;
  gint64       created_at;    /* 0 = unknown */
  gint64       size;
  GArray      *tags;          /* gint64 tag ids, NULL when none */
  guint8       type;          /* MopsAssetType */
  gint8        rating;
  guint        trashed : 1;
  guint        record : 1;
} Row;

struct _MopsSearchIndex
{
  GPtrArray  *rows;                 /* Row, in no particular order */
  GHashTable *by_id;                /* id → Row */
  GPtrArray  *orders[N_SORTS];      /* rows sorted for each MopsSearchSort, built on demand */
  GHashTable *children;             /* tag id → GArray of child tag ids */
  GHashTable *tag_ids;              /* "parent-id/name" → tag id, to resolve paths */
};

static GPtrArray *order_for (MopsSearchIndex *self,
                             MopsSearchSort   sort);
static void       keep_orders_sorted (MopsSearchIndex *self,
                                      GHashTable      *removed,
                                      GPtrArray       *added);

static void
row_free (Row *row)
{
  g_free (row->text);
  g_free (row->name);
  g_clear_pointer (&row->tags, g_array_unref);
  g_free (row);
}

static void
invalidate_orders (MopsSearchIndex *self)
{
  for (guint i = 0; i < N_SORTS; i++)
    g_clear_pointer (&self->orders[i], g_ptr_array_unref);
}

void
mops_search_index_free (MopsSearchIndex *self)
{
  if (self == NULL)
    return;

  invalidate_orders (self);
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->children);
  g_hash_table_unref (self->tag_ids);
  g_free (self);
}

guint
mops_search_index_get_size (MopsSearchIndex *self)
{
  return self->rows->len;
}

static const char row_sql[] =
  "SELECT id, search_text, coalesce(title, original_name), " TYPE_CASE ("mime") ", rating,"
  " trashed_at IS NOT NULL, role = 'record', color_label, imported_at, ifnull(created_at, 0), size"
  " FROM assets";

static Row *
row_from_statement (sqlite3_stmt *stmt)
{
  Row *row = g_new0 (Row, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->text = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row->type = (guint8) mops_asset_type_from_name ((const char *) sqlite3_column_text (stmt, 3));
  row->rating = (gint8) sqlite3_column_int (stmt, 4);
  row->trashed = sqlite3_column_int (stmt, 5) != 0;
  row->record = sqlite3_column_int (stmt, 6) != 0;
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    row->color_label = g_intern_string ((const char *) sqlite3_column_text (stmt, 7));
  row->imported_at = sqlite3_column_int64 (stmt, 8);
  row->created_at = sqlite3_column_int64 (stmt, 9);
  row->size = sqlite3_column_int64 (stmt, 10);
  return row;
}

/* The tags of every asset, or with @ids only of those (one query either way). */
static gboolean
load_tags_of (MopsSearchIndex  *self,
              sqlite3          *db,
              const gint64     *ids,
              guint             n_ids,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = ids != NULL ? mops_db_ids_to_json (ids, n_ids) : NULL;
  int rc;

  stmt = mops_db_prepare (db, json != NULL
                              ? "SELECT asset_id, tag_id FROM asset_tags"
                                " WHERE asset_id IN (SELECT value FROM json_each (?)) ORDER BY asset_id"
                              : "SELECT asset_id, tag_id FROM asset_tags ORDER BY asset_id",
                          error);
  if (stmt == NULL)
    return FALSE;
  if (json != NULL)
    sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 asset_id = sqlite3_column_int64 (stmt, 0);
      gint64 tag_id = sqlite3_column_int64 (stmt, 1);
      Row *row = g_hash_table_lookup (self->by_id, &asset_id);

      if (row == NULL)
        continue;
      if (row->tags == NULL)
        row->tags = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 2);
      g_array_append_val (row->tags, tag_id);
    }

  if (rc != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not read the tags"));

  return TRUE;
}

static gboolean
load_tag_tree (MopsSearchIndex  *self,
               sqlite3          *db,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, "SELECT id, ifnull(parent_id, 0), name FROM tags", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  g_hash_table_remove_all (self->children);
  g_hash_table_remove_all (self->tag_ids);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 parent = sqlite3_column_int64 (stmt, 1);
      GArray *siblings = g_hash_table_lookup (self->children, &parent);

      if (siblings == NULL)
        {
          siblings = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (self->children, g_memdup2 (&parent, sizeof parent), siblings);
        }
      g_array_append_val (siblings, id);

      g_hash_table_insert (self->tag_ids,
                           g_strdup_printf ("%" G_GINT64_FORMAT "/%s", parent, sqlite3_column_text (stmt, 2)),
                           g_memdup2 (&id, sizeof id));
    }

  if (rc != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not read the tags"));

  return TRUE;
}

MopsSearchIndex *
mops_search_index_load_in_db (sqlite3  *db,
                              GError  **error)
{
  g_autoptr(MopsSearchIndex) self = g_new0 (MopsSearchIndex, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  self->tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  stmt = mops_db_prepare (db, row_sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = row_from_statement (stmt);

      g_ptr_array_add (self->rows, row);
      g_hash_table_insert (self->by_id, &row->id, row);
    }

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the library"));
      return NULL;
    }

  if (!load_tags_of (self, db, NULL, 0, error) || !load_tag_tree (self, db, error))
    return NULL;

  /* Sorting 100,000 names takes longer than a frame: do the usual orders here, in the
   * loading thread, not on the first keystroke. */
  order_for (self, MOPS_SEARCH_SORT_NAME);
  order_for (self, MOPS_SEARCH_SORT_IMPORTED);

  return g_steal_pointer (&self);
}

gboolean
mops_search_index_update_in_db (MopsSearchIndex  *self,
                                sqlite3          *db,
                                const gint64     *ids,
                                guint             n_ids,
                                GError          **error)
{
  g_autofree char *sql = g_strconcat (row_sql, " WHERE id IN (SELECT value FROM json_each (?))", NULL);
  g_autofree char *json = mops_db_ids_to_json (ids, n_ids);
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, sql, error);
  g_autoptr(GHashTable) removed = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GPtrArray) dead = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  int rc;

  if (stmt == NULL)
    return FALSE;

  /* The old versions go; the rows still there (one query for all) come back. */
  for (guint i = 0; i < n_ids; i++)
    {
      Row *old = g_hash_table_lookup (self->by_id, &ids[i]);

      if (old != NULL && !g_hash_table_contains (removed, old))
        {
          g_hash_table_remove (self->by_id, &ids[i]);
          g_hash_table_add (removed, old);
          g_ptr_array_add (dead, old);
        }
    }

  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = row_from_statement (stmt);

      g_ptr_array_add (added, row);
      g_hash_table_insert (self->by_id, &row->id, row);
    }
  if (rc != SQLITE_DONE)
    {
      /* The index stays as it was: the old rows go back. */
      for (guint i = 0; i < added->len; i++)
        g_hash_table_remove (self->by_id, &((Row *) added->pdata[i])->id);
      g_ptr_array_set_free_func (added, (GDestroyNotify) row_free);
      for (guint i = 0; i < dead->len; i++)
        g_hash_table_insert (self->by_id, &((Row *) dead->pdata[i])->id, dead->pdata[i]);
      g_ptr_array_set_free_func (dead, NULL);
      return mops_db_set_error (db, error, _("Could not read the library"));
    }

  /* rows: drop the old versions, add the new ones */
  if (g_hash_table_size (removed) > 0)
    {
      guint kept = 0;

      for (guint i = 0; i < self->rows->len; i++)
        if (!g_hash_table_contains (removed, self->rows->pdata[i]))
          self->rows->pdata[kept++] = self->rows->pdata[i];
      self->rows->len = kept;
    }
  for (guint i = 0; i < added->len; i++)
    g_ptr_array_add (self->rows, added->pdata[i]);

  keep_orders_sorted (self, removed, added);

  return load_tags_of (self, db, ids, n_ids, error) &&
         load_tag_tree (self, db, error);
}

/* SQLite's NOCASE: bytes compared after folding ASCII letters only. */
static int
nocase_compare (const char *a,
                const char *b)
{
  const guchar *x = (const guchar *) a, *y = (const guchar *) b;

  for (;; x++, y++)
    {
      int cx = (*x >= 'A' && *x <= 'Z') ? *x + 32 : *x;
      int cy = (*y >= 'A' && *y <= 'Z') ? *y + 32 : *y;

      if (cx != cy || cx == 0)
        return cx - cy;
    }
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))

static int
compare_id (gconstpointer pa, gconstpointer pb)
{
  const Row *a = *(Row * const *) pa, *b = *(Row * const *) pb;
  return CMP (a->id, b->id);
}

static int
compare_name (gconstpointer pa, gconstpointer pb)
{
  const Row *a = *(Row * const *) pa, *b = *(Row * const *) pb;
  int c = nocase_compare (a->name, b->name);
  return c != 0 ? c : CMP (a->id, b->id);
}

static int
compare_imported (gconstpointer pa, gconstpointer pb)
{
  const Row *a = *(Row * const *) pa, *b = *(Row * const *) pb;
  int c = CMP (b->imported_at, a->imported_at);
  return c != 0 ? c : CMP (b->id, a->id);
}

static int
compare_captured (gconstpointer pa, gconstpointer pb)
{
  const Row *a = *(Row * const *) pa, *b = *(Row * const *) pb;
  int c = CMP (a->created_at == 0, b->created_at == 0);

  if (c == 0)
    c = CMP (b->created_at, a->created_at);
  return c != 0 ? c : CMP (b->id, a->id);
}

static int
compare_size (gconstpointer pa, gconstpointer pb)
{
  const Row *a = *(Row * const *) pa, *b = *(Row * const *) pb;
  int c = CMP (b->size, a->size);
  return c != 0 ? c : CMP (a->id, b->id);
}

static int
compare_rating (gconstpointer pa, gconstpointer pb)
{
  const Row *a = *(Row * const *) pa, *b = *(Row * const *) pb;
  int c = CMP (b->rating, a->rating);

  if (c == 0)
    c = CMP (b->imported_at, a->imported_at);
  return c != 0 ? c : CMP (b->id, a->id);
}

static const GCompareFunc compare_for[N_SORTS] = {
  [MOPS_SEARCH_SORT_ID] = compare_id,
  [MOPS_SEARCH_SORT_NAME] = compare_name,
  [MOPS_SEARCH_SORT_IMPORTED] = compare_imported,
  [MOPS_SEARCH_SORT_CAPTURED] = compare_captured,
  [MOPS_SEARCH_SORT_SIZE] = compare_size,
  [MOPS_SEARCH_SORT_RATING] = compare_rating,
};

static GPtrArray *
order_for (MopsSearchIndex *self,
           MopsSearchSort   sort)
{
  if ((guint) sort >= N_SORTS)
    sort = MOPS_SEARCH_SORT_ID;

  if (self->orders[sort] == NULL)
    {
      GPtrArray *order = g_ptr_array_sized_new (self->rows->len);

      for (guint i = 0; i < self->rows->len; i++)
        g_ptr_array_add (order, self->rows->pdata[i]);
      g_ptr_array_sort (order, compare_for[sort]);
      self->orders[sort] = order;
    }

  return self->orders[sort];
}


/* Edits move a few rows: take them out of each built order and put them back in place with
 * a binary search, instead of sorting everything again. */
static void
keep_orders_sorted (MopsSearchIndex *self,
                    GHashTable      *removed,
                    GPtrArray       *added)
{
  for (guint s = 0; s < N_SORTS; s++)
    {
      GPtrArray *order = self->orders[s];
      GCompareFunc compare = compare_for[s];

      if (order == NULL)
        continue;

      if (g_hash_table_size (removed) > 0)
        {
          guint kept = 0;

          for (guint i = 0; i < order->len; i++)
            if (!g_hash_table_contains (removed, order->pdata[i]))
              order->pdata[kept++] = order->pdata[i];
          order->len = kept;
        }

      /* Many rows (an edit of thousands of assets): inserting each one would move the
       * array's tail each time; appending them and sorting once is n log n. */
      if (added->len > 64)
        {
          for (guint a = 0; a < added->len; a++)
            g_ptr_array_add (order, added->pdata[a]);
          g_ptr_array_sort (order, compare);
          continue;
        }

      for (guint a = 0; a < added->len; a++)
        {
          gpointer row = added->pdata[a];
          guint lo = 0, hi = order->len;

          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;

              if (compare (&order->pdata[mid], &row) < 0)
                lo = mid + 1;
              else
                hi = mid;
            }
          g_ptr_array_insert (order, (gint) lo, row);
        }
    }
}

/* The tag at @path and all below it; NULL when the path names no tag. */
static GHashTable *
tag_with_descendants (MopsSearchIndex *self,
                      const char      *path)
{
  g_auto(GStrv) parts = mops_tag_path_split (path, NULL);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTable *set;
  gint64 id = 0;

  if (parts == NULL)
    return NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", id, parts[i]);
      gint64 *found = g_hash_table_lookup (self->tag_ids, key);

      if (found == NULL)
        return NULL;
      id = *found;
    }

  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_array_append_val (stack, id);
  while (stack->len > 0)
    {
      gint64 top = g_array_index (stack, gint64, stack->len - 1);
      GArray *kids;

      g_array_set_size (stack, stack->len - 1);
      g_hash_table_add (set, g_memdup2 (&top, sizeof top));
      kids = g_hash_table_lookup (self->children, &top);
      if (kids != NULL)
        g_array_append_vals (stack, kids->data, kids->len);
    }

  return set;
}

static gboolean
row_has_any_tag (const Row  *row,
                 GHashTable *set)
{
  for (guint i = 0; row->tags != NULL && i < row->tags->len; i++)
    if (g_hash_table_contains (set, &g_array_index (row->tags, gint64, i)))
      return TRUE;

  return FALSE;
}

GArray *
mops_search_index_query (MopsSearchIndex       *self,
                         const MopsSearchQuery *query)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) tag_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_auto(GStrv) terms = NULL;
  const char *color_label;
  GPtrArray *order;

  g_return_val_if_fail (self != NULL && query != NULL, NULL);

  terms = mops_search_split_terms (query->text);
  color_label = query->color_label != NULL ? g_intern_string (query->color_label) : NULL;

  for (guint i = 0; query->tags != NULL && query->tags[i] != NULL; i++)
    {
      GHashTable *set = tag_with_descendants (self, query->tags[i]);

      if (set == NULL)
        return g_steal_pointer (&ids);   /* an unknown tag matches nothing */
      g_ptr_array_add (tag_sets, set);
    }

  order = order_for (self, query->sort);

  for (guint i = 0; i < order->len; i++)
    {
      const Row *row = order->pdata[i];
      gboolean match = TRUE;

      if ((gboolean) row->trashed != (query->trashed != FALSE))
        continue;
      if (row->record && !query->include_records)
        continue;
      if (query->types != 0 && !(query->types & row->type))
        continue;
      if (row->rating < query->min_rating)
        continue;
      if (color_label != NULL && row->color_label != color_label)
        continue;
      if (query->imported_from > 0 && row->imported_at < query->imported_from)
        continue;
      if (query->imported_to > 0 && row->imported_at >= query->imported_to)
        continue;

      for (guint t = 0; match && t < tag_sets->len; t++)
        match = row_has_any_tag (row, tag_sets->pdata[t]);
      for (guint t = 0; match && terms[t] != NULL; t++)
        match = strstr (row->text, terms[t]) != NULL;
      if (!match)
        continue;

      g_array_append_val (ids, row->id);
      if (query->limit > 0 && ids->len >= query->limit)
        break;
    }

  return g_steal_pointer (&ids);
}

static gpointer
load_job (MopsLibrary   *library,
          sqlite3       *db,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  return mops_search_index_load_in_db (db, error);
}

void
mops_search_index_load_async (MopsLibrary         *library,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_search_index_load_async, load_job, NULL, NULL,
                        (GDestroyNotify) mops_search_index_free, cancellable, callback, user_data);
}

MopsSearchIndex *
mops_search_index_load_finish (MopsLibrary   *library,
                               GAsyncResult  *result,
                               GError       **error)
{
  return mops_library_job_finish (library, result, mops_search_index_load_async, error);
}

gboolean
mops_search_index_update (MopsSearchIndex  *self,
                          MopsLibrary      *library,
                          const gint64     *ids,
                          guint             n_ids,
                          GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return mops_search_index_update_in_db (self, mops_library_get_db (library), ids, n_ids, error);
}
