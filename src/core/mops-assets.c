/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets.c — changing assets: fields, rating, colour label, Trash */

#include "config.h"

#define G_LOG_DOMAIN "mops-assets"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mops-asset-store-private.h"
#include "mops-asset-store.h"
#include "mops-assets.h"
#include "mops-clock.h"
#include "mops-db-private.h"
#include "mops-domain-private.h"
#include "mops-error.h"
#include "mops-library-private.h"
#include "mops-previews.h"

static const char *color_labels[] = { "red", "orange", "yellow", "green", "blue", "purple", "gray", NULL };

const char * const *
mops_assets_color_labels (void)
{
  return color_labels;
}

static gboolean
asset_exists (sqlite3  *db,
              gint64    id,
              GError  **error)
{
  gboolean exists = FALSE;

  if (!mops_db_row_exists (db, "SELECT 1 FROM assets WHERE id = ?", id, &exists, error))
    return FALSE;
  if (!exists)
    g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no asset with id %lld"), (long long) id);
  return exists;
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
set_text_fields_in_db (sqlite3     *db,
                       gint64       asset_id,
                       const char  *title,
                       const char  *description,
                       const char  *creator,
                       GError     **error)
{
  gboolean nested = FALSE;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  if (!asset_exists (db, asset_id, error))
    goto failed;

  stmt = mops_db_prepare (db,
                          "UPDATE assets SET title = ?, description = ?, creator = ?, modified_at = ?"
                          " WHERE id = ?",
                          error);
  if (stmt == NULL)
    goto failed;

  mops_db_bind_text_or_null (stmt, 1, empty_to_null (title));
  mops_db_bind_text_or_null (stmt, 2, empty_to_null (description));
  mops_db_bind_text_or_null (stmt, 3, empty_to_null (creator));
  sqlite3_bind_int64 (stmt, 4, mops_clock_now_unix ());
  sqlite3_bind_int64 (stmt, 5, asset_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not save the asset"));
      goto failed;
    }

  if (!mops_asset_refresh_search_text (db, asset_id, error))
    goto failed;

  return mops_db_commit_write (db, nested, error);

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

gboolean
mops_assets_set_text_fields (MopsLibrary  *library,
                             gint64        asset_id,
                             const char   *title,
                             const char   *description,
                             const char   *creator,
                             GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return set_text_fields_in_db (mops_library_get_db (library), asset_id, title, description, creator, error);
}

/* The assets of update_each_in_db(): the ids bound to ?2 as a JSON array. */
#define WHERE_IDS " WHERE id IN (SELECT value FROM json_each (?2))"

/* Runs @sql once for all the assets (binding ?1 = @value when given, ?2 = the ids as a JSON
 * array, read with "id IN (SELECT value FROM json_each (?2))", ?3 = now) in one transaction,
 * after checking that every id exists: one statement, whether one asset or 100,000. */
static gboolean
update_each_in_db (sqlite3       *db,
                   const char    *sql,
                   const gint64  *asset_ids,
                   guint          n_assets,
                   const char    *text_value,
                   gint64         int_value,
                   GError       **error)
{
  gboolean nested = FALSE;
  g_autoptr(sqlite3_stmt) missing = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = mops_db_ids_to_json (asset_ids, n_assets);
  gint64 now = mops_clock_now_unix ();
  int rc;

  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  missing = mops_db_prepare (db, "SELECT value FROM json_each (?)"
                                 " WHERE NOT EXISTS (SELECT 1 FROM assets WHERE id = value) LIMIT 1",
                             error);
  if (missing == NULL)
    goto failed;
  sqlite3_bind_text (missing, 1, json, -1, SQLITE_STATIC);
  rc = sqlite3_step (missing);
  if (rc == SQLITE_ROW)
    {
      asset_exists (db, sqlite3_column_int64 (missing, 0), error);
      goto failed;
    }
  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not read the library"));
      goto failed;
    }

  stmt = mops_db_prepare (db, sql, error);
  if (stmt == NULL)
    goto failed;

  if (text_value != NULL)
    sqlite3_bind_text (stmt, 1, text_value, -1, SQLITE_STATIC);
  else if (int_value >= 0)
    sqlite3_bind_int64 (stmt, 1, int_value);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not save the asset"));
      goto failed;
    }

  return mops_db_commit_write (db, nested, error);

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

static gboolean
set_rating_in_db (sqlite3       *db,
                  const gint64  *asset_ids,
                  guint          n_assets,
                  int            rating,
                  GError       **error)
{
  if (rating < 0 || rating > 5)
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID,
                   _("A rating is 0 to 5 stars, not %d"), rating);
      return FALSE;
    }

  return update_each_in_db (db, "UPDATE assets SET rating = ?1, modified_at = ?3" WHERE_IDS,
                            asset_ids, n_assets, NULL, rating, error);
}

