/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-selection.h — multiple selection over a MopsAssetList, kept as asset ids */

#pragma once

#include <gtk/gtk.h>

#include "core/mops-asset-list.h"

G_BEGIN_DECLS

#define MOPS_TYPE_ASSET_SELECTION (mops_asset_selection_get_type ())

G_DECLARE_FINAL_TYPE (MopsAssetSelection, mops_asset_selection, MOPS, ASSET_SELECTION, GObject)

/* A GtkSelectionModel that selects any number of @list's assets. GtkMultiSelection keeps a
 * reference to every selected item, so selecting 100,000 assets would load 100,000 of them;
 * this one keeps their ids, and reads an asset only when a view shows it. Like
 * GtkMultiSelection, an asset stays selected when the list is refilled around it (a search
 * narrowed, then cleared). */
MopsAssetSelection *mops_asset_selection_new (MopsAssetList *list);

/* Unselects the assets the list does not show now (a new search or filter hid them), so
 * that they do not come back selected when it is cleared. Emits nothing: none of them is
 * shown. */
void                mops_asset_selection_forget_hidden (MopsAssetSelection *self);

G_END_DECLS
