/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-export-private.h — the export on a worker's own connection, for core and tests */

#pragma once

#include <sqlite3.h>

#include "mops-db-private.h"
#include "mops-export.h"

G_BEGIN_DECLS

/* mops_export_asset_copy_async()'s work, reading through @db, the calling thread's
 * connection. */
gboolean mops_export_asset_copy_in_db (MopsLibrary  *library,
                                       sqlite3      *db,
                                       gint64        asset_id,
                                       const char   *dest_path,
                                       char        **out_sidecar,
                                       GError      **error);

G_END_DECLS
