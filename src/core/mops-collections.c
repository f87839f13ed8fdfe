/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-collections.c — manual collections of assets, and saved searches */

#include "config.h"

#define G_LOG_DOMAIN "mops-collections"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mops-clock.h"
#include "mops-collections.h"
#include "mops-db-private.h"
#include "mops-domain-private.h"
#include "mops-error.h"
#include "mops-library-private.h"
#include "mops-text.h"

void
mops_collection_info_free (MopsCollectionInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->name);
  g_free (info);
}

void
mops_saved_search_free (MopsSavedSearch *search)
{
  if (search == NULL)
    return;

  g_free (search->name);
  g_free (search->query);
  g_free (search->filters);
  g_free (search);
}

static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  char *stripped = g_strdup (g_strstrip (valid));

  if (*stripped == '\0')
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("A name cannot be empty"));
      g_free (stripped);
      return NULL;
    }

  return stripped;
}

GPtrArray *
mops_collections_list (MopsLibrary  *library,
                       GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_collection_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  stmt = mops_db_prepare (mops_library_get_db (library),
                          "SELECT c.id, c.name, count(a.id) FROM collections c"
                          " LEFT JOIN collection_assets ca ON ca.collection_id = c.id"
                          " LEFT JOIN assets a ON a.id = ca.asset_id AND a.trashed_at IS NULL"
                          " GROUP BY c.id ORDER BY c.name COLLATE NOCASE, c.id",
                          error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MopsCollectionInfo *info = g_new0 (MopsCollectionInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->asset_count = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (list, info);
    }

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (mops_library_get_db (library), error, _("Could not read the collections"));
      return NULL;
    }

  return g_steal_pointer (&list);
}

gint64
mops_collections_ensure (MopsLibrary  *library,
                         const char   *name,
                         GError      **error)
{
  sqlite3 *db;
  g_autofree char *clean = clean_name (name, error);
  g_autofree char *folded = NULL;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);

  if (clean == NULL)
    return 0;

  /* "press kit" is the collection "Press kit", and "Ｐｒｅｓｓ" is "Press": names compare
   * folded (NFKC + case fold), as search does. A library has a few dozen collections. */
  db = mops_library_get_db (library);
  find = mops_db_prepare (db, "SELECT id, name FROM collections ORDER BY id", error);
  if (find == NULL)
    return 0;

  folded = mops_text_fold (clean);
  while ((rc = sqlite3_step (find)) == SQLITE_ROW)
    {
      g_autofree char *other = mops_text_fold ((const char *) sqlite3_column_text (find, 1));

      if (g_strcmp0 (folded, other) == 0)
        return sqlite3_column_int64 (find, 0);
    }
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the collections"));
      return 0;
    }

  insert = mops_db_prepare (db, "INSERT INTO collections (name, created_at) VALUES (?, ?)", error);
  if (insert == NULL)
    return 0;

  sqlite3_bind_text (insert, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, mops_clock_now_unix ());
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not create the collection"));
      return 0;
    }

  return sqlite3_last_insert_rowid (db);
}

