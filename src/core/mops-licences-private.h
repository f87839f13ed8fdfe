/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-licences-private.h — what mops-licences.c and mops-licence-status.c share */

#pragma once

#include "mops-db-private.h"
#include "mops-licences.h"

G_BEGIN_DECLS

/* Calendar dates as day numbers (days since 1970-01-01), so the status rules are integer
 * comparisons. Open ends sit beyond every real date. */
#define MOPS_DAY_OPEN_START G_MININT32
#define MOPS_DAY_OPEN_END   G_MAXINT32
#define MOPS_DAY_INVALID    (G_MININT32 + 1)

/* The day number of "YYYY-MM-DD" (no validation beyond the shape: the schema checks dates),
 * or MOPS_DAY_INVALID. NULL gives @open. */
gint32   mops_licence_day_from_text  (const char  *text,
                                      gint32       open);

gint32   mops_licence_day_from_date  (const GDate *date);

/* expiry_warning_days from the settings table of @db, else the default. */
int      mops_licences_read_warning_days (sqlite3 *db);

/* mops_licences_create() on any connection, inside a transaction the caller holds (core
 * workers such as the previews, which pre-fill licences from file metadata): the same checks
 * and writes, no BEGIN/COMMIT. On failure returns 0 with @error set; the caller rolls back. */
gint64       mops_licences_create_in_transaction (sqlite3            *db,
                                                  const MopsLicence  *licence,
                                                  const gint64       *asset_ids,
                                                  guint               n_assets,
                                                  GError            **error);

/* mops_licences_attach() inside a transaction the caller holds, on any connection: the same
 * checks, no BEGIN/COMMIT; the caller rolls back on failure. */
gboolean     mops_licences_attach_in_transaction (sqlite3            *db,
                                                  gint64              licence_id,
                                                  const gint64       *asset_ids,
                                                  guint               n_assets,
                                                  GError            **error);

/* mops_licences_status_for_asset() on any connection (core workers on their own
 * connection). @within negative reads expiry_warning_days from the connection's settings. */
gboolean     mops_licences_status_for_asset_in_db (sqlite3          *db,
                                                   gint64            asset_id,
                                                   const GDate      *date,
                                                   int               within,
                                                   MopsLicenceRow   *out_row,
                                                   GError          **error);

/* mops_licences_list_rows() on any connection (core workers on their own connection).
 * @within negative reads expiry_warning_days from the connection's settings table. */
GPtrArray   *mops_licences_list_rows_in_db  (sqlite3            *db,
                                             const GDate        *date,
                                             int                 within,
                                             MopsLicenceStatus   filter_status,
                                             GError            **error);

/* The ids (gint64, ascending) of the assets whose status on @date (NULL = today) is one of
 * @status_mask's bits (1 << MopsLicenceStatus), for filters such as search's `--licence
 * STATUS`; records and trashed assets never match. @within negative reads the setting from
 * @db. Same cost as the listing without building rows. Free with g_array_unref(). */
GArray      *mops_licences_assets_with_status_in_db (sqlite3          *db,
                                                     guint             status_mask,
                                                     const GDate      *date,
                                                     int               within,
                                                     GError          **error);

/* mops_licences_check_content_item() on any connection (core workers on their own). */
GPtrArray   *mops_licences_check_content_item_in_db (sqlite3          *db,
                                                     gint64            content_item_id,
                                                     const GDate      *date,
                                                     GError          **error);

G_END_DECLS
