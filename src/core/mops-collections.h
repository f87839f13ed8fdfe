/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-collections.h — manual collections of assets, and saved searches */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *name;
  gint64  asset_count;   /* members outside the Trash */
} MopsCollectionInfo;

typedef struct
{
  gint64  id;
  char   *name;
  char   *query;         /* the search text, "" for none */
  char   *filters;       /* JSON object or NULL: {"type":[…],"tag":[…],"licence":"expiring",
                          * "rating":3,"label":"red"} */
} MopsSavedSearch;

void        mops_collection_info_free      (MopsCollectionInfo *info);
void        mops_saved_search_free         (MopsSavedSearch    *search);

/* Every collection in name order (element type MopsCollectionInfo). */
GPtrArray  *mops_collections_list          (MopsLibrary   *library,
                                            GError       **error);

/* The collection called @name, created when there is none. Returns its id, or 0. */
gint64      mops_collections_ensure        (MopsLibrary   *library,
                                            const char    *name,
                                            GError       **error);

/* Adds (idempotent) or removes assets; every id is checked first, one transaction. */
gboolean    mops_collections_add_assets    (MopsLibrary   *library,
                                            gint64         collection_id,
                                            const gint64  *asset_ids,
                                            guint          n_assets,
                                            GError       **error);
gboolean    mops_collections_remove_assets (MopsLibrary   *library,
                                            gint64         collection_id,
                                            const gint64  *asset_ids,
                                            guint          n_assets,
                                            GError       **error);

/* The two above in a worker on its own connection (adding 100,000 assets checks each one):
 * the same checks and errors, from _finish(). The ids are copied. */
void        mops_collections_add_assets_async     (MopsLibrary          *library,
                                                   gint64                collection_id,
                                                   const gint64         *asset_ids,
                                                   guint                 n_assets,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    mops_collections_add_assets_finish    (MopsLibrary          *library,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void        mops_collections_remove_assets_async  (MopsLibrary          *library,
                                                   gint64                collection_id,
                                                   const gint64         *asset_ids,
                                                   guint                 n_assets,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    mops_collections_remove_assets_finish (MopsLibrary          *library,
                                                   GAsyncResult         *result,
                                                   GError              **error);

gboolean    mops_collections_rename        (MopsLibrary   *library,
                                            gint64         collection_id,
                                            const char    *name,
                                            GError       **error);
gboolean    mops_collections_delete        (MopsLibrary   *library,
                                            gint64         collection_id,
                                            GError       **error);

/* The member ids in the order they were added. */
GArray     *mops_collections_get_asset_ids (MopsLibrary   *library,
                                            gint64         collection_id,
                                            GError       **error);

/* Saved searches in name order (element type MopsSavedSearch). */
GPtrArray  *mops_saved_searches_list       (MopsLibrary   *library,
                                            GError       **error);

/* Saves (or replaces, by name) a search; @filters must be a JSON object or NULL. */
gint64      mops_saved_searches_save       (MopsLibrary   *library,
                                            const char    *name,
                                            const char    *query,
                                            const char    *filters,
                                            GError       **error);
gboolean    mops_saved_searches_delete     (MopsLibrary   *library,
                                            gint64         id,
                                            GError       **error);

G_END_DECLS
