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

/* The collection called @name — compared folded (NFKC + case fold: "press kit" is "Press
 * kit") — created when there is none. Returns its id, or 0. */
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

/* Adds a collection with a description (NULL = none), made at @created_at (Unix seconds;
 * 0 = now), for imports and the demo library. Names need not be unique:
 * mops_collections_ensure() finds the first one by name. Returns the new id, or 0. */
gint64      mops_collections_add           (MopsLibrary   *library,
                                            const char    *name,
                                            const char    *description,
                                            gint64         created_at,
                                            GError       **error);

/* Puts asset @asset_id into collection @collection_id at @position (members are listed by
 * position, then id), added at @added_at (0 = now): the order and dates of a collection made
 * elsewhere. An asset already in the collection is MOPS_ERROR_EXISTS, an unknown collection
 * or asset MOPS_ERROR_NOT_FOUND. */
gboolean    mops_collections_insert_asset  (MopsLibrary   *library,
                                            gint64         collection_id,
                                            gint64         asset_id,
                                            int            position,
                                            gint64         added_at,
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
/* Adds a saved search made at @created_at (0 = now). Unlike mops_saved_searches_save(), a
 * name already saved is MOPS_ERROR_EXISTS and stays as it was. @filters must be a JSON object
 * or NULL. Returns the new id, or 0 with @error set. */
gint64      mops_saved_searches_add        (MopsLibrary   *library,
                                            const char    *name,
                                            const char    *query,
                                            const char    *filters,
                                            gint64         created_at,
                                            GError       **error);

/* The id of the saved search called exactly @name; 0 when none, -1 with @error on a read
 * error. */
gint64      mops_saved_searches_lookup     (MopsLibrary   *library,
                                            const char    *name,
                                            GError       **error);

gboolean    mops_saved_searches_delete     (MopsLibrary   *library,
                                            gint64         id,
                                            GError       **error);

G_END_DECLS
