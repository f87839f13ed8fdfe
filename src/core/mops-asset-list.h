/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-list.h — a GListModel of asset ids that makes MopsAsset items on demand */

#pragma once

#include <gio/gio.h>

#include "mops-asset.h"
#include "mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_ASSET_LIST (mops_asset_list_get_type ())

G_DECLARE_FINAL_TYPE (MopsAssetList, mops_asset_list, MOPS, ASSET_LIST, GObject)

/* An empty list over @library. Items are MopsAsset, loaded when a view asks for them and kept
 * in a small cache, so 100,000 assets cost 100,000 ids, not objects. Main thread only. */
MopsAssetList *mops_asset_list_new         (MopsLibrary   *library);

/* Replaces the contents with @ids (e.g. from mops_search_assets()), announcing only the rows
 * between what the old and new lists start and end with (in two items-changed, "gone" then
 * "new", when very many rows come in). Items already made are kept: an edit is announced
 * with mops_asset_list_invalidate_many(). */
void           mops_asset_list_set_ids     (MopsAssetList *self,
                                            GArray        *ids);

/* When the current ids are the start of @ids (a first screen, then the whole result),
 * appends the rest with one items-changed for the new tail only, keeping the rows already
 * made, and returns TRUE; otherwise changes nothing and returns FALSE. */
gboolean       mops_asset_list_extend      (MopsAssetList *self,
                                            GArray        *ids);

/* The id at @position, 0 when out of range. */
gint64         mops_asset_list_get_id      (MopsAssetList *self,
                                            guint          position);

/* The position of @id, or G_MAXUINT. */
guint          mops_asset_list_find        (MopsAssetList *self,
                                            gint64         id);

/* Reloads asset @id (after an edit): its row is read again and views redraw it. */
void           mops_asset_list_invalidate  (MopsAssetList *self,
                                            gint64         id);

/* After many assets were edited: those a view may show are read again and redrawn (one
 * items-changed per run of rows); the others are read fresh when next asked for. */
void           mops_asset_list_invalidate_many (MopsAssetList *self,
                                                const gint64  *ids,
                                                guint          n_ids);

G_END_DECLS
