/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-tags-private.h — tags on a given connection, inside a caller's transaction */

#pragma once

#include <sqlite3.h>

#include "mops-db-private.h"
#include "mops-tags.h"

G_BEGIN_DECLS

/* For core workers on their own connection: tags the assets with @path (created if missing)
 * and refreshes their search text, inside a transaction the caller holds. The ids must
 * exist. */
gboolean   mops_tags_link_in_transaction (sqlite3            *db,
                                          const char         *path,
                                          const gint64       *asset_ids,
                                          guint               n_assets,
                                          GError            **error);

/* The same on any connection (a worker's own). */
GPtrArray *mops_tags_list_in_db         (sqlite3             *db,
                                         GError             **error);

G_END_DECLS