static gboolean
set_color_label_in_db (sqlite3       *db,
                       const gint64  *asset_ids,
                       guint          n_assets,
                       const char    *label,
                       GError       **error)
{
  if (label != NULL && !g_strv_contains (color_labels, label))
    {
      g_set_error (error, MOPS_ERROR, MOPS_ERROR_INVALID, _("“%s” is not a colour label"), label);
      return FALSE;
    }

  return update_each_in_db (db, "UPDATE assets SET color_label = ?1, modified_at = ?3" WHERE_IDS,
                            asset_ids, n_assets, label, -1, error);
}

static gboolean
trash_in_db (sqlite3       *db,
             const gint64  *asset_ids,
             guint          n_assets,
             GError       **error)
{
  return update_each_in_db (db,
                            "UPDATE assets SET trashed_at = ?3" WHERE_IDS
                            " AND trashed_at IS NULL AND ?1 IS NULL",
                            asset_ids, n_assets, NULL, -1, error);
}

static gboolean
restore_in_db (sqlite3       *db,
               const gint64  *asset_ids,
               guint          n_assets,
               GError       **error)
{
  return update_each_in_db (db,
                            "UPDATE assets SET trashed_at = NULL" WHERE_IDS " AND ?1 IS NULL AND ?3 > 0",
                            asset_ids, n_assets, NULL, -1, error);
}

gboolean
mops_assets_set_rating (MopsLibrary   *library,
                        const gint64  *asset_ids,
                        guint          n_assets,
                        int            rating,
                        GError       **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return set_rating_in_db (mops_library_get_db (library), asset_ids, n_assets, rating, error);
}

gboolean
mops_assets_set_color_label (MopsLibrary   *library,
                             const gint64  *asset_ids,
                             guint          n_assets,
                             const char    *label,
                             GError       **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return set_color_label_in_db (mops_library_get_db (library), asset_ids, n_assets, label, error);
}

gboolean
mops_assets_set_imported_by (MopsLibrary   *library,
                             const gint64  *asset_ids,
                             guint          n_assets,
                             gint64         person_id,
                             GError       **error)
{
  MopsRowRef person[] = { { MOPS_ROW_PERSON, person_id } };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  if (!mops_domain_check_refs (library, person, G_N_ELEMENTS (person), error))
    return FALSE;

  return update_each_in_db (mops_library_get_db (library),
                            "UPDATE assets SET imported_by = ?1, modified_at = ?3" WHERE_IDS,
                            asset_ids, n_assets, NULL, person_id > 0 ? person_id : -1, error);
}

gboolean
mops_assets_set_metadata (MopsLibrary         *library,
                          gint64               asset_id,
                          const char          *key,
                          const char * const  *values,
                          GError             **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gboolean nested = FALSE;
  MopsRowRef asset[] = { { MOPS_ROW_ASSET, asset_id } };

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);

  if (!mops_domain_check_refs (library, asset, G_N_ELEMENTS (asset), error))
    return FALSE;

  db = mops_library_get_db (library);
  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  stmt = mops_library_prepare_cached (library, "DELETE FROM asset_meta WHERE asset_id = ? AND key = ?",
                                      error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, asset_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (!mops_domain_step (library, stmt, NULL, 0, NULL, _("Could not save the asset"), error))
    goto failed;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      stmt = mops_library_prepare_cached (library,
                                          "INSERT INTO asset_meta (asset_id, key, seq, value)"
                                          " VALUES (?, ?, ?, ?)",
                                          error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, asset_id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_text (stmt, 4, values[i], -1, SQLITE_STATIC);
      if (!mops_domain_step (library, stmt, asset, G_N_ELEMENTS (asset), NULL,
                             _("Could not save the asset"), error))
        goto failed;
    }

  if (!mops_db_commit_write (db, nested, error))
    goto failed;

  return TRUE;

failed:
  mops_db_rollback_write (db, nested);
  return FALSE;
}

