/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset.h — one asset row as an object for lists and the inspector */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_ASSET (mops_asset_get_type ())

G_DECLARE_FINAL_TYPE (MopsAsset, mops_asset, MOPS, ASSET, GObject)

/* Loads asset @id through the library's own connection (main thread). NULL with @error
 * (MOPS_ERROR_NOT_FOUND) when there is no such asset. */
MopsAsset  *mops_asset_load              (MopsLibrary  *library,
                                          gint64        id,
                                          GError      **error);

/* The assets of @ids that exist, in no particular order, read in one query. Element type
 * MopsAsset; free with g_ptr_array_unref(). NULL with @error set when the library cannot be
 * read. */
GPtrArray  *mops_asset_load_many         (MopsLibrary   *library,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          GError       **error);

gint64      mops_asset_get_id            (MopsAsset    *self);
const char *mops_asset_get_sha256        (MopsAsset    *self);
const char *mops_asset_get_original_name (MopsAsset    *self);
const char *mops_asset_get_title         (MopsAsset    *self);
/* The title, else the original name: what a person calls it. */
const char *mops_asset_get_display_name  (MopsAsset    *self);
const char *mops_asset_get_description   (MopsAsset    *self);
const char *mops_asset_get_creator       (MopsAsset    *self);
const char *mops_asset_get_mime          (MopsAsset    *self);
goffset     mops_asset_get_size          (MopsAsset    *self);
int         mops_asset_get_width         (MopsAsset    *self);
int         mops_asset_get_height        (MopsAsset    *self);
int         mops_asset_get_page_count    (MopsAsset    *self);
int         mops_asset_get_rating        (MopsAsset    *self);
const char *mops_asset_get_color_label   (MopsAsset    *self);
const char *mops_asset_get_preview_state (MopsAsset    *self);
gint64      mops_asset_get_imported_at   (MopsAsset    *self);

/* The absolute path of the asset's file (inside the library, or where a reference points). */
char       *mops_asset_dup_file_path     (MopsAsset    *self);

G_END_DECLS
