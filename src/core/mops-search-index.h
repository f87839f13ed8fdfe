/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-search-index.h — the asset search held in memory, for the app's as-you-type search */

#pragma once

#include <gio/gio.h>

#include "mops-library.h"
#include "mops-search.h"

G_BEGIN_DECLS

/* What the app searches while a person types. mops_search_assets() answers the same
 * MopsSearchQuery from SQL (the CLI's path); this keeps each asset's folded text, type, rating,
 * label, dates, size and tags in memory (about 150 bytes an asset), with one precomputed order
 * per sort, so a query is one pass over memory: a few milliseconds for 100,000 assets where
 * SQLite needs tens. Both answer alike; the tests hold them to it. */
typedef struct _MopsSearchIndex MopsSearchIndex;

void             mops_search_index_free    (MopsSearchIndex       *self);

/* The number of assets in the index, trashed and records included. */
guint            mops_search_index_get_size (MopsSearchIndex      *self);

/* The ids matching @query, in its order, like mops_search_assets(). */
GArray          *mops_search_index_query   (MopsSearchIndex       *self,
                                            const MopsSearchQuery *query);

/* The whole library's index, read in a worker on its own connection (about 300 ms for
 * 100,000 assets). */
void             mops_search_index_load_async  (MopsLibrary          *library,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
MopsSearchIndex *mops_search_index_load_finish (MopsLibrary          *library,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Reads assets @ids again (they changed, arrived or went) from the library's own
 * connection; a few rows, after an edit. */
gboolean         mops_search_index_update  (MopsSearchIndex       *self,
                                            MopsLibrary           *library,
                                            const gint64          *ids,
                                            guint                  n_ids,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MopsSearchIndex, mops_search_index_free)

G_END_DECLS
