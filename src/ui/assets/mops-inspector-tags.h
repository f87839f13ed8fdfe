/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-inspector-tags.h — the asset inspector's tags, the file's keywords as tags,
 * suggestions while typing */

#pragma once

#include <gtk/gtk.h>

#include "core/mops-library.h"

G_BEGIN_DECLS

#define MOPS_TYPE_INSPECTOR_TAGS (mops_inspector_tags_get_type ())

G_DECLARE_FINAL_TYPE (MopsInspectorTags, mops_inspector_tags, MOPS, INSPECTOR_TAGS, GtkWidget)

/* Properties: "library" (set once, before the first asset), "known-tags" (a GPtrArray of
 * MopsTagInfo: the library's tags, suggested as a person types). Adding a tag (typed,
 * suggested, or one of the file's keywords) activates assets.add-tag with its path;
 * removing one, assets.remove-tag. */

/* Reads and shows asset @asset_id's tags and the keywords its file carries that are not
 * tags yet. */
void mops_inspector_tags_show (MopsInspectorTags *self,
                               gint64             asset_id);

G_END_DECLS
