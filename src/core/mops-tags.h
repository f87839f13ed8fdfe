/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-tags.h — hierarchical tags ("Brand/Logos/Mono") and their links to assets */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"

G_BEGIN_DECLS

/* One tag as the sidebar shows it. */
typedef struct
{
  gint64  id;
  gint64  parent_id;     /* 0 at the top level */
  char   *name;          /* this level only: "Mono" */
  char   *path;          /* escaped full path: "Brand/Logos/Mono" */
  guint   depth;         /* 0 at the top level */
  gint64  asset_count;   /* assets tagged with this tag or a descendant, trash left out */
} MopsTagInfo;

void mops_tag_info_free (MopsTagInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsTagInfo, mops_tag_info_free)

/* Splits a tag path on "/" ("\/" is a literal slash, "\\" a backslash); each part is trimmed
 * and NFC-normalised. An empty path or part is a MOPS_ERROR_INVALID error. */
GStrv      mops_tag_path_split          (const char          *path,
                                         GError             **error);

/* The inverse of mops_tag_path_split(): escapes "\" and "/" in each part. */
char      *mops_tag_path_join           (const char * const  *parts);

/* The id of the tag at @path, 0 when there is none (not an error), -1 on error. */
gint64     mops_tags_lookup             (MopsLibrary         *library,
                                         const char          *path,
                                         GError             **error);

/* Tags the assets with @path (created if missing). Every id is checked first: an unknown id is
 * MOPS_ERROR_NOT_FOUND and nothing changes. One transaction. */
gboolean   mops_tags_add_to_assets      (MopsLibrary         *library,
                                         const char          *path,
                                         const gint64        *asset_ids,
                                         guint                n_assets,
                                         GError             **error);

/* Removes exactly the tag at @path (not its descendants) from the assets. */
gboolean   mops_tags_remove_from_assets (MopsLibrary         *library,
                                         const char          *path,
                                         const gint64        *asset_ids,
                                         guint                n_assets,
                                         GError             **error);

/* The two above in a worker on its own connection (tagging 100,000 assets rewrites their
 * search text): the same checks and errors, from _finish(). @path and the ids are copied. */
void       mops_tags_add_to_assets_async       (MopsLibrary          *library,
                                                const char           *path,
                                                const gint64         *asset_ids,
                                                guint                 n_assets,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean   mops_tags_add_to_assets_finish      (MopsLibrary          *library,
                                                GAsyncResult         *result,
                                                GError              **error);
void       mops_tags_remove_from_assets_async  (MopsLibrary          *library,
                                                const char           *path,
                                                const gint64         *asset_ids,
                                                guint                 n_assets,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean   mops_tags_remove_from_assets_finish (MopsLibrary          *library,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Renames one level of a tag. A sibling with that name already existing is
 * MOPS_ERROR_INVALID: merge instead. */
gboolean   mops_tags_rename             (MopsLibrary         *library,
                                         gint64               tag_id,
                                         const char          *new_name,
                                         GError             **error);

/* Moves every asset and child tag of @from_id into @into_id, then deletes @from_id. Children
 * with the same name merge recursively. Merging a tag into its own descendant is refused. */
gboolean   mops_tags_merge              (MopsLibrary         *library,
                                         gint64               from_id,
                                         gint64               into_id,
                                         GError             **error);

/* Every tag, depth-first in name order (a tree flattened for a list). Element type
 * MopsTagInfo. */
GPtrArray *mops_tags_list               (MopsLibrary         *library,
                                         GError             **error);

/* mops_tags_list() in a worker on its own connection (the sidebar's tag tree at start-up). */
void       mops_tags_list_async         (MopsLibrary         *library,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GPtrArray *mops_tags_list_finish        (MopsLibrary         *library,
                                         GAsyncResult        *result,
                                         GError             **error);

/* The escaped paths of the tags of one asset, sorted. */
GStrv      mops_tags_for_asset          (MopsLibrary         *library,
                                         gint64               asset_id,
                                         GError             **error);

/* The keywords an asset's file carries (IPTC/XMP, stored as asset_meta "keywords") that are
 * not yet among its tags — neither a tag's whole path nor its last part, compared
 * case-insensitively — in the file's order, without repeats. Offered as tags, never added
 * unasked. */
GStrv      mops_tags_suggest_from_keywords (MopsLibrary      *library,
                                            gint64            asset_id,
                                            GError          **error);

G_END_DECLS