gboolean
mops_assets_refresh_search_text (MopsLibrary   *library,
                                 const gint64  *asset_ids,
                                 guint          n_assets,
                                 GError       **error)
{
  sqlite3 *db;
  gboolean nested = FALSE;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (asset_ids != NULL || n_assets == 0, FALSE);

  db = mops_library_get_db (library);
  if (!mops_db_begin_write (db, &nested, error))
    return FALSE;

  for (guint i = 0; i < n_assets; i++)
    if (!mops_asset_refresh_search_text (db, asset_ids[i], error))
      {
        mops_db_rollback_write (db, nested);
        return FALSE;
      }

  if (!mops_db_commit_write (db, nested, error))
    {
      mops_db_rollback_write (db, nested);
      return FALSE;
    }

  return TRUE;
}

gboolean
mops_assets_trash (MopsLibrary   *library,
                   const gint64  *asset_ids,
                   guint          n_assets,
                   GError       **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return trash_in_db (mops_library_get_db (library), asset_ids, n_assets, error);
}

gboolean
mops_assets_restore (MopsLibrary   *library,
                     const gint64  *asset_ids,
                     guint          n_assets,
                     GError       **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), FALSE);

  return restore_in_db (mops_library_get_db (library), asset_ids, n_assets, error);
}

/* The edits in a worker ------------------------------------------------------------ */

typedef enum
{
  EDIT_RATING,
  EDIT_COLOR_LABEL,
  EDIT_TRASH,
  EDIT_RESTORE,
  EDIT_TEXT_FIELDS,
} EditKind;

/* One edit for a worker: its own copy of the ids and the values. */
typedef struct
{
  EditKind  kind;
  gint64   *ids;
  guint     n_ids;
  int       rating;
  char     *label;
  char     *title;         /* EDIT_TEXT_FIELDS, of ids[0] */
  char     *description;
  char     *creator;
} EditJob;

static void
edit_job_free (EditJob *job)
{
  g_free (job->ids);
  g_free (job->label);
  g_free (job->title);
  g_free (job->description);
  g_free (job->creator);
  g_free (job);
}

static EditJob *
edit_job_new (EditKind      kind,
              const gint64 *asset_ids,
              guint         n_assets)
{
  EditJob *job = g_new0 (EditJob, 1);

  job->kind = kind;
  job->ids = g_memdup2 (asset_ids, sizeof (gint64) * n_assets);
  job->n_ids = n_assets;
  return job;
}

static gpointer
edit_job (MopsLibrary   *library,
          sqlite3       *db,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  EditJob *job = job_data;
  gboolean done = FALSE;

  switch (job->kind)
    {
    case EDIT_RATING:
      done = set_rating_in_db (db, job->ids, job->n_ids, job->rating, error);
      break;
    case EDIT_COLOR_LABEL:
      done = set_color_label_in_db (db, job->ids, job->n_ids, job->label, error);
      break;
    case EDIT_TRASH:
      done = trash_in_db (db, job->ids, job->n_ids, error);
      break;
    case EDIT_RESTORE:
      done = restore_in_db (db, job->ids, job->n_ids, error);
      break;
    case EDIT_TEXT_FIELDS:
      done = set_text_fields_in_db (db, job->ids[0], job->title, job->description, job->creator, error);
      break;
    default:
      g_assert_not_reached ();
    }

  return done ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
run_edit (MopsLibrary         *library,
          gpointer             source_tag,
          EditJob             *job,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  mops_library_run_job (library, source_tag, edit_job, job, (GDestroyNotify) edit_job_free, NULL,
                        cancellable, callback, user_data);
}

void
mops_assets_set_rating_async (MopsLibrary         *library,
                              const gint64        *asset_ids,
                              guint                n_assets,
                              int                  rating,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  EditJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (asset_ids != NULL || n_assets == 0);

  job = edit_job_new (EDIT_RATING, asset_ids, n_assets);
  job->rating = rating;
  run_edit (library, mops_assets_set_rating_async, job, cancellable, callback, user_data);
}

gboolean
mops_assets_set_rating_finish (MopsLibrary   *library,
                               GAsyncResult  *result,
                               GError       **error)
{
  return mops_library_job_finish (library, result, mops_assets_set_rating_async, error) != NULL;
}

void
mops_assets_set_color_label_async (MopsLibrary         *library,
                                   const gint64        *asset_ids,
                                   guint                n_assets,
                                   const char          *label,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  EditJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (asset_ids != NULL || n_assets == 0);

  job = edit_job_new (EDIT_COLOR_LABEL, asset_ids, n_assets);
  job->label = g_strdup (label);
  run_edit (library, mops_assets_set_color_label_async, job, cancellable, callback, user_data);
}

gboolean
mops_assets_set_color_label_finish (MopsLibrary   *library,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return mops_library_job_finish (library, result, mops_assets_set_color_label_async, error) != NULL;
}

void
mops_assets_trash_async (MopsLibrary         *library,
                         const gint64        *asset_ids,
                         guint                n_assets,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (asset_ids != NULL || n_assets == 0);

  run_edit (library, mops_assets_trash_async, edit_job_new (EDIT_TRASH, asset_ids, n_assets),
            cancellable, callback, user_data);
}

gboolean
mops_assets_trash_finish (MopsLibrary   *library,
                          GAsyncResult  *result,
                          GError       **error)
{
  return mops_library_job_finish (library, result, mops_assets_trash_async, error) != NULL;
}

void
mops_assets_restore_async (MopsLibrary         *library,
                           const gint64        *asset_ids,
                           guint                n_assets,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));
  g_return_if_fail (asset_ids != NULL || n_assets == 0);

  run_edit (library, mops_assets_restore_async, edit_job_new (EDIT_RESTORE, asset_ids, n_assets),
            cancellable, callback, user_data);
}

