/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-search-index-private.h — loading and updating the index on a given connection */

#pragma once

#include <sqlite3.h>

#include "mops-db-private.h"
#include "mops-search-index.h"

G_BEGIN_DECLS

/* Reads every asset and tag through @db (a worker may load it on its own connection). */
MopsSearchIndex *mops_search_index_load_in_db    (sqlite3               *db,
                                                  GError               **error);

/* Re-reads the rows of @ids (added, edited, trashed or deleted) and the tag tree. */
gboolean         mops_search_index_update_in_db  (MopsSearchIndex       *self,
                                                  sqlite3               *db,
                                                  const gint64          *ids,
                                                  guint                  n_ids,
                                                  GError               **error);

G_END_DECLS
