/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-grid.h — the asset browser's thumbnail grid: tiles, their badges and thumbnails */

#pragma once

#include <gtk/gtk.h>

#include "core/mops-library.h"
#include "ui/widgets/mops-texture-loader.h"

G_BEGIN_DECLS

#define MOPS_TYPE_ASSET_GRID (mops_asset_grid_get_type ())

G_DECLARE_FINAL_TYPE (MopsAssetGrid, mops_asset_grid, MOPS, ASSET_GRID, GtkWidget)

/* Properties: "library" and "textures" (where thumbnails are, and the loader that decodes
 * them; set before the grid gets a model), "model" (a GtkSelectionModel of MopsAsset), "tile-size" (the
 * thumbnail box's width in pixels), "show-badges" (FALSE in the Trash). Signal "activate"
 * (guint position): a tile was double-clicked, or Enter or Space pressed on it (Space: the
 * first selected tile). */

/* Sets every asset's licence attention (asset id → MopsLicenceAttention, as
 * mops_licences_list_attention_finish() gives it; the grid takes a reference), for the
 * badges; the tiles on screen change at once. NULL: no badges. */
void   mops_asset_grid_set_attention         (MopsAssetGrid *self,
                                              GHashTable    *attention);

/* How many tiles fit side by side in @width pixels, one more for a partial one. */
guint  mops_asset_grid_columns_for_width     (MopsAssetGrid *self,
                                              double         width);

/* The width to plan columns for until the grid has one of its own (the window's remembered
 * width less the sidebar). */
void   mops_asset_grid_set_width_hint        (MopsAssetGrid *self,
                                              int            width);

/* Shows the first row (after a new sort order or filter). */
void   mops_asset_grid_scroll_to_top         (MopsAssetGrid *self);

/* Brings the first selected tile into view (after the grid reflowed around it). */
void   mops_asset_grid_scroll_to_selection   (MopsAssetGrid *self);

G_END_DECLS
