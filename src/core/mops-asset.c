/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset.c — one asset row as an object for lists and the inspector */

#include "config.h"

#define G_LOG_DOMAIN "mops-asset"

#include <glib/gi18n-lib.h>

#include "mops-asset.h"
#include "mops-db-private.h"
#include "mops-error.h"
#include "mops-library-private.h"

struct _MopsAsset
{
  GObject      parent_instance;

  MopsLibrary *library;
  gint64       id;
  char        *sha256;
  char        *stored_path;
  gboolean     is_reference;
  char        *original_name;
  char        *mime;
  goffset      size;
  int          width;
  int          height;
  int          page_count;
  char        *title;
  char        *description;
  char        *creator;
  int          rating;
  char        *color_label;
  char        *preview_state;
  gint64       created_at;
  gint64       imported_at;
  gint64       trashed_at;
};

G_DEFINE_FINAL_TYPE (MopsAsset, mops_asset, G_TYPE_OBJECT)

static void
mops_asset_finalize (GObject *object)
{
  MopsAsset *self = (MopsAsset *) object;

  g_clear_object (&self->library);
  g_free (self->sha256);
  g_free (self->stored_path);
  g_free (self->original_name);
  g_free (self->mime);
  g_free (self->title);
  g_free (self->description);
  g_free (self->creator);
  g_free (self->color_label);
  g_free (self->preview_state);

  G_OBJECT_CLASS (mops_asset_parent_class)->finalize (object);
}

static void
mops_asset_class_init (MopsAssetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mops_asset_finalize;
}

static void
mops_asset_init (MopsAsset *self)
{
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

#define ASSET_COLUMNS \
  "id, sha256, stored_path, is_reference, original_name, mime, size, ifnull(width, 0)," \
  " ifnull(height, 0), ifnull(page_count, 0), title, description, creator, rating, color_label," \
  " preview_state, ifnull(created_at, 0), imported_at, ifnull(trashed_at, 0)"

/* An asset from a row of ASSET_COLUMNS. */
static MopsAsset *
asset_from_row (MopsLibrary  *library,
                sqlite3_stmt *stmt)
{
  MopsAsset *self = g_object_new (MOPS_TYPE_ASSET, NULL);

  self->library = g_object_ref (library);
  self->id = sqlite3_column_int64 (stmt, 0);
  self->sha256 = dup_column (stmt, 1);
  self->stored_path = dup_column (stmt, 2);
  self->is_reference = sqlite3_column_int (stmt, 3) != 0;
  self->original_name = dup_column (stmt, 4);
  self->mime = dup_column (stmt, 5);
  self->size = sqlite3_column_int64 (stmt, 6);
  self->width = sqlite3_column_int (stmt, 7);
  self->height = sqlite3_column_int (stmt, 8);
  self->page_count = sqlite3_column_int (stmt, 9);
  self->title = dup_column (stmt, 10);
  self->description = dup_column (stmt, 11);
  self->creator = dup_column (stmt, 12);
  self->rating = sqlite3_column_int (stmt, 13);
  self->color_label = dup_column (stmt, 14);
  self->preview_state = dup_column (stmt, 15);
  self->created_at = sqlite3_column_int64 (stmt, 16);
  self->imported_at = sqlite3_column_int64 (stmt, 17);
  self->trashed_at = sqlite3_column_int64 (stmt, 18);

  return self;
}

MopsAsset *
mops_asset_load (MopsLibrary  *library,
                 gint64        id,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  stmt = mops_db_prepare (mops_library_get_db (library),
                          "SELECT " ASSET_COLUMNS " FROM assets WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, MOPS_ERROR, MOPS_ERROR_NOT_FOUND, _("There is no asset with id %s"), number);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      mops_db_set_error (mops_library_get_db (library), error, _("Could not read the library"));
      return NULL;
    }

  return asset_from_row (library, stmt);
}

GPtrArray *
mops_asset_load_many (MopsLibrary   *library,
                      const gint64  *ids,
                      guint          n_ids,
                      GError       **error)
{
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *json = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (n_ids == 0)
    return g_steal_pointer (&assets);

  /* One statement for the lot: the ids as a JSON array. */
  json = mops_db_ids_to_json (ids, n_ids);

  stmt = mops_db_prepare (mops_library_get_db (library),
                          "SELECT " ASSET_COLUMNS " FROM assets"
                          " WHERE id IN (SELECT value FROM json_each (?))", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (assets, asset_from_row (library, stmt));

  if (rc != SQLITE_DONE)
    {
      mops_db_set_error (mops_library_get_db (library), error, _("Could not read the library"));
      return NULL;
    }

  return g_steal_pointer (&assets);
}

gint64
mops_asset_get_id (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), 0);
  return self->id;
}

const char *
mops_asset_get_sha256 (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), NULL);
  return self->sha256;
}

const char *
mops_asset_get_original_name (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), NULL);
  return self->original_name;
}

const char *
mops_asset_get_title (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), NULL);
  return self->title;
}

const char *
mops_asset_get_display_name (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), NULL);
  return self->title != NULL && *self->title != '\0' ? self->title : self->original_name;
}

const char *
mops_asset_get_description (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), NULL);
  return self->description;
}

const char *
mops_asset_get_creator (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), NULL);
  return self->creator;
}

const char *
mops_asset_get_mime (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), NULL);
  return self->mime;
}

goffset
mops_asset_get_size (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), 0);
  return self->size;
}

int
mops_asset_get_width (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), 0);
  return self->width;
}

int
mops_asset_get_height (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), 0);
  return self->height;
}

int
mops_asset_get_page_count (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), 0);
  return self->page_count;
}

int
mops_asset_get_rating (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), 0);
  return self->rating;
}

const char *
mops_asset_get_color_label (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), NULL);
  return self->color_label;
}

const char *
mops_asset_get_preview_state (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), NULL);
  return self->preview_state;
}

gint64
mops_asset_get_imported_at (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), 0);
  return self->imported_at;
}

char *
mops_asset_dup_file_path (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), NULL);

  if (self->is_reference)
    return g_strdup (self->stored_path);

  return mops_library_build_path (self->library, self->stored_path);
}
