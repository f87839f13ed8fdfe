/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-assets-sidebar.h — the asset browser's sidebar: library, Trash, collections, saved
 * searches, tags */

#pragma once

#include <gtk/gtk.h>

#include "core/mops-library.h"
#include "core/mops-tags.h"

G_BEGIN_DECLS

/* What a sidebar row stands for. */
typedef enum
{
  MOPS_ASSETS_SIDEBAR_ALL,
  MOPS_ASSETS_SIDEBAR_TRASH,
  MOPS_ASSETS_SIDEBAR_COLLECTION,
  MOPS_ASSETS_SIDEBAR_SAVED_SEARCH,
  MOPS_ASSETS_SIDEBAR_TAG,
} MopsAssetsSidebarKind;

#define MOPS_TYPE_ASSETS_SIDEBAR (mops_assets_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (MopsAssetsSidebar, mops_assets_sidebar, MOPS, ASSETS_SIDEBAR, GtkWidget)

/* Signal "selected" (guint MopsAssetsSidebarKind, gint64 id of the collection or saved
 * search, const char *tag path): a person picked a row (a reload that keeps the row says
 * nothing). Properties: "library" (set once, before the first reload), "tags" (read-only
 * GPtrArray of MopsTagInfo: the tag tree shown, NULL until it is read). A right-click on a
 * tag offers assets.rename-tag and assets.merge-tag with the tag's id. */

/* Reads the Trash count, the collections, the saved searches and the tags again. The row
 * selected stays selected when it is still there, else "All Assets" is. */
void          mops_assets_sidebar_reload           (MopsAssetsSidebar *self);

/* The same with @tags (transfer full) read by a worker, or NULL to leave the Tags section
 * out until they are there. */
void          mops_assets_sidebar_reload_with_tags (MopsAssetsSidebar *self,
                                                    GPtrArray         *tags);

/* Selects "All Assets", emitting "selected" when that changes the selection. */
void          mops_assets_sidebar_select_all       (MopsAssetsSidebar *self);

/* Emits "selected" for the row selected now (after its tag was renamed, say). */
void          mops_assets_sidebar_reselect         (MopsAssetsSidebar *self);

/* The tag with @id in the tree shown, or NULL. */
MopsTagInfo  *mops_assets_sidebar_find_tag         (MopsAssetsSidebar *self,
                                                    gint64             id);

G_END_DECLS
