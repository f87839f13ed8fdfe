/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset.c — one asset row as an object for lists and the inspector */

#include "config.h"

#define G_LOG_DOMAIN "mops-asset"

#include <glib/gi18n-lib.h>

#include "mops-asset.h"
#include "mops-db.h"
#include "mops-error.h"

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

MopsAsset *
mops_asset_load (MopsLibrary  *library,
                 gint64        id,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  MopsAsset *self;
  int rc;

  g_return_val_if_fail (MOPS_IS_LIBRARY (library), NULL);

  stmt = mops_db_prepare (mops_library_get_db (library),
                          "SELECT sha256, stored_path, is_reference, original_name, mime, size,"
                          " ifnull(width, 0), ifnull(height, 0), ifnull(page_count, 0), title,"
                          " description, creator, rating, color_label, preview_state,"
                          " ifnull(created_at, 0), imported_at, ifnull(trashed_at, 0)"
                          " FROM assets WHERE id = ?",
                          error);
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

  self = g_object_new (MOPS_TYPE_ASSET, NULL);
  self->library = g_object_ref (library);
  self->id = id;
  self->sha256 = dup_column (stmt, 0);
  self->stored_path = dup_column (stmt, 1);
  self->is_reference = sqlite3_column_int (stmt, 2) != 0;
  self->original_name = dup_column (stmt, 3);
  self->mime = dup_column (stmt, 4);
  self->size = sqlite3_column_int64 (stmt, 5);
  self->width = sqlite3_column_int (stmt, 6);
  self->height = sqlite3_column_int (stmt, 7);
  self->page_count = sqlite3_column_int (stmt, 8);
  self->title = dup_column (stmt, 9);
  self->description = dup_column (stmt, 10);
  self->creator = dup_column (stmt, 11);
  self->rating = sqlite3_column_int (stmt, 12);
  self->color_label = dup_column (stmt, 13);
  self->preview_state = dup_column (stmt, 14);
  self->created_at = sqlite3_column_int64 (stmt, 15);
  self->imported_at = sqlite3_column_int64 (stmt, 16);
  self->trashed_at = sqlite3_column_int64 (stmt, 17);

  return self;
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

gint64
mops_asset_get_created_at (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), 0);
  return self->created_at;
}

gint64
mops_asset_get_trashed_at (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), 0);
  return self->trashed_at;
}

gboolean
mops_asset_is_reference (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), FALSE);
  return self->is_reference;
}

char *
mops_asset_dup_file_path (MopsAsset *self)
{
  g_return_val_if_fail (MOPS_IS_ASSET (self), NULL);

  if (self->is_reference)
    return g_strdup (self->stored_path);

  return mops_library_build_path (self->library, self->stored_path);
}
