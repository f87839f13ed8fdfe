/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-inspector.h — the asset browser's inspector: preview, name, details and its
 * sections */

#pragma once

#include <gtk/gtk.h>

#include "core/mops-asset.h"
#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_ASSET_INSPECTOR (mops_asset_inspector_get_type ())

G_DECLARE_FINAL_TYPE (MopsAssetInspector, mops_asset_inspector, MOPS, ASSET_INSPECTOR, GtkWidget)

/* Properties: "library" and "textures" (a MopsTextureLoader; both set once, before the first
 * asset), "known-tags" (a GPtrArray of MopsTagInfo, suggested while a tag is typed),
 * "licence-id" (read-only: the licence of the asset shown, 0 for none). Its sections and
 * buttons use the page's actions: assets.view, assets.show-in-folder,
 * assets.add-to-collection, assets.set-text-fields, assets.rate, assets.set-color-label,
 * assets.edit-licence, assets.new-licence, assets.add-tag, assets.remove-tag. */

/* Shows @asset, the first of @n_selected selected assets: the edits made here apply to all
 * of them. */
void    mops_asset_inspector_show           (MopsAssetInspector *self,
                                             MopsAsset          *asset,
                                             guint               n_selected);

/* Saves a title, creator or description typed and not saved yet (before the inspector
 * hides or shows another asset, and when the page leaves its window). */
void    mops_asset_inspector_save_edits     (MopsAssetInspector *self);

/* Texts typed for asset @id that could not be written: shown again in its rows (now, or when
 * it is shown next) as typed and not saved, so that leaving the row saves them again. */
void    mops_asset_inspector_keep_unsaved_text (MopsAssetInspector *self,
                                                gint64              id,
                                                const char         *title,
                                                const char         *description,
                                                const char         *creator);
gint64  mops_asset_inspector_get_licence_id (MopsAssetInspector *self);

G_END_DECLS