static gboolean
exists (sqlite3     *db,
        const char  *sql,
        gint64       id,
        GError     **error)
{
  gboolean found = FALSE;

  if (!mops_db_row_exists (db, sql, id, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no such collection or asset (%lld)"),
                 (long long) id);
  return found;
}

static gboolean
change_members_in_db (sqlite3       *db,
                      gint64         collection_id,
                      const gint64  *asset_ids,
                      guint          n_assets,
                      gboolean       add,
                      GError       **error)
{
  gboolean nested = FALSE;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = mops_clock_now_unix ();

  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  if (!exists (db, "SELECT 1 FROM collections WHERE id = ?", collection_id, error))
    goto failed;
  for (guint i = 0; i < n_assets; i++)
    if (!exists (db, "SELECT 1 FROM assets WHERE id = ?", asset_ids[i], error))
      goto failed;

  stmt = mops_db_prepare (db,
                          add ? "INSERT OR IGNORE INTO collection_assets (collection_id, asset_id, position, added_at)"
                                " VALUES (?1, ?2, (SELECT ifnull(max(position), 0) + 1 FROM collection_assets"
                                " WHERE collection_id = ?1), ?3)"
                              : "DELETE FROM collection_assets WHERE collection_id = ?1 AND asset_id = ?2 AND ?3 > 0",
                          error);
  if (stmt == NULL)
    goto failed;

  for (guint i = 0; i < n_assets; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, collection_id);
      sqlite3_bind_int64 (stmt, 2, asset_ids[i]);
      sqlite3_bind_int64 (stmt, 3, now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          mops_db_set_error (db, error, _("Could not change the collection"));
          goto failed;
        }
    }

  return mops_db_commit_write (db, nested, error);

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

gboolean
mops_collections_add_assets (MopsLibrary   *library,
                             gint64         collection_id,
                             const gint64  *asset_ids,
                             guint          n_assets,
                             GError       **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return change_members_in_db (mops_library_get_db (library), collection_id, asset_ids, n_assets, TRUE, error);
}

gboolean
mops_collections_remove_assets (MopsLibrary   *library,
                                gint64         collection_id,
                                const gint64  *asset_ids,
                                guint          n_assets,
                                GError       **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return change_members_in_db (mops_library_get_db (library), collection_id, asset_ids, n_assets, FALSE, error);
}

/* Adding or removing members in a worker: its own copy of the ids. */
typedef struct
{
  gint64    collection_id;
  gint64   *ids;
  guint     n_ids;
  gboolean  add;
} MembersJob;

static void
members_job_free (MembersJob *job)
{
  g_free (job->ids);
  g_free (job);
}

static gpointer
members_job (MopsLibrary   *library,
             sqlite3       *db,
             gpointer       job_data,
             GCancellable  *cancellable,
             GError       **error)
{
  MembersJob *job = job_data;

  if (!change_members_in_db (db, job->collection_id, job->ids, job->n_ids, job->add, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

static void
run_members_job (MopsLibrary         *library,
                 gpointer             source_tag,
                 gint64               collection_id,
                 const gint64        *asset_ids,
                 guint                n_assets,
                 gboolean             add,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  MembersJob *job = g_new0 (MembersJob, 1);

  job->collection_id = collection_id;
  job->ids = g_memdup2 (asset_ids, sizeof (gint64) * n_assets);
  job->n_ids = n_assets;
  job->add = add;
  mops_library_run_job (library, source_tag, members_job, job, (GDestroyNotify) members_job_free, NULL,
                        cancellable, callback, user_data);
}

void
mops_collections_add_assets_async (MopsLibrary         *library,
                                   gint64               collection_id,
                                   const gint64        *asset_ids,
                                   guint                n_assets,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (asset_ids != NULL || n_assets == 0);

  run_members_job (library, mops_collections_add_assets_async, collection_id, asset_ids, n_assets, TRUE,
                   cancellable, callback, user_data);
}

gboolean
mops_collections_add_assets_finish (MopsLibrary   *library,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return mops_library_job_finish (library, result, mops_collections_add_assets_async, error) != NULL;
}

void
mops_collections_remove_assets_async (MopsLibrary         *library,
                                      gint64               collection_id,
                                      const gint64        *asset_ids,
                                      guint                n_assets,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (asset_ids != NULL || n_assets == 0);

  run_members_job (library, mops_collections_remove_assets_async, collection_id, asset_ids, n_assets, FALSE,
                   cancellable, callback, user_data);
}

gboolean
mops_collections_remove_assets_finish (MopsLibrary   *library,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return mops_library_job_finish (library, result, mops_collections_remove_assets_async, error) != NULL;
}

static gboolean
run_one (MopsLibrary  *library,
         const char   *sql,
         const char   *text,
         gint64        id,
         GError      **error)
{
  sqlite3 *db = mops_library_get_db (library);
  g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return mops_db_set_error (db, error, _("Could not change the collection"));

  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no such collection or search (%lld)"),
                   (long long) id);
      return FALSE;
    }

  return TRUE;
}

gboolean
mops_collections_rename (MopsLibrary  *library,
                         gint64        collection_id,
                         const char   *name,
                         GError      **error)
{
  g_autofree char *clean = clean_name (name, error);

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return clean != NULL &&
         run_one (library, "UPDATE collections SET name = ?1 WHERE id = ?2", clean, collection_id, error);
}

gboolean
mops_collections_delete (MopsLibrary  *library,
                         gint64        collection_id,
                         GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  /* Members stay in the library: a collection only groups them. */
  return run_one (library, "DELETE FROM collections WHERE id = ?2 AND ?1 IS NULL", NULL, collection_id, error);
}

GArray *
mops_collections_get_asset_ids (MopsLibrary  *library,
                                gint64        collection_id,
                                GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  stmt = mops_db_prepare (mops_library_get_db (library),
                          "SELECT asset_id FROM collection_assets WHERE collection_id = ? ORDER BY position, asset_id",
                          error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, collection_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (mops_library_get_db (library), error, _("Could not read the collections"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

gint64
mops_collections_add (MopsLibrary  *library,
                      const char   *name,
                      const char   *description,
                      gint64        created_at,
                      GError      **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);

  clean = clean_name (name, error);
  if (clean == NULL)
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO collections (name, description, created_at)"
                                      " VALUES (?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 2, description);
  sqlite3_bind_int64 (stmt, 3, mops_domain_instant_or_now (created_at));

  what = g_strdup_printf (_("Could not create the collection “%s”"), clean);
  return mops_domain_insert (library, stmt, NULL, 0, NULL, what, error);
}

gboolean
mops_collections_insert_asset (MopsLibrary  *library,
                               gint64        collection_id,
                               gint64        asset_id,
                               int           position,
                               gint64        added_at,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *exists = NULL;
  MopsRowRef refs[] = {
    { MOPS_ROW_COLLECTION, collection_id },
    { MOPS_ROW_ASSET, asset_id },
  };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (collection_id > 0 && asset_id > 0, FALSE);

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO collection_assets (collection_id, asset_id,"
                                      " position, added_at) VALUES (?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, collection_id);
  sqlite3_bind_int64 (stmt, 2, asset_id);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_int64 (stmt, 4, mops_domain_instant_or_now (added_at));

  exists = g_strdup_printf (_("Asset %lld is already in collection %lld"), (long long) asset_id,
                            (long long) collection_id);
  return mops_domain_step (library, stmt, refs, G_N_ELEMENTS (refs), exists,
                           _("Could not change the collection"), error);
}

GPtrArray *
mops_saved_searches_list (MopsLibrary  *library,
                          GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mops_saved_search_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  stmt = mops_db_prepare (mops_library_get_db (library),
                          "SELECT id, name, query, filters FROM saved_searches ORDER BY name COLLATE NOCASE, id",
                          error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MopsSavedSearch *search = g_new0 (MopsSavedSearch, 1);

      search->id = sqlite3_column_int64 (stmt, 0);
      search->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      search->query = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        search->filters = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (list, search);
    }

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (mops_library_get_db (library), error, _("Could not read the saved searches"));
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* NULL, or the text of a JSON object. */
static gboolean
check_filters (const char  *filters,
               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;

  if (filters == NULL)
    return TRUE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, filters, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("The filters of a saved search must be a JSON object"));
      return FALSE;
    }

  return TRUE;
}

gint64
mops_saved_searches_save (MopsLibrary  *library,
                          const char   *name,
                          const char   *query,
                          const char   *filters,
                          GError      **error)
{
  sqlite3 *db;
  g_autofree char *clean = clean_name (name, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);

  if (clean == NULL)
    return 0;

  if (!check_filters (filters, error))
    return 0;

  db = mops_library_get_db (library);
  stmt = mops_db_prepare (db,
                          "INSERT INTO saved_searches (name, query, filters, created_at) VALUES (?, ?, ?, ?)"
                          " ON CONFLICT (name) DO UPDATE SET query = excluded.query, filters = excluded.filters",
                          error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, query != NULL ? query : "", -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 3, filters);
  sqlite3_bind_int64 (stmt, 4, mops_clock_now_unix ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not save the search"));
      return 0;
    }

  /* An upsert that updated reports no new rowid: look the row up by its name. */
  {
    g_autoptr(sqlite3_stmt) find = mops_db_prepare (db, "SELECT id FROM saved_searches WHERE name = ?", error);

    if (find == NULL)
      return 0;
    sqlite3_bind_text (find, 1, clean, -1, SQLITE_STATIC);
    return sqlite3_step (find) == SQLITE_ROW ? sqlite3_column_int64 (find, 0) : 0;
  }
}

gint64
mops_saved_searches_add (MopsLibrary  *library,
                         const char   *name,
                         const char   *query,
                         const char   *filters,
                         gint64        created_at,
                         GError      **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *exists = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), 0);

  clean = clean_name (name, error);
  if (clean == NULL || !check_filters (filters, error))
    return 0;

  stmt = mops_library_prepare_cached (library,
                                      "INSERT INTO saved_searches (name, query, filters, created_at)"
                                      " VALUES (?, ?, ?, ?)",
                                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, query != NULL ? query : "", -1, SQLITE_STATIC);
  mops_db_bind_text_or_null (stmt, 3, filters);
  sqlite3_bind_int64 (stmt, 4, mops_domain_instant_or_now (created_at));

  exists = g_strdup_printf (_("There is already a saved search called “%s”"), clean);
  what = g_strdup_printf (_("Could not save the search “%s”"), clean);
  return mops_domain_insert (library, stmt, NULL, 0, exists, what, error);
}

gint64
mops_saved_searches_lookup (MopsLibrary  *library,
                            const char   *name,
                            GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), -1);
  g_return_val_if_fail (name != NULL, -1);

  stmt = mops_library_prepare_cached (library, "SELECT id FROM saved_searches WHERE name = ?", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      mops_db_set_error (mops_library_get_db (library), error, _("Could not read the saved searches"));
      return -1;
    }

  return id;
}

gboolean
mops_saved_searches_delete (MopsLibrary  *library,
                            gint64        id,
                            GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return run_one (library, "DELETE FROM saved_searches WHERE id = ?2 AND ?1 IS NULL", NULL, id, error);
}
