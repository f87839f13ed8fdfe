/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-tile.h — one tile of the asset grid: thumbnail, type icon, licence badge, name */

#pragma once

#include <gtk/gtk.h>

#include "core/mops-asset.h"

G_BEGIN_DECLS

/* The licence badge in a tile's corner: the states that need a person's attention. */
typedef enum
{
  MOPS_ASSET_BADGE_NONE,
  MOPS_ASSET_BADGE_EXPIRED,
  MOPS_ASSET_BADGE_EXPIRING,
  MOPS_ASSET_BADGE_MISSING,
  MOPS_ASSET_BADGE_PENDING,
  MOPS_ASSET_BADGE_TO_CONFIRM,
} MopsAssetBadge;

/* The badge for an asset's licence attention (MopsLicenceStatus, with
 * MOPS_LICENCE_ATTENTION_TO_CONFIRM), as mops_licences_list_attention_async() gives it. */
MopsAssetBadge mops_asset_badge_for_attention (guint attention);

#define MOPS_TYPE_ASSET_TILE (mops_asset_tile_get_type ())

G_DECLARE_FINAL_TYPE (MopsAssetTile, mops_asset_tile, MOPS, ASSET_TILE, GtkWidget)

/* A tile whose thumbnail box is @size pixels wide (3/4 of that high). */
GtkWidget     *mops_asset_tile_new               (int             size);

/* Shows @asset's name (also the tile's accessible label). Its type icon stands in for the
 * thumbnail when mops_asset_tile_set_has_thumbnail() says there is none: call it next. */
void           mops_asset_tile_set_asset         (MopsAssetTile  *self,
                                                  MopsAsset      *asset);

/* The id of the asset shown, 0 before the first one. */
gint64         mops_asset_tile_get_asset_id      (MopsAssetTile  *self);

/* The picture the thumbnail goes into (see MopsTextureLoader). */
GtkPicture    *mops_asset_tile_get_picture       (MopsAssetTile  *self);

/* Hides the type icon when the picture has (or will have) the thumbnail. */
void           mops_asset_tile_set_has_thumbnail (MopsAssetTile  *self,
                                                  gboolean        has_thumbnail);

/* Shows @badge (none hides it); its text is the tooltip and the accessible label. */
void           mops_asset_tile_set_badge         (MopsAssetTile  *self,
                                                  MopsAssetBadge  badge);

G_END_DECLS
