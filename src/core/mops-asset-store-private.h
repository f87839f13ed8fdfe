/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mops-asset-store-private.h — the steps of storing a file, shared by single adds and imports */

#pragma once

#include "mops-asset-store.h"
#include "mops-db-private.h"

G_BEGIN_DECLS

#define MOPS_ASSET_SNIFF_SIZE 4096

/* Reads @src_fd to its end, hashing with SHA-256; with @staging set, also writes a copy there
 * and returns its path (else returns an empty string). @head receives the first
 * MOPS_ASSET_SNIFF_SIZE bytes for MIME sniffing. */
char   *mops_asset_copy_and_hash        (int            src_fd,
                                         const char    *staging,
                                         const char    *display,
                                         char         **out_sha256,
                                         guchar        *head,
                                         gsize         *head_len,
                                         goffset       *out_size,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* The MIME type from the name and the first bytes; an image type seen in the content wins
 * over a contradicting extension. */
char   *mops_asset_sniff_mime           (const char    *name,
                                         const guchar  *head,
                                         gsize          head_len);

/* "files/ab/<sha256>.<ext>" for a copied file. */
char   *mops_asset_relative_store_path  (const char    *sha256,
                                         const char    *original_name);

/* One new asset row; the fields of @info that are set, the rest NULL. Returns the new id, or
 * 0 with @error set. */
gint64  mops_asset_insert_row           (sqlite3             *db,
                                         const char          *sha256,
                                         const char          *stored_path,
                                         gboolean             is_reference,
                                         const char          *original_name,
                                         const char          *mime,
                                         goffset              size,
                                         const MopsAssetInfo *info,
                                         GError             **error);

/* The statement of mops_asset_insert_row(), prepared once for many rows
 * (mops_asset_insert_row_with()); NULL with @error set. */
sqlite3_stmt *mops_asset_prepare_insert_row (sqlite3  *db,
                                             GError  **error);

/* mops_asset_insert_row() through @stmt from mops_asset_prepare_insert_row(). */
gint64  mops_asset_insert_row_with      (sqlite3_stmt        *stmt,
                                         const char          *sha256,
                                         const char          *stored_path,
                                         gboolean             is_reference,
                                         const char          *original_name,
                                         const char          *mime,
                                         goffset              size,
                                         const MopsAssetInfo *info,
                                         GError             **error);

/* Rebuilds the asset's search_text (and so its full-text index entry) from its title, name,
 * description, creator, tag paths and licensors. Call it inside the transaction that changed
 * any of them. */
gboolean mops_asset_refresh_search_text (sqlite3  *db,
                                         gint64    asset_id,
                                         GError  **error);

G_END_DECLS
