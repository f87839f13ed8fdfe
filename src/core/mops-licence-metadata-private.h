/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licence-metadata-private.h — pre-filled licences written inside a caller's transaction */

#pragma once

#include <sqlite3.h>

#include "mops-db-private.h"
#include "mops-licence-metadata.h"

G_BEGIN_DECLS

/* For the previews, after they stored asset @asset_id's metadata, inside the transaction the
 * caller holds on @db: when the asset is a plain asset (not a record, not trashed) with no
 * licence at all, no licence was pre-filled for it before (MOPS_LICENCE_METADATA_MARKER), and
 * its stored metadata describes a licence, links it to that licence — an unconfirmed one
 * pre-filled for another file with the same licensor, kind, licence ID and dates (one agency
 * agreement, many files), else a new one — and records the marker. *@out_licence_id (may be
 * NULL) gets the licence id, 0 when nothing was done. FALSE only when the database fails (the
 * caller rolls back). */
gboolean     mops_licence_metadata_apply_in_transaction (sqlite3  *db,
                                                         gint64    asset_id,
                                                         gint64   *out_licence_id,
                                                         GError  **error);

G_END_DECLS