gboolean
mops_assets_restore_finish (MopsLibrary   *library,
                            GAsyncResult  *result,
                            GError       **error)
{
  return mops_library_job_finish (library, result, mops_assets_restore_async, error) != NULL;
}

void
mops_assets_set_text_fields_async (MopsLibrary         *library,
                                   gint64               asset_id,
                                   const char          *title,
                                   const char          *description,
                                   const char          *creator,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  EditJob *job;

  g_return_if_fail (MOPS_IS_LIBRARY (library));

  job = edit_job_new (EDIT_TEXT_FIELDS, &asset_id, 1);
  job->title = g_strdup (title);
  job->description = g_strdup (description);
  job->creator = g_strdup (creator);
  run_edit (library, mops_assets_set_text_fields_async, job, cancellable, callback, user_data);
}

gboolean
mops_assets_set_text_fields_finish (MopsLibrary   *library,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return mops_library_job_finish (library, result, mops_assets_set_text_fields_async, error) != NULL;
}

static void
trash_kept_free (MopsTrashKept *kept)
{
  g_free (kept->name);
  g_free (kept->used_by);
  g_free (kept);
}

static char *
format_use (guint       kind,
            const char *name)
{
  switch (kind)
    {
    case 0:
      return g_strdup_printf (_("the content item “%s”"), name);
    case 1:
    case 2:
      return g_strdup_printf (_("the brand kit “%s”"), name);
    case 3:
      return g_strdup_printf (_("the licence from “%s”"), name);
    default:
      return g_strdup_printf (_("the expense “%s”"), name);
    }
}

/* Where an asset is still used, for the message; NULL when it is free to delete. */
static char *
describe_use (sqlite3 *db,
              gint64   id)
{
  static const char *uses[] = {
    "SELECT c.title FROM content_assets ca JOIN content_items c ON c.id = ca.content_item_id WHERE ca.asset_id = ?",
    "SELECT k.name FROM kit_items ki JOIN brand_kits k ON k.id = ki.kit_id WHERE ki.asset_id = ?",
    "SELECT k.name FROM kit_fonts kf JOIN brand_kits k ON k.id = kf.kit_id WHERE kf.asset_id = ?",
    "SELECT ifnull(licensor, '') FROM licences WHERE contract_asset_id = ?",
    "SELECT ifnull(vendor, date) FROM expenses WHERE receipt_asset_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = mops_db_prepare (db, uses[i], NULL);

      if (stmt == NULL)
        continue;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return format_use (i, (const char *) sqlite3_column_text (stmt, 0));
    }

  return NULL;
}

/* The viewer's renders (thumbs/view/<sha256>-p<page>-<size>.png) of the assets in @gone. */
static void
remove_view_renders (MopsLibrary *library,
                     GHashTable  *gone)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_hash_table_size (gone) == 0)
    return;

  dir_path = mops_library_build_path (library, "thumbs/view");
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      const char *dash = strchr (name, '-');
      g_autofree char *sha256 = dash != NULL ? g_strndup (name, dash - name) : NULL;

      if (sha256 != NULL && g_hash_table_contains (gone, sha256))
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);

          g_unlink (path);
        }
    }
}

