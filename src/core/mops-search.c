/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-search.c — finding assets: folded substring search, type and tag filters, sorting */

#include "config.h"

#define G_LOG_DOMAIN "mops-search"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mops-db-private.h"
#include "mops-enum-names-private.h"
#include "mops-enums.h"
#include "mops-error.h"
#include "mops-library-private.h"
#include "mops-search-private.h"
#include "mops-tags.h"
#include "mops-text.h"

MopsAssetType
mops_asset_type_from_name (const char *name)
{
  guint type = 0;

  if (!mops_flag_from_name (MOPS_TYPE_ASSET_TYPE, name, &type))
    return 0;

  return (MopsAssetType) type;
}

const char *
mops_asset_type_to_name (MopsAssetType type)
{
  return mops_flag_to_name (MOPS_TYPE_ASSET_TYPE, (guint) type);
}

MopsAssetType
mops_asset_type_for_mime (const char *mime)
{
  /* Every tile asks while the grid scrolls: one statement, prepared once, and the answers
   * kept (a library has a few dozen MIME types; the table is emptied should it grow). */
  static sqlite3 *memory_db;
  static sqlite3_stmt *stmt;
  static GHashTable *known;
  static GMutex lock;
  MopsAssetType type = MOPS_ASSET_TYPE_OTHER;
  gpointer cached;

  if (mime == NULL)
    mime = "";

  g_mutex_lock (&lock);
  if (known == NULL)
    known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (known, mime, NULL, &cached))
    {
      g_mutex_unlock (&lock);
      return GPOINTER_TO_INT (cached);
    }

  if (stmt == NULL &&
      (memory_db != NULL || sqlite3_open (":memory:", &memory_db) == SQLITE_OK) &&
      sqlite3_prepare_v3 (memory_db, "SELECT " TYPE_CASE ("?1"), -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    g_clear_pointer (&stmt, sqlite3_finalize);

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, mime, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        type = mops_asset_type_from_name ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  if (type == 0)
    type = MOPS_ASSET_TYPE_OTHER;

  if (g_hash_table_size (known) >= 256)
    g_hash_table_remove_all (known);
  g_hash_table_insert (known, g_strdup (mime), GINT_TO_POINTER (type));
  g_mutex_unlock (&lock);

  return type;
}

GStrv
mops_search_split_terms (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *folded = mops_text_fold (text);
  g_autoptr(GString) term = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"')
        {
          quoted = !quoted;
          continue;
        }

      if (c == 0 || (!quoted && g_unichar_isspace (c)))
        {
          if (term->len > 0)
            g_strv_builder_add (builder, term->str);
          g_string_truncate (term, 0);
          if (c == 0)
            break;
          continue;
        }

      g_string_append_unichar (term, c);
    }

  return g_strv_builder_end (builder);
}

/* A term as an FTS5 string literal: never interpreted as query syntax. */
static char *
fts_quote (const char *term)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }

  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

typedef enum { BIND_TEXT, BIND_INT } BindKind;

typedef struct
{
  BindKind  kind;
  char     *text;
  gint64    value;
} Binding;

static void
binding_clear (gpointer data)
{
  g_free (((Binding *) data)->text);
}

static void
add_text (GArray     *bindings,
          const char *text)
{
  Binding b = { BIND_TEXT, g_strdup (text), 0 };
  g_array_append_val (bindings, b);
}

static void
add_int (GArray *bindings,
         gint64  value)
{
  Binding b = { BIND_INT, NULL, value };
  g_array_append_val (bindings, b);
}

static const char *
order_by (MopsSearchSort sort)
{
  switch (sort)
    {
    case MOPS_SEARCH_SORT_NAME:
      return " ORDER BY coalesce(title, original_name) COLLATE NOCASE, id";
    case MOPS_SEARCH_SORT_IMPORTED:
      return " ORDER BY imported_at DESC, id DESC";
    case MOPS_SEARCH_SORT_CAPTURED:
      return " ORDER BY created_at IS NULL, created_at DESC, id DESC";
    case MOPS_SEARCH_SORT_SIZE:
      return " ORDER BY size DESC, id";
    case MOPS_SEARCH_SORT_RATING:
      return " ORDER BY rating DESC, imported_at DESC, id DESC";
    case MOPS_SEARCH_SORT_ID:
    default:
      return " ORDER BY id";
    }
}

GArray *
mops_search_assets_in_db (sqlite3                *db,
                          const MopsSearchQuery  *query,
                          GError                **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM assets WHERE ");
  g_autoptr(GArray) bindings = g_array_new (FALSE, TRUE, sizeof (Binding));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) terms = NULL;
  int rc;

  g_return_val_if_fail (db != NULL && query != NULL, NULL);

  g_array_set_clear_func (bindings, binding_clear);

  g_string_append (sql, query->trashed ? "trashed_at IS NOT NULL" : "trashed_at IS NULL");
  if (!query->include_records)
    g_string_append (sql, " AND role = 'asset'");

  terms = mops_search_split_terms (query->text);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      if (g_utf8_strlen (terms[i], -1) >= 3)
        {
          g_autofree char *quoted = fts_quote (terms[i]);

          g_string_append (sql, " AND id IN (SELECT rowid FROM asset_fts WHERE asset_fts MATCH ?)");
          add_text (bindings, quoted);
        }
      else
        {
          /* The trigram index has nothing for one or two characters ("ロゴ"): scan. */
          g_string_append (sql, " AND instr(search_text, ?) > 0");
          add_text (bindings, terms[i]);
        }
    }

  if (query->types != 0)
    {
      gboolean first = TRUE;

      g_string_append (sql, " AND " TYPE_CASE ("mime") " IN (");
      for (guint type = MOPS_ASSET_TYPE_IMAGE; type <= MOPS_ASSET_TYPE_OTHER; type <<= 1)
        {
          if (!(query->types & type))
            continue;
          g_string_append (sql, first ? "?" : ", ?");
          add_text (bindings, mops_asset_type_to_name ((MopsAssetType) type));
          first = FALSE;
        }
      g_string_append_c (sql, ')');
    }

  for (guint i = 0; query->tags != NULL && query->tags[i] != NULL; i++)
    {
      g_auto(GStrv) parts = mops_tag_path_split (query->tags[i], error);
      gint64 tag_id = 0;

      if (parts == NULL)
        return NULL;

      /* Walk the path level by level; an unknown tag leaves nothing to find. */
      {
        g_autoptr(sqlite3_stmt) find =
          mops_db_prepare (db, "SELECT id FROM tags WHERE ifnull(parent_id, 0) = ? AND name = ?", error);

        if (find == NULL)
          return NULL;

        for (guint j = 0; parts[j] != NULL; j++)
          {
            sqlite3_bind_int64 (find, 1, tag_id);
            sqlite3_bind_text (find, 2, parts[j], -1, SQLITE_STATIC);
            tag_id = sqlite3_step (find) == SQLITE_ROW ? sqlite3_column_int64 (find, 0) : -1;
            sqlite3_reset (find);
            if (tag_id < 0)
              break;
          }
      }

      g_string_append (sql,
                       " AND id IN (SELECT asset_id FROM asset_tags WHERE tag_id IN ("
                       "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL"
                       " SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub))");
      add_int (bindings, tag_id);
    }

  if (query->min_rating > 0)
    {
      g_string_append (sql, " AND rating >= ?");
      add_int (bindings, query->min_rating);
    }

  if (query->color_label != NULL)
    {
      g_string_append (sql, " AND color_label = ?");
      add_text (bindings, query->color_label);
    }

  if (query->imported_from > 0)
    {
      g_string_append (sql, " AND imported_at >= ?");
      add_int (bindings, query->imported_from);
    }

  if (query->imported_to > 0)
    {
      g_string_append (sql, " AND imported_at < ?");
      add_int (bindings, query->imported_to);
    }

  g_string_append (sql, order_by (query->sort));

  if (query->limit > 0)
    {
      g_string_append (sql, " LIMIT ?");
      add_int (bindings, query->limit);
    }

  stmt = mops_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < bindings->len; i++)
    {
      Binding *b = &g_array_index (bindings, Binding, i);

      if (b->kind == BIND_TEXT)
        sqlite3_bind_text (stmt, (int) i + 1, b->text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, (int) i + 1, b->value);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not search the library"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

GArray *
mops_search_assets (MopsLibrary            *library,
                    const MopsSearchQuery  *query,
                    GError                **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return mops_search_assets_in_db (mops_library_get_db (library), query, error);
}

/* A query that owns its strings, for a worker. */
typedef struct
{
  MopsSearchQuery  query;
  char            *text;
  GStrv            tags;
  char            *color_label;
} QueryCopy;

static QueryCopy *
query_copy_new (const MopsSearchQuery *query)
{
  QueryCopy *copy = g_new0 (QueryCopy, 1);

  copy->query = *query;
  copy->text = g_strdup (query->text);
  copy->tags = g_strdupv ((char **) query->tags);
  copy->color_label = g_strdup (query->color_label);
  copy->query.text = copy->text;
  copy->query.tags = (const char * const *) copy->tags;
  copy->query.color_label = copy->color_label;
  return copy;
}

static void
query_copy_free (QueryCopy *copy)
{
  g_free (copy->text);
  g_strfreev (copy->tags);
  g_free (copy->color_label);
  g_free (copy);
}

static gpointer
search_job (MopsLibrary   *library,
            sqlite3       *db,
            gpointer       job_data,
            GCancellable  *cancellable,
            GError       **error)
{
  QueryCopy *copy = job_data;

  return mops_search_assets_in_db (db, &copy->query, error);
}

void
mops_search_assets_async (MopsLibrary            *library,
                          const MopsSearchQuery  *query,
                          GCancellable           *cancellable,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (query != NULL);

  mops_library_run_job (library, mops_search_assets_async, search_job,
                        query_copy_new (query), (GDestroyNotify) query_copy_free,
                        (GDestroyNotify) g_array_unref, cancellable, callback, user_data);
}

GArray *
mops_search_assets_finish (MopsLibrary   *library,
                           GAsyncResult  *result,
                           GError       **error)
{
  return mops_library_job_finish (library, result, mops_search_assets_async, error);
}