gint64
mops_assets_count_trashed (MopsLibrary *library)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), -1);

  return mops_db_query_int (mops_library_get_db (library),
                            "SELECT count(*) FROM assets WHERE trashed_at IS NOT NULL", NULL);
}

static gint64
empty_trash_in_db (MopsLibrary  *library,
                   sqlite3      *db,
                   GPtrArray   **out_kept,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) trash_kept_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) gone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 deleted = 0;
  int rc;

  if (!mops_db_begin (db, error))
    return -1;

  select = mops_db_prepare (db,
                            "SELECT id, sha256, stored_path, is_reference, coalesce(title, original_name)"
                            " FROM assets WHERE trashed_at IS NOT NULL ORDER BY id",
                            error);
  if (select == NULL)
    goto failed;
  delete = mops_db_prepare (db, "DELETE FROM assets WHERE id = ?", error);
  if (delete == NULL)
    goto failed;

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      g_autofree char *used_by = describe_use (db, id);

      if (used_by != NULL)
        {
          MopsTrashKept *item = g_new0 (MopsTrashKept, 1);

          item->id = id;
          item->name = g_strdup ((const char *) sqlite3_column_text (select, 4));
          item->used_by = g_steal_pointer (&used_by);
          g_ptr_array_add (kept, item);
          continue;
        }

      sqlite3_reset (delete);
      sqlite3_bind_int64 (delete, 1, id);
      if (sqlite3_step (delete) != SQLITE_DONE)
        {
          mops_db_set_error (db, error, _("Could not empty the Trash"));
          goto failed;
        }
      deleted++;

      if (!sqlite3_column_int (select, 3))
        g_ptr_array_add (files, mops_library_build_path (library, (const char *) sqlite3_column_text (select, 2)));
      g_ptr_array_add (files, mops_previews_thumbnail_path (library, (const char *) sqlite3_column_text (select, 1), 256));
      g_ptr_array_add (files, mops_previews_thumbnail_path (library, (const char *) sqlite3_column_text (select, 1), 512));
      g_hash_table_add (gone, g_strdup ((const char *) sqlite3_column_text (select, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (db, error, _("Could not empty the Trash"));
      goto failed;
    }

  if (!mops_db_commit (db, error))
    goto failed;

  /* Files go only once the rows are gone for good. */
  for (guint i = 0; i < files->len; i++)
    g_unlink (g_ptr_array_index (files, i));
  remove_view_renders (library, gone);

  if (out_kept != NULL)
    *out_kept = g_steal_pointer (&kept);
  return deleted;

failed:
  mops_db_rollback (db);
  return -1;
}

gint64
mops_assets_empty_trash (MopsLibrary  *library,
                         GPtrArray   **out_kept,
                         GError      **error)
{
  g_return_val_if_fail (MOPS_IS_LIBRARY (library), -1);

  return empty_trash_in_db (library, mops_library_get_db (library), out_kept, error);
}

typedef struct
{
  gint64     deleted;   /* out */
  GPtrArray *kept;      /* out */
} EmptyTrashJob;

static void
empty_trash_job_free (EmptyTrashJob *job)
{
  g_clear_pointer (&job->kept, g_ptr_array_unref);
  g_free (job);
}

static gpointer
empty_trash_job (MopsLibrary   *library,
                 sqlite3       *db,
                 gpointer       job_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  EmptyTrashJob *job = job_data;

  job->deleted = empty_trash_in_db (library, db, &job->kept, error);
  return job->deleted < 0 ? NULL : GINT_TO_POINTER (TRUE);
}

void
mops_assets_empty_trash_async (MopsLibrary         *library,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (MOPS_IS_LIBRARY (library));

  mops_library_run_job (library, mops_assets_empty_trash_async, empty_trash_job, g_new0 (EmptyTrashJob, 1),
                        (GDestroyNotify) empty_trash_job_free, NULL, cancellable, callback, user_data);
}

gint64
mops_assets_empty_trash_finish (MopsLibrary   *library,
                                GAsyncResult  *result,
                                GPtrArray    **out_kept,
                                GError       **error)
{
  EmptyTrashJob *job = mops_library_job_get_data (result);

  if (mops_library_job_finish (library, result, mops_assets_empty_trash_async, error) == NULL)
    return -1;

  if (out_kept != NULL)
    *out_kept = g_steal_pointer (&job->kept);
  return job->deleted;
}
